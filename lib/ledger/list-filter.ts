import { z } from "zod";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { OUTCOME_CODES } from "@/lib/report/labels";
import { LEDGER_STATUSES } from "./codes";

const empty = (value: unknown) => (value === "" || value === null ? undefined : value);
/** Control characters never belong in a search, and U+0001 pads the search index's values (migration 0008). */
const withoutControlCharacters = (value: unknown) => empty(typeof value === "string" ? value.replace(/\p{Cc}/gu, "") : value);

export const LEDGER_SORTS = {
  received_desc: "收到日期（新→旧）",
  received_asc: "收到日期（旧→新）",
  due_asc: "答复期限（近→远）",
  tracking_desc: "编号（大→小）",
} as const;
export type LedgerSort = keyof typeof LEDGER_SORTS;

export const LEDGER_PAGE_SIZE = 50;

/** The ledger list's filters, as they arrive in the query string. */
export const ledgerFilterSchema = z.object({
  status: z.preprocess(empty, z.enum(LEDGER_STATUSES, { error: "状态无效" }).optional()),
  year: z.preprocess(empty, z.coerce.number({ error: "年份无效" }).int().min(2008, { error: "年份无效" }).max(2100, { error: "年份无效" }).optional()),
  applicantType: z.preprocess(empty, z.enum(APPLICANT_TYPE_CODES, { error: "申请人类型无效" }).optional()),
  outcome: z.preprocess(empty, z.enum(OUTCOME_CODES, { error: "办理结果无效" }).optional()),
  overdue: z.preprocess(empty, z.literal("1").optional()),
  extensionPending: z.preprocess(empty, z.literal("1", { error: "无效的筛选条件" }).optional()),
  dueWithin: z.preprocess(empty, z.coerce.number({ error: "请填写 0–60 的整数" }).int({ error: "请填写 0–60 的整数" }).min(0, { error: "请填写 0–60 的整数" }).max(60, { error: "请填写 0–60 的整数" }).optional()),
  q: z.preprocess(withoutControlCharacters, z.string().trim().max(100, { error: "搜索内容最多 100 个字符" }).optional()),
  sort: z.preprocess(empty, z.enum(Object.keys(LEDGER_SORTS) as [LedgerSort, ...LedgerSort[]]).default("received_desc")),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type LedgerFilter = z.output<typeof ledgerFilterSchema>;
