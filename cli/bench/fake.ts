import type { ApplicantType } from "@/lib/identity";
import type { Channel, FormWanted } from "@/lib/ledger/codes";
import type { OutcomeCode } from "@/lib/report/labels";
import type { Random } from "@/lib/seeded-random";

/**
 * Plausible applicants and requests for a city in Shanxi (晋城): names by surname frequency, resident ID
 * numbers and credit codes with valid check characters, phone numbers, addresses, and request texts
 * made from the kinds of requests these offices actually get (land and housing expropriation above all).
 */

// ── Spreads ────────────────────────────────────────────────────────────────

export const APPLICANT_TYPE_WEIGHTS: Record<ApplicantType, number> = {
  natural_person: 91,
  commercial_enterprise: 4.5,
  research_institution: 0.4,
  social_welfare_org: 0.4,
  legal_service_org: 2.7,
  other_org: 1,
};

export const CHANNEL_WEIGHTS: Record<Channel, number> = {
  online: 44,
  registered_post: 22,
  in_person: 18,
  ordinary_post: 5,
  email: 8,
  fax: 1,
  other: 2,
};

export const FORM_WANTED_WEIGHTS: Record<FormWanted, number> = { paper: 46, electronic: 44, inspection: 7, other: 3 };

/** Outcomes of replies, roughly as the annual reports of municipal offices show them (the two abandonment outcomes come from events). */
export const REPLY_OUTCOME_WEIGHTS: Record<Exclude<OutcomeCode, "other.no_correction" | "other.unpaid_fee">, number> = {
  granted: 39,
  partial: 12,
  "withheld.state_secret": 0.2,
  "withheld.prohibited_by_law": 0.5,
  "withheld.security_stability": 0.5,
  "withheld.third_party": 1.5,
  "withheld.internal_affairs": 1,
  "withheld.process_info": 1.5,
  "withheld.enforcement_file": 0.5,
  "withheld.query_matter": 0.3,
  "unavailable.not_held": 22,
  "unavailable.needs_creation": 3,
  "unavailable.still_unclear": 3,
  "rejected.petition": 4,
  "rejected.duplicate": 3,
  "rejected.publication": 2,
  "rejected.excessive": 0.5,
  "rejected.confirmation": 1,
  "other.other": 4.5,
};

export const DELIVERY_WEIGHTS = { post: 42, electronic: 43, in_person: 15 } as const;

// ── People ─────────────────────────────────────────────────────────────────

const COMMON_SURNAMES: Record<string, number> = {
  王: 7.1, 李: 7, 张: 6.9, 刘: 5.4, 陈: 4.6, 杨: 3.1, 赵: 2.6, 郭: 2.2, 黄: 1.6, 吴: 1.6, 周: 1.6, 徐: 1.3, 孙: 1.5,
  马: 1.4, 朱: 1.1, 胡: 1.2, 何: 1, 高: 1.3, 林: 0.8, 罗: 0.8, 郑: 0.9, 梁: 0.8, 宋: 0.8, 韩: 0.9, 冯: 0.8, 田: 0.8,
  董: 0.7, 牛: 0.6, 申: 0.5, 常: 0.6, 原: 0.4, 靳: 0.4, 秦: 0.5, 卫: 0.3, 焦: 0.4, 崔: 0.6, 范: 0.5, 贾: 0.6,
  程: 0.5, 史: 0.5, 侯: 0.5, 段: 0.4, 任: 0.6, 苗: 0.3, 司马: 0.02, 欧阳: 0.03,
};
const OTHER_SURNAMES =
  "许谢唐曹彭曾肖袁潘于蒋蔡余杜叶苏魏吕丁沈姚卢姜钟谭陆汪金石廖夏付方白邹孟熊邱江尹薛闫雷龙陶贺顾毛郝龚邵万钱严武戴孔汤温康施文樊葛邢安齐易乔庞颜倪聂章鲁岳翟殷耿关兰俞左柳甘祝包宁尚舒柯纪梅毕季裴霍成谷盛曲路辛管柴鲍华祁房屈解艾时穆卓古吉车项连娄窦景党宫费冷席米柏宗桂全应姬师和栾商沙荣郎甄仲明池迟".split(
    "",
  );
const SURNAME_WEIGHTS: Record<string, number> = { ...COMMON_SURNAMES, ...Object.fromEntries(OTHER_SURNAMES.map((s) => [s, 0.12])) };

const MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帅亮晨建国志海峰兵东文斌永红卫忠庆林旭新利晓小云龙锋振宏毅彬".split("");
const FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳莉雪婷洁颖倩琴慧玉凤花翠云晶瑶佳欣怡悦淑珍荣彩琼月春".split("");

export function personName(random: Random): { name: string; male: boolean } {
  const male = random.chance(0.58); // applicants skew male in these offices' ledgers
  const chars = male ? MALE_CHARS : FEMALE_CHARS;
  const given = random.chance(0.78) ? random.pick(chars) + random.pick(chars) : random.pick(chars);
  return { name: random.weighted(SURNAME_WEIGHTS) + given, male };
}

// Shanxi county codes, most of them 晋城 (1405xx).
const REGION_CODES: Record<string, number> = {
  "140502": 30, "140525": 18, "140581": 12, "140522": 10, "140521": 6, "140524": 6,
  "140105": 3, "140106": 2, "140402": 3, "140425": 1, "140802": 1, "141002": 1, "410802": 2, "410882": 1,
};
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function residentIdNumber(random: Random, male: boolean): string {
  const year = random.int(1948, 2004);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const sequence = random.digits(2) + String(random.int(0, 4) * 2 + (male ? 1 : 0));
  const first17 = `${random.weighted(REGION_CODES)}${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${sequence}`;
  const sum = RESIDENT_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + "10X98765432".charAt(sum % 11);
}

const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: department + kind, region, organisation code, check character. */
export function creditCode(random: Random, type: ApplicantType): string {
  const prefix = { commercial_enterprise: "91", research_institution: "12", social_welfare_org: "52", legal_service_org: "31", other_org: "54", natural_person: "91" }[type];
  let organisation = "";
  for (let i = 0; i < 9; i++) organisation += random.chance(0.7) ? String(random.int(0, 9)) : random.pick(CREDIT_ALPHABET.slice(10).split(""));
  const first17 = `${prefix}${random.weighted(REGION_CODES).slice(0, 4)}${random.pick(["00", "02", "25", "81", "21", "22"])}${organisation}`;
  const sum = CREDIT_WEIGHTS.reduce((total, weight, i) => total + weight * CREDIT_ALPHABET.indexOf(first17.charAt(i)), 0);
  return first17 + CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159", "166", "177", "180", "182", "183", "185", "186", "187", "188", "189", "191", "199"];

export function phoneNumber(random: Random): string {
  if (random.chance(0.88)) return random.pick(MOBILE_PREFIXES) + random.digits(8);
  return `0356-${random.int(2, 6)}${random.digits(6)}`;
}

// ── Places and organisations ──────────────────────────────────────────────

const TOWNSHIPS = [
  "城区东街街道", "城区西街街道", "城区南街街道", "城区北街街道", "城区钟家庄街道", "城区矿区街道", "城区西上庄街道", "城区北石店镇",
  "泽州县金村镇", "泽州县巴公镇", "泽州县高都镇", "泽州县南村镇", "泽州县大东沟镇", "泽州县周村镇", "泽州县川底镇", "泽州县柳树口镇",
  "泽州县晋庙铺镇", "泽州县下村镇", "泽州县山河镇", "泽州县李寨乡", "高平市米山镇", "高平市三甲镇", "阳城县凤城镇", "阳城县北留镇",
  "沁水县龙港镇", "陵川县崇文镇",
];
const VILLAGES = ["司徒村", "岗头村", "西岭村", "晓庄村", "刘家川村", "白水村", "东武匠村", "七岭店村", "黄头村", "西武匠村", "坡底村", "东吕匠村", "巴公一村", "南石店村", "冶底村", "中村", "窑头村", "大张村"];
const ESTATES = ["凤台小区", "泽州花园", "书院小区", "兰花城", "东方帝景", "丹河新城", "白马寺小区", "怡凤小区", "景西小区", "新市西街小区", "红星小区", "金匠小区", "百合园", "太行明珠"];
const ROADS = ["泽州路", "凤台街", "红星街", "文昌街", "黄华街", "书院街", "中原街", "太行路", "白水街", "兰花路", "晓庄街", "迎宾街"];

export function address(random: Random): string {
  const township = random.pick(TOWNSHIPS);
  if (random.chance(0.35)) return `山西省晋城市${township}${random.pick(VILLAGES)}${random.int(1, 12)}组${random.int(1, 99)}号`;
  return `山西省晋城市${township}${random.pick(ESTATES)}${random.int(1, 40)}号楼${random.int(1, 6)}单元${random.int(1, 30)}${String(random.int(1, 4)).padStart(2, "0")}室`;
}

const BRANDS = ["鑫源", "华泰", "恒通", "宏达", "晋丰", "泽润", "兰花", "太行", "丹河", "凤城", "金鼎", "瑞丰", "永安", "同创", "德馨", "锦绣", "天成", "正和", "博远", "汇通", "广厦", "三晋", "沁河", "珏山", "皇城", "长平", "析城", "万润", "金泽", "合盛"];
const TRADES = ["煤业", "房地产开发", "建筑工程", "商贸", "物流", "化工", "农业科技", "环保科技", "矿业", "建材", "餐饮管理", "物业服务", "新能源", "机械制造", "信息技术"];
const TOWNS = ["晋城市", "山西", "泽州县", "高平市", "阳城县", "沁水县", "陵川县"];

export function organisationName(random: Random, type: ApplicantType): string {
  const brand = random.pick(BRANDS);
  const town = random.pick(TOWNS);
  switch (type) {
    case "commercial_enterprise":
      return random.chance(0.85) ? `${town}${brand}${random.pick(TRADES)}有限公司` : `山西${brand}${random.pick(TRADES)}股份有限公司`;
    case "research_institution":
      return random.pick([`山西省${brand}环境科学研究院`, `${town}农业科学研究所`, "太原理工大学公共管理学院", `山西${brand}城乡规划设计研究院`]);
    case "social_welfare_org":
      return random.pick([`${town}${brand}社会工作服务中心`, `${town}慈善总会`, `${town}${brand}公益服务中心`]);
    case "legal_service_org":
      return random.chance(0.8) ? `山西${brand}律师事务所` : `${town}${brand}法律服务所`;
    case "other_org":
      return random.pick([`${town}${random.pick(TRADES)}协会`, `${random.pick(VILLAGES).replace("村", "")}村村民委员会`, `${random.pick(ESTATES)}业主委员会`]);
    case "natural_person":
      return personName(random).name;
  }
}

// ── Request texts ──────────────────────────────────────────────────────────

const PROJECTS = [
  "棚户区改造项目", "城中村改造项目", "旧城改造项目", "道路拓宽工程", "集体土地征收项目", "高速公路连接线项目", "污水处理厂建设项目",
  "垃圾焚烧发电项目", "光伏发电项目", "工业园区建设项目", "保障性住房项目", "老旧小区改造工程", "河道综合治理工程", "农村饮水安全工程",
  "采煤沉陷区治理项目", "中学新建项目", "人民医院扩建项目", "商业综合体项目", "物流园区项目", "高标准农田建设项目",
];
const PROJECT_DOCUMENTS = [
  "征收补偿安置方案", "房屋征收决定及公告", "建设用地规划许可证", "建设工程规划许可证", "国有土地使用权出让合同", "环境影响评价报告及批复",
  "立项批复文件", "土地征收审批文件", "社会稳定风险评估报告", "补偿费用拨付明细", "招标投标文件及中标通知书", "竣工验收报告",
  "项目资金使用情况", "可行性研究报告", "用地预审意见", "拆迁补偿标准的会议纪要",
];
const DEPARTMENTS = ["本机关", "市住建局", "市自然资源局", "市财政局", "区政府办公室", "镇人民政府", "街道办事处", "市生态环境局"];
const REASONS = [
  "本人系该项目被征收人，因维护自身合法权益需要申请公开。",
  "申请人的房屋位于上述范围内。",
  "用于行政复议。",
  "用于诉讼。",
  "为了解补偿标准是否合法。",
  "",
  "",
  "",
];

function year(random: Random): number {
  return random.int(2015, 2026);
}

export function requestText(random: Random): string {
  const place = random.chance(0.5) ? random.pick(TOWNSHIPS) : `${random.pick(TOWNSHIPS)}${random.pick(VILLAGES)}`;
  const y = year(random);
  const body = random.weighted({
    project: 40,
    budget: 6,
    subsidy: 8,
    penalty: 7,
    building: 7,
    company: 6,
    homestead: 6,
    finance: 5,
    road: 3,
    expenses: 4,
    minutes: 4,
    pollution: 4,
  } as const);
  let text: string;
  switch (body) {
    case "project":
      text = `${place}${random.pick(PROJECTS)}的${random.pick(PROJECT_DOCUMENTS)}`;
      if (random.chance(0.4)) text += `及${random.pick(PROJECT_DOCUMENTS)}`;
      break;
    case "budget":
      text = `${y}年度${random.pick(DEPARTMENTS)}部门预算和决算`;
      break;
    case "subsidy":
      text = `${y}年${place}${random.pick(["城乡居民最低生活保障对象名单及审批材料", "耕地地力保护补贴发放名册", "危房改造补助资金发放明细", "城乡居民医疗保险补助资金使用情况"])}`;
      break;
    case "penalty":
      text = `${random.pick(DEPARTMENTS)}于${y}年对本人作出的行政处罚决定所依据的调查笔录、证据材料和法律依据`;
      break;
    case "building":
      text = `本人位于${place}的房屋被认定为违法建筑的认定依据、限期拆除决定及送达回证`;
      break;
    case "company":
      text = `${organisationName(random, "commercial_enterprise")}的${random.pick(["营业执照登记信息", "安全生产许可证及事故调查报告", "排污许可证及近三年环境监测数据", "采矿许可证及储量核实报告"])}`;
      break;
    case "homestead":
      text = `${y}年${place}农村宅基地审批台账及本户宅基地使用权登记资料`;
      break;
    case "finance":
      text = `${y}年${place}农村集体经济组织财务收支明细及集体土地补偿款分配方案`;
      break;
    case "road":
      text = `${random.pick(ROADS)}与${random.pick(ROADS)}交叉口交通信号灯设置的审批文件`;
      break;
    case "expenses":
      text = `${y}年${random.pick(DEPARTMENTS)}公务接待费、公务用车购置及运行费支出明细`;
      break;
    case "minutes":
      text = `${y}年${random.int(1, 12)}月${random.pick(DEPARTMENTS)}关于${place}${random.pick(PROJECTS)}的专题会议纪要`;
      break;
    case "pollution":
      text = `${place}${random.pick(["化工厂", "洗煤厂", "砖厂", "搅拌站", "养殖场"])}的环境影响评价文件、验收意见及群众投诉处理结果`;
      break;
  }
  const verb = random.pick(["申请公开", "请求公开", "申请获取", "要求提供", ""]);
  return `${verb}${text}。${random.pick(REASONS)}`;
}

export const ADDRESSEES = ["项目建设单位", "晋城市自然资源局", "晋城市住房和城乡建设局", "相关企业", "第三方权利人", "晋城市财政局", "镇人民政府"];
export const EXTENSION_REASONS = ["申请内容涉及多个部门，需协调调取档案", "所需信息数量较大，需检索整理", "需对涉及的第三方信息进行审查"];
