import { checkIdentityNumber, type ApplicantType } from "@/lib/identity";
import type { OutcomeCode } from "@/lib/report/labels";
import type { Random } from "@/lib/seeded-random";

/**
 * Applicants and requests of the demo ledger: plausible for a district office in 晋城, and clearly made
 * up. People are named 「王某甲」 (surname, 某, a heavenly stem) as anonymised court documents do;
 * organisations carry a pair of stems (「晋城市丙丁置业有限公司」); phones are 1380000xxxx; ID numbers
 * and credit codes have valid check characters, checked with lib/identity as they are made.
 */

export type Applicant = {
  applicantType: ApplicantType;
  applicantName: string;
  idNumber: string;
  phone: string;
  address: string;
};

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林郑梁宋韩冯田董牛申常秦崔贾程史段任靳焦原卫".split("");
const STEMS = "甲乙丙丁戊己庚辛壬癸".split("");

const SUBDISTRICTS = ["东街街道", "西街街道", "南街街道", "北街街道", "矿区街道", "钟家庄街道", "西上庄街道", "北石店镇"];
const ESTATES = ["幸福里小区", "和平小区", "向阳小区", "新华小区", "光明小区", "康乐小区", "安居小区", "育才小区", "锦华苑", "丹桂园"];
export const VILLAGES = ["东岭村", "西岭村", "南庄村", "北庄村", "前进村", "后河村", "上坡村", "下坡村", "中和村", "新建村"];
export const ROADS = ["东风路", "建设路", "人民路", "解放路", "新华街", "文化路", "迎宾街", "和平街"];

/** 晋城 county codes for the resident ID, most of them 城区. */
const REGIONS: Record<string, number> = { "140502": 60, "140525": 15, "140581": 8, "140522": 6, "140521": 5, "140524": 6 };

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function checked(number: string, type: ApplicantType): string {
  const result = checkIdentityNumber(number, type);
  if (!result.ok) throw new Error(`demo identity number ${number} is invalid: ${result.reason}`);
  return result.normalized;
}

export function residentIdNumber(random: Random): string {
  const birth = `${random.int(1950, 2003)}${pad(random.int(1, 12))}${pad(random.int(1, 28))}`;
  const first17 = `${random.weighted(REGIONS)}${birth}${random.digits(3)}`;
  const sum = RESIDENT_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return checked(first17 + "10X98765432".charAt(sum % 11), "natural_person");
}

const CREDIT_PREFIX: Record<Exclude<ApplicantType, "natural_person">, string> = {
  commercial_enterprise: "91",
  research_institution: "12",
  social_welfare_org: "52",
  legal_service_org: "31",
  other_org: "54",
};

export function creditCode(random: Random, type: Exclude<ApplicantType, "natural_person">): string {
  let organisation = "";
  for (let i = 0; i < 9; i++) organisation += random.chance(0.7) ? String(random.int(0, 9)) : random.pick(CREDIT_ALPHABET.slice(10).split(""));
  const first17 = `${CREDIT_PREFIX[type]}140502${organisation}`;
  const sum = CREDIT_WEIGHTS.reduce((total, weight, i) => total + weight * CREDIT_ALPHABET.indexOf(first17.charAt(i)), 0);
  return checked(first17 + CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31), type);
}

export const phone = (random: Random) => `1380000${random.digits(4)}`;

function stemPair(random: Random): string {
  const first = random.int(0, STEMS.length - 2);
  return `${STEMS[first]}${STEMS[random.int(first + 1, STEMS.length - 1)]}`;
}

function homeAddress(random: Random): string {
  if (random.chance(0.3)) return `山西省晋城市城区北石店镇${random.pick(VILLAGES)}${random.int(1, 120)}号`;
  return `山西省晋城市城区${random.pick(SUBDISTRICTS)}${random.pick(ESTATES)}${random.int(1, 24)}号楼${random.int(1, 4)}单元${random.int(1, 18)}0${random.int(1, 4)}室`;
}

const officeAddress = (random: Random) => `山西省晋城市城区${random.pick(ROADS)}${random.int(1, 300)}号`;

function organisationName(random: Random, type: Exclude<ApplicantType, "natural_person">): string {
  const stems = stemPair(random);
  switch (type) {
    case "commercial_enterprise":
      return `晋城市${stems}${random.pick(["置业", "商贸", "建筑工程", "物业服务", "环保科技", "物流", "煤业"])}有限公司`;
    case "research_institution":
      return random.chance(0.5) ? `晋城市${stems}${random.pick(["城乡规划", "社会经济", "环境科学"])}研究所` : `山西${stems}发展研究院`;
    case "social_welfare_org":
      return `晋城市城区${stems}${random.pick(["社会工作服务中心", "养老服务协会", "公益助学促进会"])}`;
    case "legal_service_org":
      return random.chance(0.7) ? `山西${stems}律师事务所` : `晋城市城区${stems}法律服务所`;
    case "other_org":
      return random.chance(0.6) ? `城区北石店镇${random.pick(VILLAGES)}股份经济合作社` : `城区${random.pick(SUBDISTRICTS)}${random.pick(ESTATES)}业主委员会`;
  }
}

export function newApplicant(random: Random, type: ApplicantType): Applicant {
  if (type === "natural_person") {
    return {
      applicantType: type,
      applicantName: `${random.pick(SURNAMES)}某${random.pick(STEMS)}`,
      idNumber: residentIdNumber(random),
      phone: phone(random),
      address: homeAddress(random),
    };
  }
  return { applicantType: type, applicantName: organisationName(random, type), idNumber: creditCode(random, type), phone: phone(random), address: officeAddress(random) };
}

/**
 * People come back: a pool of applicants per type, from which most applications are drawn, so the
 * ledger shows repeat applicants as real ones do.
 */
export function applicantPool(random: Random, sizes: Record<ApplicantType, number>) {
  const pools = new Map<ApplicantType, Applicant[]>();
  return (type: ApplicantType): Applicant => {
    const pool = pools.get(type) ?? [];
    pools.set(type, pool);
    if (pool.length < sizes[type] && (pool.length === 0 || random.chance(0.75))) {
      const fresh = newApplicant(random, type);
      pool.push(fresh);
      return fresh;
    }
    return random.pick(pool);
  };
}

// ── What people ask for ────────────────────────────────────────────────────

type Topic = (random: Random, year: number) => string;

const past = (random: Random, year: number) => year - random.int(0, 3);

/** Requests to a district government office, by the outcome they tend to end in. */
const GENERAL: Topic[] = [
  (r) => `${r.pick(VILLAGES)}城中村改造项目的房屋征收决定及征收补偿方案`,
  (r, y) => `${past(r, y)}年区政府常务会议研究${r.pick(SUBDISTRICTS)}棚户区改造事项形成的会议纪要`,
  (r) => `${r.pick(SUBDISTRICTS)}${r.pick(ESTATES)}老旧小区改造工程的立项批复、资金来源和验收情况`,
  (r) => `${r.pick(VILLAGES)}集体土地征收的征收土地预公告、补偿安置方案公告及听证情况`,
  (r) => `区政府关于${r.pick(ROADS)}拓宽改造工程的批复文件及涉及房屋的征收范围图`,
  (r, y) => `${past(r, y)}年城区城乡居民最低生活保障标准调整文件及本人所在社区的审批程序`,
  (r, y) => `${past(r, y)}年城区财政预算执行情况及“三公”经费支出明细`,
  (r) => `本人位于${r.pick(VILLAGES)}的房屋被认定为违法建筑的依据及限期拆除决定的送达记录`,
  (r) => `区政府与${r.pick(VILLAGES)}股份经济合作社签订的土地整理协议`,
  (r, y) => `${past(r, y)}年城区重点工程项目计划及${r.pick(ROADS)}沿线项目的环评批复`,
  (r) => `城区${r.pick(["集中供热", "燃气管网", "雨污分流"])}改造工程的招标文件、中标公告和施工合同`,
  (r) => `${r.pick(SUBDISTRICTS)}${r.pick(ESTATES)}物业服务收费标准的备案材料`,
];

const BY_OUTCOME: Partial<Record<OutcomeCode, Topic[]>> = {
  "withheld.state_secret": [() => "城区人民防空工程的具体位置、数量和平面布置图"],
  "withheld.prohibited_by_law": [(r) => `${r.pick(VILLAGES)}某企业的纳税申报明细和完税记录`],
  "withheld.security_stability": [() => "城区重点防控目标和应急物资储备库的分布情况"],
  "withheld.third_party": [(r) => `${r.pick(VILLAGES)}拆迁安置中其他被征收户的补偿协议及补偿金额`],
  "withheld.internal_affairs": [() => "区政府办公室内部考勤管理办法和人员分工情况"],
  "withheld.process_info": [(r, y) => `${past(r, y)}年区政府常务会议讨论征收补偿标准的会议记录和讨论稿`],
  "withheld.enforcement_file": [(r) => `区有关部门对${r.pick(VILLAGES)}违法占地行为作出行政处罚的全部案卷材料`],
  "withheld.query_matter": [() => "本人及家属的户籍登记信息和婚姻登记档案"],
  "unavailable.needs_creation": [(r, y) => `${past(r, y) - 8}年以来城区所有征收项目补偿款发放情况的汇总统计表`],
  "unavailable.still_unclear": [() => "与本人有关的所有政府文件"],
  "rejected.petition": [(r) => `反映${r.pick(VILLAGES)}有人私搭乱建，要求区政府查处并答复处理结果`],
  "rejected.publication": [(r, y) => `《晋城市城区年鉴》${past(r, y) - 1}卷全文`],
  "rejected.confirmation": [() => "要求对本人已获取的征收补偿协议复印件重新盖章并确认其真实性"],
  "rejected.duplicate": [(r) => `${r.pick(VILLAGES)}城中村改造项目的房屋征收决定（此前已申请并获答复）`],
  "rejected.excessive": [(r) => `${r.pick(SUBDISTRICTS)}各社区近年来全部会议记录、工作台账和经费支出凭证`],
};

const BY_TYPE: Partial<Record<ApplicantType, Topic[]>> = {
  commercial_enterprise: [
    (r, y) => `${past(r, y)}年城区国有建设用地使用权出让计划及${r.pick(ROADS)}地块的出让公告`,
    () => "城区工业企业技术改造专项补助资金的申报条件和拨付结果",
    () => "区政府关于本公司承建项目工程款结算的会议纪要",
  ],
  research_institution: [(r, y) => `${past(r, y)}年城区人口、就业和社会保障统计数据`, () => "城区近五年生态环境质量报告"],
  social_welfare_org: [() => "城区社区养老服务设施建设补助资金的分配方案", () => "城区政府购买社会工作服务项目的招标文件和评审结果"],
  legal_service_org: [
    (r) => `受当事人委托，申请${r.pick(VILLAGES)}房屋征收项目的征收决定、社会稳定风险评估报告和补偿资金到位证明`,
    (r) => `受当事人委托，申请${r.pick(ROADS)}改造项目的用地批准文件`,
  ],
  other_org: [(r) => `${r.pick(VILLAGES)}集体土地征收补偿款的拨付凭证和分配方案`, () => "本小区周边规划道路的控制性详细规划"],
};

export function requestText(random: Random, year: number, type: ApplicantType, outcome: OutcomeCode | null): string {
  const byOutcome = outcome ? BY_OUTCOME[outcome] : undefined;
  if (byOutcome) return random.pick(byOutcome)(random, year);
  const byType = BY_TYPE[type];
  if (byType && random.chance(0.7)) return random.pick(byType)(random, year);
  return random.pick(GENERAL)(random, year);
}

/** What a department of education gets asked for. */
export const EDUCATION_TOPICS: Topic[] = [
  (r, y) => `${past(r, y)}年城区义务教育阶段公办学校招生划片范围`,
  (r, y) => `${past(r, y)}年城区公开招聘中小学教师的笔试、面试成绩和拟聘用人员名单`,
  (r) => `${r.pick(SUBDISTRICTS)}新建小学的建设规划和开学时间`,
  () => "城区中小学课后服务收费标准及审批文件",
  (r, y) => `${past(r, y)}年城区学生资助资金的分配和发放情况`,
  () => "城区民办幼儿园办学许可名单及年检结果",
  (r) => `${r.pick(ESTATES)}配套幼儿园移交教育部门的协议`,
];

export const THIRD_PARTIES = ["晋城市己庚置业有限公司", "晋城市甲丁建筑工程有限公司", "晋城市乙丙物业服务有限公司"];
export const OTHER_AGENCIES = ["晋城市自然资源局城区分局", "晋城市城区住房和城乡建设局", "晋城市城区财政局"];
