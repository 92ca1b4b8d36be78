import { z } from "zod";
import { todayInChina } from "@/lib/calendar";
import { PROSE_SECTION_KEYS } from "@/lib/report/labels";
import { reportYearField } from "./numbers";

/** The report workflow's inputs, shared by the forms and the data layer. */

export const thisYearInChina = () => Number(todayInChina().slice(0, 4));

export const REPORT_WORKFLOW_LABELS = { draft: "草稿", submitted: "已提交" } as const;

export function yearSchema(thisYear = thisYearInChina()) {
  return z.object({ year: reportYearField(thisYear) });
}

const MAX_PROSE = 20_000;

/** Browsers send CRLF from a textarea; the report keeps LF. */
const prose = (label: string) =>
  z
    .string()
    .max(MAX_PROSE, { error: `「${label}」最多 ${MAX_PROSE} 个字符` })
    .optional()
    .transform((text) => (text ?? "").replace(/\r\n?/g, "\n").trim());

export const RESTORE_CHOICES = ["all", ...PROSE_SECTION_KEYS] as const;
export type RestoreChoice = (typeof RESTORE_CHOICES)[number];

/**
 * The prose sections 一, 五, 六. With `restore`, the texts are ignored and the chosen section (or all)
 * goes back to the sentences generated from the tables.
 */
export function sectionsSchema(thisYear = thisYearInChina()) {
  return z.object({
    year: reportYearField(thisYear),
    overview: prose("一、总体情况"),
    problems: prose("五、存在的主要问题及改进情况"),
    other: prose("六、其他需要报告的事项"),
    restore: z
      .union([z.literal(""), z.enum(RESTORE_CHOICES, { error: "请选择要恢复的部分" })])
      .optional()
      .transform((value) => (value ? value : null)),
  });
}

const optionalNote = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字符` })
    .optional()
    .transform((value) => (value ? value : null));

export function returnSchema(thisYear = thisYearInChina()) {
  return z.object({ year: reportYearField(thisYear), reason: optionalNote(500, "退回理由") });
}

/** Publishing; the 更正说明 is required from the second version on (the data layer knows which). */
export function publishSchema(thisYear = thisYearInChina()) {
  return z.object({ year: reportYearField(thisYear), correctionNote: optionalNote(2000, "更正说明") });
}

export const importOptionsSchema = z.object({ correctionNote: optionalNote(2000, "更正说明") });
