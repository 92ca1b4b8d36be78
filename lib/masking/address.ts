const MASK = "****";

/** Han characters other than the given ones, `min` to `max` of them, as few as possible. */
function hanExcept(excluded: string, min: number, max: number): string {
  return `(?:(?![${excluded}])\\p{Script=Han}){${min},${max}}?`;
}

const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市?/u;
const PROVINCE = new RegExp(`^${hanExcept("市区县", 2, 7)}(?:省|自治区|特别行政区)`, "u");
const PREFECTURE = new RegExp(`^${hanExcept("区县", 1, 12)}(?:自治州|地区|盟|市)`, "u");
const COUNTY = /^\p{Script=Han}{1,14}?(?:自治县|自治旗|林区|特区|新区|区|县|市|旗)/u;

// A lazy match may run into the street part when an address skips a level ("…市凤台街道某小区");
// such words are never inside a province, prefecture or county name.
const BELOW_COUNTY = /街道|路|街|巷|弄|号|村|组|单元|室|大厦|广场|公司|学校|大学|医院|镇|乡/u;
const NOT_A_DIVISION_ENDING = /(?:社区|小区|园区|校区|景区|厂区|街区|片区|院区|市场|超市)$/u;

/**
 * Keeps the province, prefecture and county of an address and masks the rest:
 * 山西省晋城市城区凤台街道… → 山西省晋城市城区****. When no division can be recognised the whole
 * address is masked, since a wrong guess could reveal the street.
 */
export function maskAddress(address: string): string {
  // Spaces between divisions ("山西省 晋城市 城区") carry nothing worth keeping.
  const value = address.replace(/\s+/gu, "");
  if (value === "") return "";
  const kept = administrativePrefix(value);
  if (kept === "") return MASK;
  return kept === value ? value : kept + MASK;
}

function administrativePrefix(address: string): string {
  let kept = "";
  const take = (pattern: RegExp): boolean => {
    const match = pattern.exec(address.slice(kept.length))?.[0];
    if (match === undefined || !looksLikeDivision(match)) return false;
    kept += match;
    return true;
  };

  const isMunicipality = take(MUNICIPALITY);
  if (!isMunicipality) {
    take(PROVINCE);
    take(PREFECTURE);
  }
  take(COUNTY);
  return kept;
}

function looksLikeDivision(name: string): boolean {
  // 镇/乡 may open a county name (镇安县, 乡宁县) but never follow inside one.
  const rest = Array.from(name).slice(1).join("");
  return !BELOW_COUNTY.test(rest) && !NOT_A_DIVISION_ENDING.test(name);
}
