import { z } from "zod";
import { todayInChina } from "@/lib/calendar";
import { PROACTIVE_TABLE } from "@/lib/report/labels";
import type { AnnualReport } from "@/lib/report/schema";
import { countField, reportYearField, tenThousandYuanField } from "./numbers";

/**
 * Table 二 as staff enter it: nine counts and the fee amount in 万元, one flat form field each.
 * Shared by the form (field names, labels) and the data layer (parsing).
 */
export const PROACTIVE_FIELDS = [
  { name: "regulationsIssued", row: "regulations", column: "issued" },
  { name: "regulationsAbolished", row: "regulations", column: "abolished" },
  { name: "regulationsInForce", row: "regulations", column: "inForce" },
  { name: "normativeDocumentsIssued", row: "normativeDocuments", column: "issued" },
  { name: "normativeDocumentsAbolished", row: "normativeDocuments", column: "abolished" },
  { name: "normativeDocumentsInForce", row: "normativeDocuments", column: "inForce" },
  { name: "licensing", row: "licensing", column: "count" },
  { name: "penalties", row: "penalties", column: "count" },
  { name: "enforcement", row: "enforcement", column: "count" },
  { name: "feesTenThousandYuan", row: "feesTenThousandYuan", column: "amount" },
] as const;

export type ProactiveFieldName = (typeof PROACTIVE_FIELDS)[number]["name"];

/** 「规章」「本年制发件数」: the row and column labels of a field, as the official table words them. */
export function proactiveFieldLabel(field: (typeof PROACTIVE_FIELDS)[number]): string {
  for (const group of PROACTIVE_TABLE) {
    const row = group.rows.find((candidate) => candidate.key === field.row);
    const column = group.columns.find((candidate) => candidate.key === field.column);
    if (row && column) return `「${row.label}」「${column.label}」`;
  }
  return field.name;
}

/** The form's value of each field, from a report's table 二. */
export function proactiveFormValues(proactive: AnnualReport["proactive"]): Record<ProactiveFieldName, string> {
  const values = {} as Record<ProactiveFieldName, string>;
  for (const field of PROACTIVE_FIELDS) {
    const value =
      field.row === "regulations" || field.row === "normativeDocuments"
        ? proactive[field.row][field.column as "issued" | "abolished" | "inForce"]
        : proactive[field.row];
    values[field.name] = String(value);
  }
  return values;
}

function fieldSchema(field: (typeof PROACTIVE_FIELDS)[number]) {
  const label = proactiveFieldLabel(field);
  return field.row === "feesTenThousandYuan" ? tenThousandYuanField(label) : countField(label);
}

export function proactiveSchema(thisYear = Number(todayInChina().slice(0, 4))) {
  const shape = Object.fromEntries(PROACTIVE_FIELDS.map((field) => [field.name, fieldSchema(field)])) as Record<ProactiveFieldName, ReturnType<typeof countField>>;
  return z.object({ year: reportYearField(thisYear), ...shape }).transform(
    (input): { year: number; proactive: AnnualReport["proactive"] } => ({
      year: input.year,
      proactive: {
        regulations: { issued: input.regulationsIssued, abolished: input.regulationsAbolished, inForce: input.regulationsInForce },
        normativeDocuments: {
          issued: input.normativeDocumentsIssued,
          abolished: input.normativeDocumentsAbolished,
          inForce: input.normativeDocumentsInForce,
        },
        licensing: input.licensing,
        penalties: input.penalties,
        enforcement: input.enforcement,
        feesTenThousandYuan: input.feesTenThousandYuan,
      },
    }),
  );
}
