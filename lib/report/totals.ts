import { REVIEW_GROUP_KEYS, outcomesOfGroup, type OutcomeGroupKey } from "./labels";
import type { AnnualReport } from "./schema";

/** The figures prose speaks of: 「总计」-column values and sums across table 四's groups. */

/** The 「总计」 cell of a table-三 row; NaN when the row is missing (possible only in an unparsed report). */
export function totalOf(row: readonly number[] | undefined): number {
  return row?.[row.length - 1] ?? Number.NaN;
}

export function outcomeGroupTotal(report: AnnualReport, group: OutcomeGroupKey): number {
  return outcomesOfGroup(group).reduce((sum, code) => sum + totalOf(report.applications.outcomes[code]), 0);
}

export function reviewColumnSum(report: AnnualReport, column: "corrected" | "pending"): number {
  return REVIEW_GROUP_KEYS.reduce((sum, group) => sum + report.reviews[group][column], 0);
}

/** 「行政诉讼」 is two groups in table 四: sued directly, and sued after reconsideration. */
export function litigationTotal(report: AnnualReport): number {
  return report.reviews.litigationDirect.total + report.reviews.litigationAfterReconsideration.total;
}
