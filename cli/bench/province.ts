import type { Random } from "@/lib/seeded-random";

/**
 * The agencies of a province (Shanxi): the provincial government's office and departments, the eleven
 * cities' government offices and departments, and the county-level governments with their busiest
 * departments, each under its parent. The list is longer than any benchmark needs; a data set takes the
 * first N, which always include every level.
 */

export type AgencyPlan = {
  code: string;
  name: string;
  parentCode: string | null;
  /** How busy an agency of this kind is, before the random spread (relative). */
  kindWeight: number;
};

/** The agency that holds the bulk of the rows: the worst case for every per-agency query. */
export const BIG_AGENCY = { code: "jc-gov", name: "晋城市人民政府办公室" } as const;

const PROVINCE_DEPARTMENTS = [
  "发展和改革委员会", "教育厅", "科学技术厅", "工业和信息化厅", "公安厅", "民政厅", "司法厅", "财政厅", "人力资源和社会保障厅",
  "自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅", "水利厅", "农业农村厅", "商务厅", "文化和旅游厅", "卫生健康委员会",
  "退役军人事务厅", "应急管理厅", "审计厅", "市场监督管理局", "能源局", "林业和草原局",
];
const CITY_DEPARTMENTS = [
  "自然资源局", "住房和城乡建设局", "生态环境局", "公安局", "财政局", "市场监督管理局", "人力资源和社会保障局", "交通运输局",
  "农业农村局", "教育局", "卫生健康委员会", "水务局", "应急管理局", "民政局", "发展和改革委员会", "城市管理局", "司法局",
  "审计局", "退役军人事务局", "商务局",
];
const COUNTY_DEPARTMENTS = ["自然资源局", "住房和城乡建设局", "农业农村局"];

/** The cities and their county-level divisions; 晋城 first, as the fake applicants live there. */
const CITIES: { code: string; name: string; counties: string[] }[] = [
  { code: "jc", name: "晋城市", counties: ["城区", "沁水县", "阳城县", "陵川县", "泽州县", "高平市"] },
  { code: "ty", name: "太原市", counties: ["小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区", "清徐县", "阳曲县", "娄烦县", "古交市"] },
  { code: "dt", name: "大同市", counties: ["新荣区", "平城区", "云冈区", "云州区", "阳高县", "天镇县", "广灵县", "灵丘县", "浑源县", "左云县"] },
  { code: "yq", name: "阳泉市", counties: ["城区", "矿区", "郊区", "平定县", "盂县"] },
  { code: "cz", name: "长治市", counties: ["潞州区", "上党区", "屯留区", "潞城区", "襄垣县", "平顺县", "黎城县", "壶关县", "长子县", "武乡县", "沁县", "沁源县"] },
  { code: "sz", name: "朔州市", counties: ["朔城区", "平鲁区", "山阴县", "应县", "右玉县", "怀仁市"] },
  { code: "jz", name: "晋中市", counties: ["榆次区", "太谷区", "榆社县", "左权县", "和顺县", "昔阳县", "寿阳县", "祁县", "平遥县", "灵石县", "介休市"] },
  { code: "yc", name: "运城市", counties: ["盐湖区", "临猗县", "万荣县", "闻喜县", "稷山县", "新绛县", "绛县", "垣曲县", "夏县", "平陆县", "芮城县", "永济市", "河津市"] },
  { code: "xz", name: "忻州市", counties: ["忻府区", "定襄县", "五台县", "代县", "繁峙县", "宁武县", "静乐县", "神池县", "五寨县", "岢岚县", "河曲县", "保德县", "偏关县", "原平市"] },
  { code: "lf", name: "临汾市", counties: ["尧都区", "曲沃县", "翼城县", "襄汾县", "洪洞县", "古县", "安泽县", "浮山县", "吉县", "乡宁县", "大宁县", "隰县", "永和县", "蒲县", "汾西县", "侯马市", "霍州市"] },
  { code: "ll", name: "吕梁市", counties: ["离石区", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县", "交口县", "孝义市", "汾阳市"] },
];

/** Land, housing and the government offices get most requests (expropriation above all). */
function departmentWeight(name: string): number {
  if (/自然资源/.test(name)) return 3;
  if (/住房和城乡建设/.test(name)) return 2.5;
  if (/公安|生态环境|人力资源|农业农村/.test(name)) return 1.2;
  return 0.6;
}

/** Every agency of the province in a fixed order that mixes the levels, so any first N is a fair sample. */
export function provinceAgencies(): AgencyPlan[] {
  const province: AgencyPlan[] = [
    { code: "sx-gov", name: "山西省人民政府办公厅", parentCode: null, kindWeight: 3 },
    ...PROVINCE_DEPARTMENTS.map((department, i) => ({ code: `sx-d${String(i + 1).padStart(2, "0")}`, name: `山西省${department}`, parentCode: "sx-gov", kindWeight: departmentWeight(department) })),
  ];
  const cityOffices: AgencyPlan[] = CITIES.map((city) => ({ code: `${city.code}-gov`, name: `${city.name}人民政府办公室`, parentCode: "sx-gov", kindWeight: 4 }));
  const cityDepartments: AgencyPlan[][] = CITIES.map((city) =>
    CITY_DEPARTMENTS.map((department, i) => ({ code: `${city.code}-d${String(i + 1).padStart(2, "0")}`, name: `${city.name}${department}`, parentCode: `${city.code}-gov`, kindWeight: departmentWeight(department) })),
  );
  const counties: AgencyPlan[][] = CITIES.map((city) =>
    city.counties.flatMap((county, i) => {
      const code = `${city.code}-c${String(i + 1).padStart(2, "0")}`;
      // 城区 and 矿区 exist in more than one city: the city's name keeps them apart.
      const name = county === "城区" || county === "矿区" || county === "郊区" ? `${city.name}${county}` : county;
      return [
        { code: `${code}-gov`, name: `${name}人民政府办公室`, parentCode: `${city.code}-gov`, kindWeight: 1.5 },
        ...COUNTY_DEPARTMENTS.map((department, j) => ({ code: `${code}-d${j + 1}`, name: `${name}${department}`, parentCode: `${code}-gov`, kindWeight: departmentWeight(department) * 0.5 })),
      ];
    }),
  );
  // The offices first (the big agency among them), then round robin over the cities, so the first N hold
  // every level of every city.
  const [provinceOffice, ...provinceDepartments] = province;
  const out = [...(provinceOffice ? [provinceOffice] : []), ...cityOffices, ...provinceDepartments];
  const longest = Math.max(...cityDepartments.map((list) => list.length), ...counties.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (let c = 0; c < CITIES.length; c++) {
      const department = cityDepartments[c]?.[i];
      if (department) out.push(department);
      // A county government comes before its own departments in every city's list.
      const county = counties[c]?.[i];
      if (county) out.push(county);
    }
  }
  return out;
}

export type SizedAgency = AgencyPlan & { rows: number };

/**
 * `count` agencies sharing `total` applications: the big agency gets `bigShare` of them (the worst case
 * every list query is measured on), the others a share of the rest by their kind's weight times a
 * log-normal spread, so a few are busy and most are small, as in a real province.
 */
export function sizeAgencies(random: Random, count: number, total: number, bigShare: number): SizedAgency[] {
  const all = provinceAgencies();
  if (count < 2 || count > all.length) throw new Error(`agencies: between 2 and ${all.length}`);
  const chosen = all.slice(0, count);
  if (!chosen.some((agency) => agency.code === BIG_AGENCY.code)) throw new Error("the big agency must be among the chosen agencies");
  const bigRows = Math.round(total * bigShare);
  const weights = chosen.map((agency) => (agency.code === BIG_AGENCY.code ? 0 : agency.kindWeight * Math.exp(0.9 * gaussian(random))));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const rest = total - bigRows;
  // Largest remainders, so the rows add up to `total` exactly and every agency has at least one.
  const exact = weights.map((weight) => (weight / weightSum) * rest);
  const rows = exact.map((value, i) => (chosen[i]?.code === BIG_AGENCY.code ? 0 : Math.max(1, Math.floor(value))));
  let left = rest - rows.reduce((sum, n) => sum + n, 0);
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    const entry = order[k];
    if (!entry || chosen[entry.i]?.code === BIG_AGENCY.code) continue;
    rows[entry.i] = (rows[entry.i] ?? 0) + 1;
    left -= 1;
  }
  return chosen.map((agency, i) => ({ ...agency, rows: agency.code === BIG_AGENCY.code ? bigRows : (rows[i] ?? 1) }));
}

/** A standard normal deviate (Box–Muller) from the seeded generator. */
function gaussian(random: Random): number {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
