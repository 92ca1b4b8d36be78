import {
  APPLICANT_HEADER,
  APPLICANT_TYPES,
  APPLICATIONS_NOTE,
  APPLICATION_COLUMNS,
  APPLICATION_ROW_LABELS,
  LEGAL_ENTITY_GROUP_LABEL,
  LITIGATION_LABEL,
  OUTCOMES,
  OUTCOME_GROUPS,
  OVERVIEW_SUBHEADS,
  PROACTIVE_CONTENT_HEADER,
  PROACTIVE_TABLE,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  REPORT_SECTIONS,
  TOTAL_COLUMN,
  type ColumnCode,
  type CountRowKey,
  type ReviewColumnKey,
  type ReviewGroupKey,
} from "./labels";
import { proactiveCell } from "./csv";
import type { ApplicationRowPath } from "./places";
import type { AnnualReport } from "./schema";

/**
 * The report as a document: its sections in order, the prose split into paragraphs, and tables 二, 三
 * and 四 in the official layout (国办公开办函〔2021〕30号) as a grid of cells with their
 * merges, so the HTML page and the Word document draw the same table from one description.
 *
 * A header cell has an `id` (unique within its table); a data cell lists the ids of every header that
 * describes it, row headers first, then column headers (HTML `headers`).
 */

export type HeaderCell = {
  kind: "header";
  id: string;
  text: string;
  colSpan: number;
  rowSpan: number;
  scope: "col" | "colgroup" | "row";
};
/** The top-left cell of table 三: a note about the label column, describing no data cell. */
export type NoteCell = { kind: "note"; text: string; colSpan: number; rowSpan: number };
export type DataCell = {
  kind: "data";
  value: number;
  colSpan: number;
  headers: string[];
  /** Tables 三 and 四: which figure this is, for drill-down links. */
  place?: FigurePlace;
};

/** A figure of table 三 (row path, column code) or of table 四 (group, column). */
export type FigurePlace =
  | { table: "applications"; row: ApplicationRowPath; column: ColumnCode }
  | { table: "reviews"; group: ReviewGroupKey; column: ReviewColumnKey };
export type LayoutCell = HeaderCell | NoteCell | DataCell;
export type LayoutRow = LayoutCell[];

export type TableLayout = {
  key: "proactive" | "applications" | "reviews";
  /** Number of grid columns. */
  columns: number;
  /** Relative column widths (sum is arbitrary), for the Word table. */
  widths: number[];
  /**
   * Row groups. A table with one group has header rows (`head`) and data rows (`body`); table 二 has one
   * group per 「第二十条」 item, each with its own header rows.
   */
  groups: { head: LayoutRow[]; body: LayoutRow[] }[];
};

const header = (
  id: string,
  text: string,
  scope: HeaderCell["scope"],
  span: { colSpan?: number; rowSpan?: number } = {},
): HeaderCell => ({ kind: "header", id, text, scope, colSpan: span.colSpan ?? 1, rowSpan: span.rowSpan ?? 1 });

// ── Table 二 ──────────────────────────────────────────────────────────────

/** Four grid columns: 信息内容 and three counts; a single-figure item spans its figure over three. */
export function proactiveLayout(report: AnnualReport): TableLayout {
  const groups = PROACTIVE_TABLE.map((group, index) => {
    const groupId = `p${index}`;
    const single = group.columns.length === 1;
    const head: LayoutRow[] = [
      [header(groupId, group.heading, "colgroup", { colSpan: 4 })],
      [
        header(`${groupId}-content`, PROACTIVE_CONTENT_HEADER, "col"),
        ...group.columns.map((column) =>
          header(`${groupId}-${column.key}`, column.label, "col", { colSpan: single ? 3 : 1 }),
        ),
      ],
    ];
    const body: LayoutRow[] = group.rows.map((row) => [
      header(`${groupId}-${row.key}`, row.label, "row"),
      ...group.columns.map(
        (column): DataCell => ({
          kind: "data",
          value: proactiveCell(report, row.key, column.key),
          colSpan: single ? 3 : 1,
          headers: [`${groupId}-${row.key}`, groupId, `${groupId}-${column.key}`],
        }),
      ),
    ]);
    return { head, body };
  });
  return { key: "proactive", columns: 4, widths: [34, 22, 22, 22], groups };
}

// ── Table 三 ──────────────────────────────────────────────────────────────

const LEGAL_COLUMNS = APPLICANT_TYPES.filter((type) => type.inLegalEntityGroup);

function applicationColumnHeaders(code: ColumnCode): string[] {
  const inLegal = LEGAL_COLUMNS.some((type) => type.code === code);
  return ["c-applicant", ...(inLegal ? ["c-legal"] : []), `c-${code}`];
}

function dataRow(values: readonly number[], row: ApplicationRowPath, rowHeaders: string[]): DataCell[] {
  return APPLICATION_COLUMNS.map((column, index) => ({
    kind: "data",
    value: values[index] ?? Number.NaN,
    colSpan: 1,
    headers: [...rowHeaders, ...applicationColumnHeaders(column.code)],
    place: { table: "applications", row, column: column.code },
  }));
}

/**
 * Three label columns and seven figure columns. Rows 一, 二 and 四 span all three label columns; 「三、本年度
 * 办理结果」 spans the 21 outcome rows and 「（七）总计」; each multi-row outcome group spans its rows.
 */
export function applicationsLayout(report: AnnualReport): TableLayout {
  const { applications } = report;
  const natural = APPLICANT_TYPES.find((type) => !type.inLegalEntityGroup);
  const head: LayoutRow[] = [
    [
      { kind: "note", text: APPLICATIONS_NOTE, colSpan: 3, rowSpan: 3 },
      header("c-applicant", APPLICANT_HEADER, "colgroup", { colSpan: APPLICATION_COLUMNS.length }),
    ],
    [
      ...(natural ? [header(`c-${natural.code}`, natural.label, "col", { rowSpan: 2 })] : []),
      header("c-legal", LEGAL_ENTITY_GROUP_LABEL, "colgroup", { colSpan: LEGAL_COLUMNS.length }),
      header(`c-${TOTAL_COLUMN.code}`, TOTAL_COLUMN.label, "col", { rowSpan: 2 }),
    ],
    LEGAL_COLUMNS.map((type) => header(`c-${type.code}`, type.label, "col")),
  ];

  const countRow = (key: CountRowKey, colSpan: number): LayoutRow => [
    header(`r-${key}`, APPLICATION_ROW_LABELS[key], "row", { colSpan }),
    ...dataRow(applications[key], key, [`r-${key}`]),
  ];

  const body: LayoutRow[] = [countRow("received", 3), countRow("carriedOver", 3)];
  const resultsRows = OUTCOMES.length + 1; // the 21 outcome rows and 「（七）总计」
  let first = true;
  for (const group of OUTCOME_GROUPS) {
    const outcomes = OUTCOMES.filter((outcome) => outcome.group === group.key);
    outcomes.forEach((outcome, index) => {
      const row: LayoutRow = [];
      if (first) row.push(header("r-results", APPLICATION_ROW_LABELS.results, "row", { rowSpan: resultsRows }));
      first = false;
      const path = `outcomes.${outcome.code}` as const;
      const rowId = `r-${path.replace(/\./g, "_")}`;
      if (outcome.label === group.heading) {
        row.push(header(rowId, outcome.label, "row", { colSpan: 2 }));
        row.push(...dataRow(applications.outcomes[outcome.code], path, ["r-results", rowId]));
      } else {
        const groupId = `g-${group.key}`;
        if (index === 0) row.push(header(groupId, group.heading, "row", { rowSpan: outcomes.length }));
        row.push(header(rowId, outcome.label, "row"));
        row.push(...dataRow(applications.outcomes[outcome.code], path, ["r-results", groupId, rowId]));
      }
      body.push(row);
    });
  }
  body.push([
    header("r-handled", APPLICATION_ROW_LABELS.handled, "row", { colSpan: 2 }),
    ...dataRow(applications.handled, "handled", ["r-results", "r-handled"]),
  ]);
  body.push(countRow("carriedForward", 3));

  return {
    key: "applications",
    columns: 3 + APPLICATION_COLUMNS.length,
    widths: [8, 12, 26, 8, 8, 8, 8, 8, 7, 7],
    groups: [{ head, body }],
  };
}

// ── Table 四 ──────────────────────────────────────────────────────────────

/**
 * Fifteen figure columns in one data row: 「行政复议」 over its five columns, 「行政诉讼」 over
 * 「未经复议直接起诉」 and 「复议后起诉」, each over five.
 */
export function reviewsLayout(report: AnnualReport): TableLayout {
  const [reconsideration, ...litigation] = REVIEW_GROUPS;
  const head: LayoutRow[] = [
    [
      header(`v-${reconsideration.key}`, reconsideration.label, "colgroup", { colSpan: REVIEW_COLUMNS.length }),
      header("v-litigation", LITIGATION_LABEL, "colgroup", { colSpan: REVIEW_COLUMNS.length * litigation.length }),
    ],
    [
      ...REVIEW_COLUMNS.map((column) =>
        header(`v-${reconsideration.key}-${column.key}`, column.label, "col", { rowSpan: 2 }),
      ),
      ...litigation.map((group) => header(`v-${group.key}`, group.label, "colgroup", { colSpan: REVIEW_COLUMNS.length })),
    ],
    litigation.flatMap((group) => REVIEW_COLUMNS.map((column) => header(`v-${group.key}-${column.key}`, column.label, "col"))),
  ];
  const body: LayoutRow[] = [
    REVIEW_GROUPS.flatMap((group) =>
      REVIEW_COLUMNS.map(
        (column): DataCell => ({
          kind: "data",
          value: report.reviews[group.key][column.key],
          colSpan: 1,
          headers: [
            ...(group.underLitigation ? ["v-litigation"] : []),
            `v-${group.key}`,
            `v-${group.key}-${column.key}`,
          ],
          place: { table: "reviews", group: group.key, column: column.key },
        }),
      ),
    ),
  ];
  return {
    key: "reviews",
    columns: REVIEW_COLUMNS.length * REVIEW_GROUPS.length,
    widths: Array.from({ length: REVIEW_COLUMNS.length * REVIEW_GROUPS.length }, () => 1),
    groups: [{ head, body }],
  };
}

export function reportTableLayouts(report: AnnualReport): Record<TableLayout["key"], TableLayout> {
  return {
    proactive: proactiveLayout(report),
    applications: applicationsLayout(report),
    reviews: reviewsLayout(report),
  };
}

/** A figure as printed: integers as they are, the fee amount in 万元 without float noise. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return "";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

// ── Prose ─────────────────────────────────────────────────────────────────

/** Paragraphs of a prose text: one per non-empty line (blank lines and single newlines both separate). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const normalizeSubhead = (line: string) =>
  line
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/\s+/g, "")
    .replace(/方面[：:。]?$/, "")
    .replace(/[：:。]$/, "");

export type OverviewPart = { key: (typeof OVERVIEW_SUBHEADS)[number]["key"]; heading: string; paragraphs: string[] };

/**
 * Section 一 split under its five official sub-heads. A line that is a sub-head (also written with a
 * trailing 「方面」 as in the seed, or with half-width brackets) starts that part; text before the first
 * sub-head is the introduction. Every sub-head is returned, in the official order, even when the text
 * has nothing under it.
 */
export function overviewParts(text: string): { intro: string[]; parts: OverviewPart[] } {
  const intro: string[] = [];
  const byKey = new Map<string, string[]>();
  let current: string[] = intro;
  for (const line of paragraphs(text)) {
    const subhead = OVERVIEW_SUBHEADS.find((candidate) => candidate.heading === normalizeSubhead(line));
    if (subhead) {
      current = byKey.get(subhead.key) ?? [];
      byKey.set(subhead.key, current);
    } else {
      current.push(line);
    }
  }
  return {
    intro,
    parts: OVERVIEW_SUBHEADS.map((subhead) => ({
      key: subhead.key,
      heading: subhead.heading,
      paragraphs: byKey.get(subhead.key) ?? [],
    })),
  };
}

export type DocumentSection =
  | { key: "overview"; heading: string; kind: "overview"; intro: string[]; parts: OverviewPart[] }
  | { key: "problems" | "other"; heading: string; kind: "prose"; paragraphs: string[] }
  | { key: TableLayout["key"]; heading: string; kind: "table"; table: TableLayout };

/** The six sections, headed exactly as REPORT_SECTIONS, in order. */
export function documentSections(report: AnnualReport): DocumentSection[] {
  const tables = reportTableLayouts(report);
  return REPORT_SECTIONS.map((section): DocumentSection => {
    switch (section.key) {
      case "overview":
        return { key: section.key, heading: section.heading, kind: "overview", ...overviewParts(report.sections.overview) };
      case "problems":
      case "other":
        return { key: section.key, heading: section.heading, kind: "prose", paragraphs: paragraphs(report.sections[section.key]) };
      default:
        return { key: section.key, heading: section.heading, kind: "table", table: tables[section.key] };
    }
  });
}

/** 「晋城市城区人民政府办公室2022年政府信息公开工作年度报告」, as reportToCsv titles it. */
export function reportTitle(report: AnnualReport): string {
  return `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
}
