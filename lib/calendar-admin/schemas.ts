import { z } from "zod";
import { isIsoDate, isWeekend } from "@/lib/calendar";

const date = z.string({ error: "请填写日期（YYYY-MM-DD）" }).trim().refine(isIsoDate, { error: "请填写日期（YYYY-MM-DD）" });

export const calendarDaySchema = z
  .object({
    date,
    kind: z.enum(["holiday", "make_up_workday"], { error: "请选择类型" }),
    name: z.string({ error: "请填写节日名称" }).trim().min(1, { error: "请填写节日名称" }).max(20, { error: "名称最多 20 个字符" }),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "make_up_workday" && isIsoDate(value.date) && !isWeekend(value.date)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "调休上班日只能是周六或周日" });
    }
  });

export const calendarDateSchema = z.object({ date });

export const calendarYearSchema = z.object({
  year: z.coerce.number({ error: "年份无效" }).int().min(2000, { error: "年份无效" }).max(2100, { error: "年份无效" }),
  published: z.enum(["true", "false"]).transform((value) => value === "true"),
  source: z
    .string()
    .trim()
    .max(200, { error: "最多 200 个字符" })
    .optional()
    .transform((value) => value || ""),
}).superRefine((value, ctx) => {
  if (value.published && !value.source) ctx.addIssue({ code: "custom", path: ["source"], message: "请填写通知名称和文号，例如 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）" });
});

export const calendarYearQuerySchema = z.coerce.number().int().min(2000).max(2100);
