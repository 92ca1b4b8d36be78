/**
 * The official labels of the annual report (格式: 国办公开办函〔2021〕30号), as data and in display order.
 * Every renderer (HTML, DOCX, CSV) and every message takes its wording from here, so the exact characters
 * (full-width punctuation, “” quotes) live in one place.
 */

export const REPORT_SECTIONS = [
  { key: "overview", heading: "一、总体情况" },
  { key: "proactive", heading: "二、主动公开政府信息情况" },
  { key: "applications", heading: "三、收到和处理政府信息公开申请情况" },
  { key: "reviews", heading: "四、政府信息公开行政复议、行政诉讼情况" },
  { key: "problems", heading: "五、存在的主要问题及改进情况" },
  { key: "other", heading: "六、其他需要报告的事项" },
] as const;

export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]["key"];
/** The sections written as prose; the others are tables. */
export const PROSE_SECTION_KEYS = ["overview", "problems", "other"] as const;
export type ProseSectionKey = (typeof PROSE_SECTION_KEYS)[number];

/** Sub-heads of 「一、总体情况」. The seed report writes them with a trailing 「方面」. */
export const OVERVIEW_SUBHEADS = [
  { key: "proactive", heading: "（一）主动公开" },
  { key: "onRequest", heading: "（二）依申请公开" },
  { key: "management", heading: "（三）政府信息管理" },
  { key: "platforms", heading: "（四）政府信息公开平台建设" },
  { key: "oversight", heading: "（五）监督保障" },
] as const;

export type OverviewSubheadKey = (typeof OVERVIEW_SUBHEADS)[number]["key"];

// ── Table 二 ──────────────────────────────────────────────────────────────

export const PROACTIVE_CONTENT_HEADER = "信息内容";

export const PROACTIVE_TABLE = [
  {
    heading: "第二十条第（一）项",
    columns: [
      { key: "issued", label: "本年制发件数" },
      { key: "abolished", label: "本年废止件数" },
      { key: "inForce", label: "现行有效件数" },
    ],
    rows: [
      { key: "regulations", label: "规章" },
      { key: "normativeDocuments", label: "行政规范性文件" },
    ],
  },
  {
    heading: "第二十条第（五）项",
    columns: [{ key: "count", label: "本年处理决定数量" }],
    rows: [{ key: "licensing", label: "行政许可" }],
  },
  {
    heading: "第二十条第（六）项",
    columns: [{ key: "count", label: "本年处理决定数量" }],
    rows: [
      { key: "penalties", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
  },
  {
    heading: "第二十条第（八）项",
    columns: [{ key: "amount", label: "本年收费金额（单位：万元）" }],
    rows: [{ key: "feesTenThousandYuan", label: "行政事业性收费" }],
  },
] as const;

export const DOCUMENT_KINDS = ["regulations", "normativeDocuments"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

// ── Table 三: columns ─────────────────────────────────────────────────────

export const APPLICANT_HEADER = "申请人情况";
export const LEGAL_ENTITY_GROUP_LABEL = "法人或其他组织";

export const APPLICANT_TYPES = [
  { code: "natural_person", label: "自然人", inLegalEntityGroup: false },
  { code: "commercial_enterprise", label: "商业企业", inLegalEntityGroup: true },
  { code: "research_institution", label: "科研机构", inLegalEntityGroup: true },
  { code: "social_welfare_org", label: "社会公益组织", inLegalEntityGroup: true },
  { code: "legal_service_org", label: "法律服务机构", inLegalEntityGroup: true },
  { code: "other_org", label: "其他", inLegalEntityGroup: true },
] as const;

export type ApplicantTypeCode = (typeof APPLICANT_TYPES)[number]["code"];

export const TOTAL_COLUMN = { code: "total", label: "总计" } as const;

/** The seven columns of table 三, in the order of every array in the report JSON. */
export const APPLICATION_COLUMNS = [...APPLICANT_TYPES, TOTAL_COLUMN] as const;
export type ColumnCode = (typeof APPLICATION_COLUMNS)[number]["code"];
/** Spelled out as a literal tuple for zod; a test holds it to the order of APPLICATION_COLUMNS. */
export const COLUMN_CODES = [
  "natural_person",
  "commercial_enterprise",
  "research_institution",
  "social_welfare_org",
  "legal_service_org",
  "other_org",
  "total",
] as const satisfies readonly ColumnCode[];
export const TOTAL_COLUMN_INDEX = COLUMN_CODES.length - 1;

// ── Table 三: rows ────────────────────────────────────────────────────────

export const APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

export const APPLICATION_ROW_LABELS = {
  received: "一、本年新收政府信息公开申请数量",
  carriedOver: "二、上年结转政府信息公开申请数量",
  results: "三、本年度办理结果",
  handled: "（七）总计",
  carriedForward: "四、结转下年度继续办理",
} as const;

/** The table-三 rows that are not outcome rows, under their JSON keys. */
export const COUNT_ROW_KEYS = ["received", "carriedOver", "handled", "carriedForward"] as const;
export type CountRowKey = (typeof COUNT_ROW_KEYS)[number];

export const OUTCOME_GROUPS = [
  { key: "granted", heading: "（一）予以公开", name: "予以公开" },
  { key: "partial", heading: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", name: "部分公开" },
  { key: "withheld", heading: "（三）不予公开", name: "不予公开" },
  { key: "unavailable", heading: "（四）无法提供", name: "无法提供" },
  { key: "rejected", heading: "（五）不予处理", name: "不予处理" },
  { key: "other", heading: "（六）其他处理", name: "其他处理" },
] as const;

export type OutcomeGroupKey = (typeof OUTCOME_GROUPS)[number]["key"];

/**
 * The 21 outcome rows in table order. `label` is the row's own cell; for the two groups that are a single
 * row (予以公开, 部分公开) it is the group heading itself, so `label === group heading` marks them.
 * `name` is the label without its number prefix or note, as the ledger import accepts it.
 */
export const OUTCOMES = [
  { code: "granted", group: "granted", label: "（一）予以公开", name: "予以公开" },
  {
    code: "partial",
    group: "partial",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    name: "部分公开",
  },
  { code: "withheld.state_secret", group: "withheld", label: "1.属于国家秘密", name: "属于国家秘密" },
  {
    code: "withheld.prohibited_by_law",
    group: "withheld",
    label: "2.其他法律行政法规禁止公开",
    name: "其他法律行政法规禁止公开",
  },
  {
    code: "withheld.security_stability",
    group: "withheld",
    label: "3.危及“三安全一稳定”",
    name: "危及“三安全一稳定”",
  },
  { code: "withheld.third_party", group: "withheld", label: "4.保护第三方合法权益", name: "保护第三方合法权益" },
  {
    code: "withheld.internal_affairs",
    group: "withheld",
    label: "5.属于三类内部事务信息",
    name: "属于三类内部事务信息",
  },
  { code: "withheld.process_info", group: "withheld", label: "6.属于四类过程性信息", name: "属于四类过程性信息" },
  { code: "withheld.enforcement_file", group: "withheld", label: "7.属于行政执法案卷", name: "属于行政执法案卷" },
  { code: "withheld.query_matter", group: "withheld", label: "8.属于行政查询事项", name: "属于行政查询事项" },
  {
    code: "unavailable.not_held",
    group: "unavailable",
    label: "1.本机关不掌握相关政府信息",
    name: "本机关不掌握相关政府信息",
  },
  {
    code: "unavailable.needs_creation",
    group: "unavailable",
    label: "2.没有现成信息需要另行制作",
    name: "没有现成信息需要另行制作",
  },
  {
    code: "unavailable.still_unclear",
    group: "unavailable",
    label: "3.补正后申请内容仍不明确",
    name: "补正后申请内容仍不明确",
  },
  { code: "rejected.petition", group: "rejected", label: "1.信访举报投诉类申请", name: "信访举报投诉类申请" },
  { code: "rejected.duplicate", group: "rejected", label: "2.重复申请", name: "重复申请" },
  { code: "rejected.publication", group: "rejected", label: "3.要求提供公开出版物", name: "要求提供公开出版物" },
  {
    code: "rejected.excessive",
    group: "rejected",
    label: "4.无正当理由大量反复申请",
    name: "无正当理由大量反复申请",
  },
  {
    code: "rejected.confirmation",
    group: "rejected",
    label: "5.要求行政机关确认或重新出具已获取信息",
    name: "要求行政机关确认或重新出具已获取信息",
  },
  {
    code: "other.no_correction",
    group: "other",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    name: "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  },
  {
    code: "other.unpaid_fee",
    group: "other",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    name: "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  },
  { code: "other.other", group: "other", label: "3.其他", name: "其他" },
] as const;

export type OutcomeCode = (typeof OUTCOMES)[number]["code"];
/** Spelled out as a literal tuple for zod; a test holds it to the order of OUTCOMES. */
export const OUTCOME_CODES = [
  "granted",
  "partial",
  "withheld.state_secret",
  "withheld.prohibited_by_law",
  "withheld.security_stability",
  "withheld.third_party",
  "withheld.internal_affairs",
  "withheld.process_info",
  "withheld.enforcement_file",
  "withheld.query_matter",
  "unavailable.not_held",
  "unavailable.needs_creation",
  "unavailable.still_unclear",
  "rejected.petition",
  "rejected.duplicate",
  "rejected.publication",
  "rejected.excessive",
  "rejected.confirmation",
  "other.no_correction",
  "other.unpaid_fee",
  "other.other",
] as const satisfies readonly OutcomeCode[];

/** The labels that identify an outcome row: its group heading, then its own label when it differs. */
export function outcomeLabelPath(code: OutcomeCode): readonly string[] {
  const outcome = OUTCOMES.find((o) => o.code === code);
  const group = OUTCOME_GROUPS.find((g) => g.key === outcome?.group);
  if (!outcome || !group) return [code];
  return outcome.label === group.heading ? [outcome.label] : [group.heading, outcome.label];
}

/** An outcome in one line, for lists and traces: 「不予公开：属于国家秘密」, or the group name for a single-row group. */
export function outcomeShortLabel(code: OutcomeCode): string {
  const outcome = OUTCOMES.find((o) => o.code === code);
  const group = OUTCOME_GROUPS.find((g) => g.key === outcome?.group);
  if (!outcome || !group) return code;
  if (outcome.label === group.heading) return group.name;
  return group.key === "other" && code !== "other.other" ? outcome.name : `${group.name}：${outcome.name}`;
}

export function outcomesOfGroup(group: OutcomeGroupKey): readonly OutcomeCode[] {
  return OUTCOMES.filter((o) => o.group === group).map((o) => o.code);
}

// ── Table 四 ──────────────────────────────────────────────────────────────

export const LITIGATION_LABEL = "行政诉讼";

export const REVIEW_GROUPS = [
  { key: "reconsideration", label: "行政复议", underLitigation: false },
  { key: "litigationDirect", label: "未经复议直接起诉", underLitigation: true },
  { key: "litigationAfterReconsideration", label: "复议后起诉", underLitigation: true },
] as const;

export type ReviewGroupKey = (typeof REVIEW_GROUPS)[number]["key"];
export const REVIEW_GROUP_KEYS = REVIEW_GROUPS.map((g) => g.key) as readonly ReviewGroupKey[];

export const REVIEW_COLUMNS = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
] as const;

export type ReviewColumnKey = (typeof REVIEW_COLUMNS)[number]["key"];
export const REVIEW_PART_KEYS = ["upheld", "corrected", "other", "pending"] as const;
