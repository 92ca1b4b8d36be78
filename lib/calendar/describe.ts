import { weekdayName } from "./iso-date";
import type { NamedDay, SkippedRun } from "./working-calendar";

/** One skipped run in words: 「2022-01-31 至 2022-02-06 春节」, 「2022-01-29 周六」. */
export function describeSkippedRun(run: SkippedRun): string {
  const reason = run.kind === "weekend" && run.days === 1 ? weekdayName(run.first) : run.reason;
  const span = run.days === 1 ? run.first : `${run.first} 至 ${run.last}`;
  return `${span} ${reason}${run.provisional && run.kind === "holiday" ? "（暂定）" : ""}`;
}

export function describeSkippedRuns(runs: readonly SkippedRun[]): string {
  return runs.map(describeSkippedRun).join("、");
}

/** 「2023-10-07（周六，中秋节、国庆节）」 */
export function describeMakeUpWorkdays(days: readonly NamedDay[]): string {
  return days.map((d) => `${d.date}（${weekdayName(d.date)}，${d.name}）`).join("、");
}
