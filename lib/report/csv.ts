import { APPLICATION_COLUMNS, APPLICATION_ROW_LABELS, OUTCOMES, OUTCOME_GROUPS, PROACTIVE_TABLE, REPORT_SECTIONS, REVIEW_COLUMNS, REVIEW_GROUPS } from "./labels";
import type { AnnualReport } from "./schema";

/** Quotes a CSV field, and defuses one a spreadsheet would run as a formula (interfaces.md §3). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell of table 二: documents have three counts each, the other rows one figure. */
export function proactiveCell(report: AnnualReport, row: string, column: string): number {
  const { proactive } = report;
  if (row === "regulations" || row === "normativeDocuments") return proactive[row][column as "issued" | "abolished" | "inForce"];
  return proactive[row as "licensing" | "penalties" | "enforcement" | "feesTenThousandYuan"];
}

const line = (fields: (string | number)[]) => fields.map(csvField).join(",");

/**
 * The three tables of a report as CSV with the official labels, one table after another, UTF-8 with a
 * BOM so Excel and WPS open it in Chinese.
 */
export function reportToCsv(report: AnnualReport): string {
  const lines: string[] = [line([`${report.agency.name}${report.year}年政府信息公开工作年度报告`])];
  const heading = (key: string) => REPORT_SECTIONS.find((section) => section.key === key)?.heading ?? key;

  lines.push("", line([heading("proactive")]));
  for (const group of PROACTIVE_TABLE) {
    lines.push(line([group.heading, ...group.columns.map((column) => column.label)]));
    for (const row of group.rows) {
      lines.push(line([row.label, ...group.columns.map((column) => proactiveCell(report, row.key, column.key))]));
    }
  }

  lines.push("", line([heading("applications")]));
  lines.push(line(["", ...APPLICATION_COLUMNS.map((column) => column.label)]));
  const { applications } = report;
  lines.push(line([APPLICATION_ROW_LABELS.received, ...applications.received]));
  lines.push(line([APPLICATION_ROW_LABELS.carriedOver, ...applications.carriedOver]));
  lines.push(line([APPLICATION_ROW_LABELS.results]));
  for (const outcome of OUTCOMES) {
    const group = OUTCOME_GROUPS.find((candidate) => candidate.key === outcome.group);
    const label = group && group.heading !== outcome.label ? `${group.heading} ${outcome.label}` : outcome.label;
    lines.push(line([label, ...applications.outcomes[outcome.code]]));
  }
  lines.push(line([APPLICATION_ROW_LABELS.handled, ...applications.handled]));
  lines.push(line([APPLICATION_ROW_LABELS.carriedForward, ...applications.carriedForward]));

  lines.push("", line([heading("reviews")]));
  lines.push(line(["", ...REVIEW_COLUMNS.map((column) => column.label)]));
  for (const group of REVIEW_GROUPS) {
    const counts = report.reviews[group.key];
    lines.push(line([group.underLitigation ? `行政诉讼 ${group.label}` : group.label, ...REVIEW_COLUMNS.map((column) => counts[column.key])]));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
