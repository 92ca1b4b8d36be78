import {
  APPLICATION_ROW_LABELS,
  COUNT_ROW_KEYS,
  OUTCOME_CODES,
  outcomeLabelPath,
  type CountRowKey,
  type OutcomeCode,
} from "./labels";
import type { AnnualReport } from "./schema";

/** A table-三 row as it is written in `where`: `received`, `outcomes.partial`, `handled`, … */
export type ApplicationRowPath = CountRowKey | `outcomes.${OutcomeCode}`;

/** Every table-三 row that holds numbers, in table order. */
export const APPLICATION_ROW_PATHS: readonly ApplicationRowPath[] = [
  "received",
  "carriedOver",
  ...OUTCOME_CODES.map((code) => `outcomes.${code}` as const),
  "handled",
  "carriedForward",
];

export function quoteLabels(labels: readonly string[]): string {
  return labels.map((label) => `「${label}」`).join("");
}

export function applicationRowLabels(path: ApplicationRowPath): readonly string[] {
  if (path.startsWith("outcomes.")) return outcomeLabelPath(path.slice("outcomes.".length) as OutcomeCode);
  return [APPLICATION_ROW_LABELS[path as CountRowKey]];
}

/** Undefined only when the report was not parsed by the schema and the row is missing. */
export function applicationRow(report: AnnualReport, path: ApplicationRowPath): readonly number[] | undefined {
  const { applications } = report;
  if (path.startsWith("outcomes.")) {
    const outcomes: Partial<Record<OutcomeCode, number[]>> = applications.outcomes;
    return outcomes[path.slice("outcomes.".length) as OutcomeCode];
  }
  return applications[path as CountRowKey];
}

export function isCountRowKey(value: unknown): value is CountRowKey {
  return typeof value === "string" && (COUNT_ROW_KEYS as readonly string[]).includes(value);
}

export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === "string" && (OUTCOME_CODES as readonly string[]).includes(value);
}
