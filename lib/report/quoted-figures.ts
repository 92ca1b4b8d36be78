import { APPLICATION_ROW_LABELS, OUTCOME_GROUPS, PROACTIVE_TABLE, TOTAL_COLUMN } from "./labels";
import type { AnnualReport } from "./schema";
import { litigationTotal, outcomeGroupTotal, reviewColumnSum, totalOf } from "./totals";

/**
 * The figures that prose may quote, each with the phrases that quote it. A phrase is a fixed lead-in
 * (「收到政府信息公开申请」, 「上年结转」, 「实际收取」…) directly followed by a number and its unit
 * (件 or 元/万元); only such phrases are read, so a year, a phone number or a count of something the
 * tables do not hold is never mistaken for a figure. Numbers may be written in Arabic digits (half- or
 * full-width, with or without thousands commas) or, for 0–99, in Chinese numerals (六, 十二, 两).
 * A few phrases state zero without a number (「未收取信息处理费」).
 *
 * All figures of table 三 are read from the 「总计」 column: prose speaks of totals.
 */
export interface QuotedFigure {
  key: string;
  /** The table place, in official labels, for messages. */
  place: string;
  unit: "件" | "元";
  /** A regular-expression source for the words that come right before the number. */
  leadIn: string;
  /** A whole phrase that states the figure is zero. */
  zeroPhrase?: string;
  value: (report: AnnualReport) => number;
}

export interface FigureQuote {
  figure: QuotedFigure;
  /** The phrase as written. */
  text: string;
  quoted: number;
}

const FILLER = "(?:政府信息公开|信息公开)?(?:申请)?(?:数量)?";
const inTotalColumn = (rowLabel: string) => `表三「${rowLabel}」「${TOTAL_COLUMN.label}」`;
const [ISSUED, ABOLISHED, IN_FORCE] = PROACTIVE_TABLE[0].columns.map((column) => column.label);
const [REGULATIONS, NORMATIVE_DOCUMENTS] = PROACTIVE_TABLE[0].rows.map((row) => row.label);

export const QUOTED_FIGURES: readonly QuotedFigure[] = [
  {
    key: "received",
    place: inTotalColumn(APPLICATION_ROW_LABELS.received),
    unit: "件",
    leadIn: `(?<!不予)(?:收到|新收|受理|接收)(?:各类|的)?${FILLER}`,
    value: (r) => totalOf(r.applications.received),
  },
  {
    key: "carriedOver",
    place: inTotalColumn(APPLICATION_ROW_LABELS.carriedOver),
    unit: "件",
    leadIn: `上一?年度?结转(?:的)?${FILLER}`,
    value: (r) => totalOf(r.applications.carriedOver),
  },
  {
    key: "handled",
    place: inTotalColumn(APPLICATION_ROW_LABELS.handled),
    unit: "件",
    leadIn: `办结(?:的)?${FILLER}`,
    value: (r) => totalOf(r.applications.handled),
  },
  {
    key: "carriedForward",
    place: inTotalColumn(APPLICATION_ROW_LABELS.carriedForward),
    unit: "件",
    leadIn: `结转(?:至|到)?下一?年度?(?:继续办理)?(?:的)?${FILLER}`,
    value: (r) => totalOf(r.applications.carriedForward),
  },
  ...OUTCOME_GROUPS.map(
    (group): QuotedFigure => ({
      key: `outcomes.${group.key}`,
      place: inTotalColumn(group.heading),
      unit: "件",
      // 「予以公开」 also ends 「不予以公开」, which means the opposite.
      leadIn: `(?<!不)${group.name}(?:的)?(?:申请)?`,
      value: (r) => outcomeGroupTotal(r, group.key),
    }),
  ),
  {
    key: "reviews.reconsideration",
    place: "表四「行政复议」「总计」",
    unit: "件",
    leadIn: "行政复议(?:案件|申请)?",
    value: (r) => r.reviews.reconsideration.total,
  },
  {
    key: "reviews.litigation",
    place: "表四「行政诉讼」「未经复议直接起诉」与「复议后起诉」的「总计」之和",
    unit: "件",
    leadIn: "行政诉讼(?:案件)?",
    value: litigationTotal,
  },
  {
    key: "reviews.corrected",
    place: "表四各组「结果纠正」之和",
    unit: "件",
    leadIn: "(?:结果|被)纠正(?:的)?",
    value: (r) => reviewColumnSum(r, "corrected"),
  },
  {
    key: "reviews.pending",
    place: "表四各组「尚未审结」之和",
    unit: "件",
    leadIn: "尚未审结(?:的)?",
    value: (r) => reviewColumnSum(r, "pending"),
  },
  ...(["regulations", "normativeDocuments"] as const).flatMap((kind): QuotedFigure[] => {
    const [name, phrase] =
      kind === "regulations" ? [REGULATIONS, "规章"] : [NORMATIVE_DOCUMENTS, "(?:行政)?规范性文件"];
    return [
      {
        key: `proactive.${kind}.issued`,
        place: `表二「${name}」「${ISSUED}」`,
        unit: "件",
        leadIn: `(?:制发|印发|出台|制定)${phrase}`,
        value: (r) => r.proactive[kind].issued,
      },
      {
        key: `proactive.${kind}.abolished`,
        place: `表二「${name}」「${ABOLISHED}」`,
        unit: "件",
        leadIn: `废止${phrase}`,
        value: (r) => r.proactive[kind].abolished,
      },
      {
        key: `proactive.${kind}.inForce`,
        place: `表二「${name}」「${IN_FORCE}」`,
        unit: "件",
        leadIn: `现行有效(?:的)?${phrase}`,
        value: (r) => r.proactive[kind].inForce,
      },
    ];
  }),
  {
    key: "fees.notices",
    place: "信息处理费收费通知件数",
    unit: "件",
    leadIn: "收费通知(?:书)?",
    value: (r) => r.fees.notices,
  },
  {
    key: "fees.notifiedYuan",
    place: "信息处理费通知收费金额",
    unit: "元",
    leadIn: "(?:通知收费|收费通知)金额",
    value: (r) => r.fees.notifiedYuan,
  },
  {
    key: "fees.collectedYuan",
    place: "信息处理费实际收取金额",
    unit: "元",
    leadIn: "(?<!未)收取(?:的)?(?:信息处理费用?|处理费用?|费用)?",
    zeroPhrase: "未收取(?:任何)?(?:信息处理费|处理费|费用)",
    value: (r) => r.fees.collectedYuan,
  },
];

const ARABIC_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CHINESE_NUMBER = "[一二两三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九]";
const NUMBER = `(?<number>${ARABIC_NUMBER}|${CHINESE_NUMBER})`;
const AMOUNT_WORDS = "(?:共|合计|总计|累计|为|达)?";

function buildNumberPattern(leadIn: string, unit: QuotedFigure["unit"]): RegExp {
  const unitPattern = unit === "件" ? "件" : "(?<tenThousand>万)?元";
  return new RegExp(String.raw`${leadIn}\s*${AMOUNT_WORDS}\s*${NUMBER}\s*${unitPattern}`, "gu");
}

const COMPILED = QUOTED_FIGURES.map((figure) => ({
  figure,
  numberPattern: buildNumberPattern(figure.leadIn, figure.unit),
  zeroPattern: figure.zeroPhrase ? new RegExp(figure.zeroPhrase, "gu") : null,
}));

/** Every figure quoted in the text, grouped by figure. */
export function findFigureQuotes(text: string): FigureQuote[] {
  const normalized = toHalfWidthDigits(text);
  return COMPILED.flatMap(({ figure, numberPattern, zeroPattern }) => [
    ...[...normalized.matchAll(numberPattern)].map((match) => ({
      figure,
      text: match[0],
      quoted: parseQuotedNumber(match.groups?.number ?? "") * (match.groups?.tenThousand ? 10_000 : 1),
    })),
    ...(zeroPattern ? [...normalized.matchAll(zeroPattern)] : []).map((match) => ({
      figure,
      text: match[0],
      quoted: 0,
    })),
  ]);
}

const CHINESE_DIGITS: Record<string, number> = Object.fromEntries(
  [..."零一二三四五六七八九"].map((digit, value) => [digit, value]).concat([["〇", 0], ["两", 2]]),
);

export function parseQuotedNumber(text: string): number {
  if (/^[\d,.]+$/.test(text)) return Number(text.replaceAll(",", ""));
  const [tens, ones] = text.split("十");
  if (ones === undefined) return CHINESE_DIGITS[text] ?? Number.NaN;
  const tensValue = tens === "" || tens === undefined ? 1 : (CHINESE_DIGITS[tens] ?? Number.NaN);
  const onesValue = ones === "" ? 0 : (CHINESE_DIGITS[ones] ?? Number.NaN);
  return tensValue * 10 + onesValue;
}

function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}
