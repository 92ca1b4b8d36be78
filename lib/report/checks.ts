import {
  APPLICATION_COLUMNS,
  APPLICATION_ROW_LABELS,
  COLUMN_CODES,
  DOCUMENT_KINDS,
  LITIGATION_LABEL,
  OUTCOME_CODES,
  PROACTIVE_TABLE,
  REPORT_SECTIONS,
  PROSE_SECTION_KEYS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  REVIEW_PART_KEYS,
  TOTAL_COLUMN_INDEX,
} from "./labels";
import { APPLICATION_ROW_PATHS, applicationRow, applicationRowLabels, quoteLabels } from "./places";
import { findFigureQuotes } from "./quoted-figures";
import type { AnnualReport, CheckId, CheckSeverity } from "./schema";

/**
 * The checks of domain.md §4.5. A check that ran and passed gives one entry with `ok: true`; a check
 * that failed gives one entry per place it failed, and no passing entry. `carry-over` and `in-force`
 * need last year's report and are left out (not run) without it.
 *
 * `runChecks` expects a report parsed by the schema. It does not throw on a missing or non-numeric cell
 * of a report built in code: such a cell fails `cells`, and the sums that involve it are not compared.
 */
export interface CheckResult {
  id: CheckId;
  ok: boolean;
  /** JSON place: a column code (`total`), a row (`outcomes.partial`), a cell (`received.total`), … */
  where: string;
  message: string;
  severity: CheckSeverity;
  expected?: number;
  actual?: number;
}

type Failure = Omit<CheckResult, "id" | "ok" | "severity">;

const ROW = APPLICATION_ROW_LABELS;

const SEVERITY: Record<CheckId, CheckSeverity> = {
  balance: "error",
  "outcome-sum": "error",
  "row-total": "error",
  "review-total": "error",
  "carry-over": "error",
  "in-force": "warning",
  prose: "error",
  cells: "error",
};

export function runChecks(report: AnnualReport, previousYear?: AnnualReport | null): CheckResult[] {
  const results = [
    result("balance", "applications", "表三各列第一项加第二项之和等于第三项加第四项之和", checkBalance(report)),
    result("outcome-sum", "handled", "表三各列「（七）总计」等于各项办理结果之和", checkOutcomeSum(report)),
    result("row-total", "applications", "表三各行各类申请人之和等于「总计」", checkRowTotals(report)),
    result("review-total", "reviews", "表四各组各项之和等于「总计」", checkReviewTotals(report)),
  ];
  if (previousYear) {
    results.push(
      result("carry-over", "carriedOver", `表三「${ROW.carriedOver}」与上年报告一致`, checkCarryOver(report, previousYear)),
      result("in-force", "proactive", "表二「现行有效件数」与上年报告及本年增减一致", checkInForce(report, previousYear)),
    );
  }
  results.push(
    result("prose", "sections", "文字部分引用的数字与表格一致", checkProse(report)),
    result("cells", "tables", "所有单元格均已填写且不为负数", checkCells(report)),
  );
  return results.flat();
}

function result(id: CheckId, scope: string, passMessage: string, failures: Failure[]): CheckResult[] {
  const severity = SEVERITY[id];
  if (failures.length === 0) return [{ id, ok: true, where: scope, message: passMessage, severity }];
  return failures.map((failure) => ({ id, ok: false, severity, ...failure }));
}

// ── arithmetic ────────────────────────────────────────────────────────────

/** NaN for anything that is not a number, so a sum involving it is skipped rather than misreported. */const cell = (row: readonly number[] | undefined, index: number) => finiteOrNaN(row?.[index]);

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const comparable = (expected: number, actual: number) => Number.isFinite(expected) && Number.isFinite(actual);
const APPLICANT_INDEXES = COLUMN_CODES.slice(0, TOTAL_COLUMN_INDEX).map((_, index) => index);

function eachColumn(compare: (index: number, label: string) => Failure | null): Failure[] {
  return APPLICATION_COLUMNS.flatMap((column, index) => compare(index, column.label) ?? []);
}

function mismatch(where: string, expected: number, actual: number, message: string): Failure | null {
  if (!comparable(expected, actual) || expected === actual) return null;
  return { where, expected, actual, message };
}

function checkBalance(report: AnnualReport): Failure[] {
  const { received, carriedOver, handled, carriedForward } = report.applications;
  return eachColumn((i, label) => {
    const incoming = cell(received, i) + cell(carriedOver, i);
    const outgoing = cell(handled, i) + cell(carriedForward, i);
    return mismatch(
      COLUMN_CODES[i] ?? String(i),
      incoming,
      outgoing,
      `「${label}」列：「${ROW.received}」加「${ROW.carriedOver}」为${incoming}，` +
        `「${ROW.handled}」加「${ROW.carriedForward}」为${outgoing}`,
    );
  });
}

function checkOutcomeSum(report: AnnualReport): Failure[] {
  const { outcomes, handled } = report.applications;
  const outcomeRows: readonly (readonly number[] | undefined)[] = OUTCOME_CODES.map((code) => outcomes[code]);
  return eachColumn((i, label) => {
    const outcomeTotal = sum(outcomeRows.map((row) => cell(row, i)));
    const stated = cell(handled, i);
    return mismatch(
      COLUMN_CODES[i] ?? String(i),
      outcomeTotal,
      stated,
      `「${label}」列：「${ROW.results}」各项之和为${outcomeTotal}，「${ROW.handled}」为${stated}`,
    );
  });
}

function checkRowTotals(report: AnnualReport): Failure[] {
  return APPLICATION_ROW_PATHS.flatMap((path) => {
    const row = applicationRow(report, path);
    const applicantTotal = sum(APPLICANT_INDEXES.map((i) => cell(row, i)));
    const stated = cell(row, TOTAL_COLUMN_INDEX);
    return (
      mismatch(
        path,
        applicantTotal,
        stated,
        `${quoteLabels(applicationRowLabels(path))}行：各类申请人之和为${applicantTotal}，「总计」为${stated}`,
      ) ?? []
    );
  });
}

function checkReviewTotals(report: AnnualReport): Failure[] {
  const partLabels = quoteLabels(REVIEW_COLUMNS.filter((c) => c.key !== "total").map((c) => c.label));
  return REVIEW_GROUPS.flatMap((group) => {
    const counts = report.reviews[group.key];
    const partsTotal = sum(REVIEW_PART_KEYS.map((key) => finiteOrNaN(counts[key])));
    const stated = finiteOrNaN(counts.total);
    return (
      mismatch(
        `reviews.${group.key}`,
        partsTotal,
        stated,
        `${reviewGroupName(group)}：${partLabels}之和为${partsTotal}，「总计」为${stated}`,
      ) ?? []
    );
  });
}

function reviewGroupName(group: (typeof REVIEW_GROUPS)[number]): string {
  return quoteLabels(group.underLitigation ? [LITIGATION_LABEL, group.label] : [group.label]);
}

const finiteOrNaN = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : Number.NaN);

// ── against last year ─────────────────────────────────────────────────────

function wrongPreviousYear(report: AnnualReport, previous: AnnualReport): Failure[] {
  if (previous.year === report.year - 1) return [];
  return [
    {
      where: "year",
      expected: report.year - 1,
      actual: previous.year,
      message: `用于比对的上年报告是${previous.year}年的，应为${report.year - 1}年`,
    },
  ];
}

function checkCarryOver(report: AnnualReport, previous: AnnualReport): Failure[] {
  const wrongYear = wrongPreviousYear(report, previous);
  if (wrongYear.length > 0) return wrongYear;
  return eachColumn((i, label) => {
    const lastForward = cell(previous.applications.carriedForward, i);
    const carriedOver = cell(report.applications.carriedOver, i);
    return mismatch(
      COLUMN_CODES[i] ?? String(i),
      lastForward,
      carriedOver,
      `「${label}」列：「${ROW.carriedOver}」为${carriedOver}，` +
        `${previous.year}年报告「${ROW.carriedForward}」为${lastForward}`,
    );
  });
}

const DOCUMENT_ROWS = PROACTIVE_TABLE[0].rows;
const [ISSUED_LABEL, ABOLISHED_LABEL, IN_FORCE_LABEL] = PROACTIVE_TABLE[0].columns.map((c) => c.label);

function checkInForce(report: AnnualReport, previous: AnnualReport): Failure[] {
  const wrongYear = wrongPreviousYear(report, previous);
  if (wrongYear.length > 0) return wrongYear;
  return DOCUMENT_KINDS.flatMap((kind) => {
    const now = report.proactive[kind];
    const lastInForce = finiteOrNaN(previous.proactive[kind].inForce);
    const projected = lastInForce + finiteOrNaN(now.issued) - finiteOrNaN(now.abolished);
    const stated = finiteOrNaN(now.inForce);
    const name = DOCUMENT_ROWS.find((row) => row.key === kind)?.label ?? kind;
    return (
      mismatch(
        `proactive.${kind}`,
        projected,
        stated,
        `「${name}」「${IN_FORCE_LABEL}」为${stated}，按${previous.year}年的${lastInForce}件` +
          `加「${ISSUED_LABEL}」减「${ABOLISHED_LABEL}」应为${projected}（修订等情形会造成差异，请核实）`,
      ) ?? []
    );
  });
}

// ── prose ─────────────────────────────────────────────────────────────────

function checkProse(report: AnnualReport): Failure[] {
  return PROSE_SECTION_KEYS.flatMap((key) => {
    const heading = REPORT_SECTIONS.find((s) => s.key === key)?.heading ?? key;
    return findFigureQuotes(report.sections[key]).flatMap((quote) => {
      const tableValue = quote.figure.value(report);
      if (!comparable(tableValue, quote.quoted) || sameAmount(tableValue, quote.quoted)) return [];
      return [
        {
          where: `sections.${key}`,
          expected: tableValue,
          actual: quote.quoted,
          message:
            `「${heading}」中“${quote.text}”与${quote.figure.place}不符：` +
            `文中为${quote.quoted}${quote.figure.unit}，表中为${tableValue}${quote.figure.unit}`,
        },
      ];
    });
  });
}

/** Amounts quoted in 万元 are compared in 元, to the fen. */
const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.005;

// ── cells ─────────────────────────────────────────────────────────────────

interface CellToCheck {
  where: string;
  name: string;
  value: unknown;
  kind: "count" | "tenThousandYuan";
}

function* cellsOf(report: AnnualReport): Generator<CellToCheck> {
  for (const group of PROACTIVE_TABLE) {
    for (const row of group.rows) {
      if (row.key === "regulations" || row.key === "normativeDocuments") {
        for (const column of group.columns) {
          const key = column.key as "issued" | "abolished" | "inForce";
          const value = report.proactive[row.key][key];
          const name = `表二「${row.label}」「${column.label}」`;
          yield { where: `proactive.${row.key}.${key}`, name, value, kind: "count" };
        }
      } else {
        const kind = row.key === "feesTenThousandYuan" ? "tenThousandYuan" : "count";
        const name = `表二「${row.label}」「${group.columns[0].label}」`;
        yield { where: `proactive.${row.key}`, name, value: report.proactive[row.key], kind };
      }
    }
  }
  for (const path of APPLICATION_ROW_PATHS) {
    const row = applicationRow(report, path);
    for (const [index, column] of APPLICATION_COLUMNS.entries()) {
      const name = `表三${quoteLabels(applicationRowLabels(path))}行「${column.label}」列`;
      yield { where: `${path}.${column.code}`, name, value: row?.[index], kind: "count" };
    }
  }
  for (const group of REVIEW_GROUPS) {
    for (const column of REVIEW_COLUMNS) {
      const name = `表四${reviewGroupName(group)}「${column.label}」`;
      const value = report.reviews[group.key][column.key];
      yield { where: `reviews.${group.key}.${column.key}`, name, value, kind: "count" };
    }
  }
  const fees = [
    ["notices", "信息处理费收费通知件数"],
    ["notifiedYuan", "信息处理费通知收费金额（元）"],
    ["collectedYuan", "信息处理费实际收取金额（元）"],
  ] as const;
  for (const [key, name] of fees) yield { where: `fees.${key}`, name, value: report.fees[key], kind: "count" };
}

function checkCells(report: AnnualReport): Failure[] {
  const failures: Failure[] = [];
  for (const { where, name, value, kind } of cellsOf(report)) {
    const problem = cellProblem(value, kind);
    if (!problem) continue;
    failures.push({ where, message: `${name}${problem}`, ...(typeof value === "number" ? { actual: value } : {}) });
  }
  for (const path of APPLICATION_ROW_PATHS) {
    const length = applicationRow(report, path)?.length ?? 0;
    if (length > COLUMN_CODES.length) {
      const message = `表三${quoteLabels(applicationRowLabels(path))}行有${length}个数，应为${COLUMN_CODES.length}个`;
      failures.push({ where: path, message });
    }
  }
  return failures;
}

function cellProblem(value: unknown, kind: CellToCheck["kind"]): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "未填写";
  if (value < 0) return `为${value}，不能为负数`;
  if (kind === "count" && !Number.isInteger(value)) return `为${value}，应为整数`;
  if (kind === "tenThousandYuan" && !hasAtMostFourDecimals(value)) {
    return `为${value}，以万元为单位最多保留4位小数`;
  }
  return null;
}

/** Tolerates binary floating-point noise, e.g. 1.2345 stored as 1.23449999…. */
function hasAtMostFourDecimals(value: number): boolean {
  const scaled = value * 10_000;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled));
}
