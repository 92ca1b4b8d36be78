import { z } from "zod";
import { isIsoDate, todayInChina } from "@/lib/calendar";
import type { REVIEW_KINDS, REVIEW_RESULTS } from "@/db/schema";

/** Administrative reconsideration and litigation cases (table 四), as staff register them. */

export const REVIEW_CASE_KINDS = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"] as const satisfies readonly (typeof REVIEW_KINDS)[number][];
export const REVIEW_CASE_RESULTS = ["upheld", "corrected", "other"] as const satisfies readonly (typeof REVIEW_RESULTS)[number][];
export type ReviewCaseKind = (typeof REVIEW_CASE_KINDS)[number];
export type ReviewCaseResult = (typeof REVIEW_CASE_RESULTS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewCaseKind, string> = {
  reconsideration: "行政复议",
  litigation_direct: "行政诉讼（未经复议直接起诉）",
  litigation_after_reconsideration: "行政诉讼（复议后起诉）",
};

export const REVIEW_RESULT_LABELS: Record<ReviewCaseResult, string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
};

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字符` })
    .optional()
    .transform((value) => (value ? value : null));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null));

export function reviewCaseSchema(today: string = todayInChina()) {
  return z
    .object({
      kind: z.enum(REVIEW_CASE_KINDS, { error: "请选择案件类型" }),
      trackingNumber: optionalText(20, "申请编号").refine((value) => value === null || /^\d{4}-\d{4,}$/.test(value), {
        error: "申请编号应为“2026-0007”的形式",
      }),
      reference: optionalText(100, "案号"),
      filedOn: z.string({ error: "请填写申请复议或起诉的日期" }).trim().refine(isIsoDate, { error: "请填写申请复议或起诉的日期（YYYY-MM-DD）" }),
      result: z
        .union([z.literal(""), z.enum(REVIEW_CASE_RESULTS, { error: "请选择审结结果" })])
        .optional()
        .transform((value) => (value ? value : null)),
      concludedOn: optionalDate,
      notes: optionalText(1000, "备注"),
    })
    .superRefine((value, ctx) => {
      if (value.filedOn > today) ctx.addIssue({ code: "custom", path: ["filedOn"], message: "申请复议或起诉的日期不能晚于今天" });
      if (value.concludedOn !== null) {
        if (!isIsoDate(value.concludedOn)) {
          ctx.addIssue({ code: "custom", path: ["concludedOn"], message: "审结日期应为 YYYY-MM-DD" });
        } else {
          if (value.concludedOn > today) ctx.addIssue({ code: "custom", path: ["concludedOn"], message: "审结日期不能晚于今天" });
          if (isIsoDate(value.filedOn) && value.concludedOn < value.filedOn) {
            ctx.addIssue({ code: "custom", path: ["concludedOn"], message: "审结日期不能早于申请复议或起诉的日期" });
          }
        }
      }
      if (value.result !== null && value.concludedOn === null) ctx.addIssue({ code: "custom", path: ["concludedOn"], message: "已审结的案件请同时填写审结日期" });
      if (value.result === null && value.concludedOn !== null) ctx.addIssue({ code: "custom", path: ["result"], message: "填写了审结日期，请同时选择审结结果" });
    });
}

export type ReviewCaseInput = z.output<ReturnType<typeof reviewCaseSchema>>;

/** Shown where staff land after deleting a case. */
export const CASE_DELETED_MESSAGE = "案件已删除，表四已按此更新；删除理由已记入审计日志。";

/** Taking a case out of the register (entered twice, or never a case about disclosure): the reason stays in the audit trail. */
export const reviewCaseDeletionSchema = z.object({
  reason: z.string({ error: "请填写删除理由" }).trim().min(2, { error: "请填写删除理由" }).max(500, { error: "删除理由最多 500 个字符" }),
});
