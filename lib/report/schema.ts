import { z } from "zod";
import { printableText } from "@/lib/printable-text";
import { APPLICATION_COLUMNS, COLUMN_CODES, OUTCOME_CODES } from "./labels";
import { applicationRowLabels, isCountRowKey, isOutcomeCode, quoteLabels } from "./places";

/**
 * The report JSON `gongkai.annual-report/1` (interfaces.md §1).
 *
 * The schema checks shape and types only: every key present, no unknown key, integers where integers
 * belong, every table-三 row exactly 7 numbers. It deliberately accepts negative integers and sums that
 * do not add up: a historical report is taken as typed, and `runChecks` (checks `cells`, `row-total`, …)
 * is what flags such figures, with the row and column named. A blank cell, however, cannot be represented
 * and is refused here.
 *
 * `sections` may be omitted (it defaults to three empty texts); `checks` is output that a reader may keep
 * or drop and is never trusted on input.
 */

export const REPORT_FORMAT = "gongkai.annual-report/1";
export const REPORT_STATUSES = ["draft", "published", "historical"] as const;
export const CHECK_IDS = [
  "balance",
  "outcome-sum",
  "row-total",
  "review-total",
  "carry-over",
  "in-force",
  "prose",
  "cells",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type CheckSeverity = "error" | "warning";

/** The regulation took effect in 2008; no report can be older. */
const FIRST_REPORT_YEAR = 2008;

const count = z.int();
const applicationRow = z.array(count).length(COLUMN_CODES.length);

const documentCounts = z.strictObject({ issued: count, abolished: count, inForce: count });
const reviewCounts = z.strictObject({
  upheld: count,
  corrected: count,
  other: count,
  pending: count,
  total: count,
});

const columnsInOrder = z
  .array(z.enum(COLUMN_CODES))
  .refine((columns) => columns.length === COLUMN_CODES.length && columns.every((c, i) => c === COLUMN_CODES[i]), {
    error: `列必须依次为：${COLUMN_CODES.join("、")}`,
  });

export const checkResultSchema = z.strictObject({
  id: z.enum(CHECK_IDS),
  ok: z.boolean(),
  where: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]).optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
});

const emptySections = { overview: "", problems: "", other: "" };

/** Text that ends up in the Word document and on the public page: invisible controls dropped (lib/printable-text). */
const text = z.string().transform(printableText);

export const annualReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  agency: z.strictObject({ code: z.string().min(1), name: z.string().min(1).transform(printableText) }),
  year: z.int().min(FIRST_REPORT_YEAR).max(2100),
  status: z.enum(REPORT_STATUSES),
  proactive: z.strictObject({
    regulations: documentCounts,
    normativeDocuments: documentCounts,
    licensing: count,
    penalties: count,
    enforcement: count,
    feesTenThousandYuan: z.number(),
  }),
  applications: z.strictObject({
    columns: columnsInOrder,
    received: applicationRow,
    carriedOver: applicationRow,
    // An enum-keyed record is exhaustive in zod 4: all 21 keys are required and no other is accepted.
    outcomes: z.record(z.enum(OUTCOME_CODES), applicationRow),
    handled: applicationRow,
    carriedForward: applicationRow,
  }),
  reviews: z.strictObject({
    reconsideration: reviewCounts,
    litigationDirect: reviewCounts,
    litigationAfterReconsideration: reviewCounts,
  }),
  fees: z.strictObject({ notices: count, notifiedYuan: count, collectedYuan: count }),
  sections: z
    .strictObject({
      overview: text.default(""),
      problems: text.default(""),
      other: text.default(""),
    })
    .default(emptySections),
  checks: z.array(checkResultSchema).optional(),
});

export type AnnualReport = z.infer<typeof annualReportSchema>;
/** What may be handed to the parser: `sections` and its texts may be left out. */
export type AnnualReportInput = z.input<typeof annualReportSchema>;

export interface ReportSchemaError {
  /** JSON path, e.g. `applications.outcomes.partial[6]`. */
  path: string;
  /** In Chinese, naming the place by its official labels where it is a table-三 cell. */
  message: string;
}

export type ParseReportResult =
  | { success: true; report: AnnualReport }
  | { success: false; errors: ReportSchemaError[] };

export function parseAnnualReport(input: unknown): ParseReportResult {
  const result = annualReportSchema.safeParse(input, { error: chineseIssueMessage });
  if (result.success) return { success: true, report: result.data };
  return {
    success: false,
    errors: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: `${describePlace(issue.path)}：${issue.message}`,
    })),
  };
}

const TYPE_NAMES: Record<string, string> = {
  int: "整数",
  number: "数字",
  string: "文字",
  array: "数组",
  object: "对象",
  boolean: "true 或 false",
};

function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "缺少此项";
      if (issue.input === null) return "不能为空";
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "array" && issue.exact) return `应恰有${issue.minimum}个数`;
      if (issue.origin === "array") return `至少应有${issue.minimum}项`;
      if (issue.origin === "string") return "不能为空";
      return `不能小于${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array" && issue.exact) return `应恰有${issue.maximum}个数`;
      if (issue.origin === "array") return `至多应有${issue.maximum}项`;
      return `不能大于${issue.maximum}`;
    case "invalid_value":
      return `应为以下之一：${issue.values.map((v) => String(v)).join("、")}`;
    case "unrecognized_keys":
      return `不认识的字段：${issue.keys.join("、")}`;
    case "invalid_key":
      return "不认识的字段";
    default:
      return "格式不正确";
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");
}

/** A table-三 place by its official labels; any other place by its JSON path. */
function describePlace(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "报告";
  const [section, rowKey, third, fourth] = path;
  const rowPath = section === "applications" ? applicationRowPathOf(rowKey, third) : null;
  if (!rowPath) return formatPath(path);
  const columnIndex = rowKey === "outcomes" ? fourth : third;
  const column = typeof columnIndex === "number" ? APPLICATION_COLUMNS[columnIndex] : undefined;
  const row = `${quoteLabels(applicationRowLabels(rowPath))}行`;
  return column ? `${row}「${column.label}」列` : row;
}

function applicationRowPathOf(rowKey: PropertyKey | undefined, outcomeKey: PropertyKey | undefined) {
  if (rowKey === "outcomes") return isOutcomeCode(outcomeKey) ? (`outcomes.${outcomeKey}` as const) : null;
  return isCountRowKey(rowKey) ? rowKey : null;
}
