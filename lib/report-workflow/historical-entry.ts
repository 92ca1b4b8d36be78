import { COLUMN_CODES, PROSE_SECTION_KEYS, REVIEW_COLUMNS, REVIEW_GROUP_KEYS } from "@/lib/report/labels";
import { APPLICATION_ROW_PATHS, type ApplicationRowPath } from "@/lib/report/places";
import { REPORT_FORMAT, type AnnualReport } from "@/lib/report/schema";
import { toHalfWidth } from "./numbers";

/**
 * The cell-by-cell entry of a historical report. Every form field is named by the JSON path of its cell
 * with dots (`applications.outcomes.partial.6`), so the report JSON is built from the form mechanically
 * and an error the parser reports at `applications.outcomes.partial[6]` lands next to that field.
 *
 * Building never refuses anything: a blank cell becomes null and a word stays a word, so the one import
 * function (`importHistoricalReport`) judges typed-in and uploaded reports alike.
 */

const PROACTIVE_NUMBER_PATHS = [
  "proactive.regulations.issued",
  "proactive.regulations.abolished",
  "proactive.regulations.inForce",
  "proactive.normativeDocuments.issued",
  "proactive.normativeDocuments.abolished",
  "proactive.normativeDocuments.inForce",
  "proactive.licensing",
  "proactive.penalties",
  "proactive.enforcement",
  "proactive.feesTenThousandYuan",
] as const;

/** The form field of a table-三 cell. */
export function applicationCellField(row: ApplicationRowPath, columnIndex: number): string {
  return `applications.${row}.${columnIndex}`;
}

export function reviewCellField(group: string, column: string): string {
  return `reviews.${group}.${column}`;
}

export const FEE_FIELDS = [
  { name: "fees.notices", label: "信息处理费收费通知件数" },
  { name: "fees.notifiedYuan", label: "通知收费金额（元）" },
  { name: "fees.collectedYuan", label: "实际收取金额（元）" },
] as const;

/** Every numeric field of the entry form. */
export const NUMBER_FIELDS: readonly string[] = [
  ...PROACTIVE_NUMBER_PATHS,
  ...APPLICATION_ROW_PATHS.flatMap((row) => COLUMN_CODES.map((_, index) => applicationCellField(row, index))),
  ...REVIEW_GROUP_KEYS.flatMap((group) => REVIEW_COLUMNS.map((column) => reviewCellField(group, column.key))),
  ...FEE_FIELDS.map((field) => field.name),
];

/** `applications.outcomes.partial[6]` → `applications.outcomes.partial.6`, the form's field name. */
export function fieldNameOfPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

function cellValue(raw: string | undefined): unknown {
  if (raw === undefined) return null;
  const text = toHalfWidth(raw.trim());
  if (text === "") return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The keys of a field's path; an outcome code (`withheld.state_secret`) is one key although it has a dot. */
function keysOf(path: string): string[] {
  const outcome = /^applications\.outcomes\.(.+)\.(\d+)$/.exec(path);
  if (outcome) return ["applications", "outcomes", outcome[1] ?? "", outcome[2] ?? ""];
  return path.split(".");
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  let node: Record<string, unknown> = target;
  for (const [index, key] of keys.entries()) {
    if (index === keys.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[index + 1] ?? "");
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
}

/** The report JSON the form describes, for `importHistoricalReport` to parse and judge. */
export function historicalEntryToJson(values: Record<string, string | undefined>): unknown {
  const json: Record<string, unknown> = {
    format: REPORT_FORMAT,
    agency: { code: values.agencyCode ?? "", name: values.agencyName ?? "" },
    year: cellValue(values.year),
    status: "historical",
  };
  // The rows of table 三 with the outcome rows under `outcomes`, in the JSON's own shape.
  setPath(json, "applications.columns", [...COLUMN_CODES]);
  for (const field of NUMBER_FIELDS) setPath(json, field, cellValue(values[field]));
  for (const key of PROSE_SECTION_KEYS) setPath(json, `sections.${key}`, (values[`sections.${key}`] ?? "").replace(/\r\n?/g, "\n").trim());
  return json;
}

/** The form's values for a report already stored, so a correction starts from what was typed before. */
export function historicalEntryValues(report: AnnualReport): Record<string, string> {
  const values: Record<string, string> = {};
  const read = (path: string): unknown =>
    keysOf(path).reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), report);
  for (const field of NUMBER_FIELDS) {
    const value = read(field);
    values[field] = typeof value === "number" ? String(value) : "";
  }
  for (const key of PROSE_SECTION_KEYS) values[`sections.${key}`] = report.sections[key];
  return values;
}

/** Zero in every cell: most cells of a small office's report are 0. */
export function blankHistoricalEntryValues(): Record<string, string> {
  return Object.fromEntries([...NUMBER_FIELDS.map((field) => [field, "0"]), ...PROSE_SECTION_KEYS.map((key) => [`sections.${key}`, ""])]);
}

