import { z } from "zod";
import { isIsoDate } from "@/lib/calendar";
import type { ApplicationEvent } from "@/lib/deadlines";
import { OUTCOME_CODES } from "@/lib/report/labels";
import { RECORDED_DELIVERIES } from "./codes";

/** What staff may record on the timeline; the engine's event types plus their labels. */
export const EVENT_TYPES = [
  "correction_notice_sent",
  "correction_received",
  "correction_abandoned",
  "consultation_sent",
  "consultation_answered",
  "extension_requested",
  "extension_approved",
  "fee_notice_sent",
  "fee_paid",
  "fee_abandoned",
  "reasons_requested",
  "replied",
] as const satisfies readonly ApplicationEvent["type"][];
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABELS: Record<EventType, string> = {
  correction_notice_sent: "发出补正告知",
  correction_received: "收到补正后的申请",
  correction_abandoned: "逾期未补正，视为放弃",
  consultation_sent: "发出征求意见",
  consultation_answered: "收到征求意见答复（或期满未答复）",
  extension_requested: "申请延期答复",
  extension_approved: "批准延期答复",
  fee_notice_sent: "发出收费通知",
  fee_paid: "申请人已缴费",
  fee_abandoned: "逾期未缴费，视为放弃",
  reasons_requested: "要求说明理由（第三十五条）",
  replied: "答复",
};

const date = (message = "请填写日期（YYYY-MM-DD）") => z.string({ error: message }).trim().refine(isIsoDate, { error: message });
const note = z
  .string()
  .trim()
  .max(1000, { error: "说明最多 1000 个字符" })
  .transform((value) => (value ? value : undefined))
  .optional();
const positiveInt = (message: string) => z.coerce.number({ error: message }).int({ error: message }).min(1, { error: message }).max(100000, { error: message });

/**
 * The form of each event, parsed into the engine's event plus the extra fields the timeline shows.
 * The fee amount is not typed by staff: the data layer computes it (109号) and adds it.
 */
export const eventInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("correction_notice_sent"), date: date(), correctBy: date("请填写申请人应补正的期限"), note }),
  z.object({ type: z.literal("correction_received"), date: date(), note }),
  z.object({ type: z.literal("correction_abandoned"), date: date(), note }),
  z.object({
    type: z.literal("consultation_sent"),
    date: date(),
    party: z.enum(["third_party", "agency"], { error: "请选择征求意见的对象" }),
    addressee: z.string({ error: "请填写征求意见的对象" }).trim().min(1, { error: "请填写征求意见的对象" }).max(200),
    note,
  }),
  z.object({
    type: z.literal("consultation_answered"),
    date: date(),
    consultationId: z.string({ error: "请选择对应的征求意见" }).trim().min(1, { error: "请选择对应的征求意见" }),
    lapsed: z
      .enum(["true", "false"])
      .optional()
      .transform((value) => value === "true"),
    note,
  }),
  z.object({
    type: z.literal("extension_requested"),
    date: date(),
    reason: z.string({ error: "请填写延期理由" }).trim().min(1, { error: "请填写延期理由" }).max(1000),
  }),
  z.object({ type: z.literal("extension_approved"), date: date(), notifiedOn: date("请填写告知申请人的日期"), note }),
  z.discriminatedUnion("method", [
    z.object({
      type: z.literal("fee_notice_sent"),
      method: z.literal("per_page"),
      date: date(),
      pages: positiveInt("请填写页数（正整数）"),
      deliveredOn: date().optional().or(z.literal("").transform(() => undefined)),
      note,
    }),
    z.object({
      type: z.literal("fee_notice_sent"),
      method: z.literal("per_application"),
      date: date(),
      deliveredOn: date().optional().or(z.literal("").transform(() => undefined)),
      note,
    }),
  ]),
  z.object({ type: z.literal("fee_paid"), date: date(), note }),
  z.object({ type: z.literal("fee_abandoned"), date: date(), note }),
  z.object({
    type: z.literal("reasons_requested"),
    date: date(),
    laterReplyBy: date().optional().or(z.literal("").transform(() => undefined)),
    note,
  }),
  z.object({
    type: z.literal("replied"),
    date: date("请填写答复日期"),
    outcome: z.enum(OUTCOME_CODES, { error: "请选择办理结果" }),
    delivery: z.enum(RECORDED_DELIVERIES, { error: "请选择送达方式" }),
    note,
  }),
]);
export type EventInput = z.output<typeof eventInputSchema>;

export const eventCorrectionSchema = z.object({
  correctsEventId: z.coerce.number({ error: "要更正的记录无效" }).int().positive(),
  correctionReason: z.string({ error: "请填写更正理由" }).trim().min(2, { error: "请填写更正理由" }).max(500),
  withdraw: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

export const voidSchema = z.object({
  reason: z.string({ error: "请填写作废理由" }).trim().min(2, { error: "请填写作废理由" }).max(500),
});

/** A stored event row, as the timeline and the engine read it. */
export type StoredEvent = {
  id: number;
  type: EventType;
  occurredOn: string;
  details: Record<string, unknown>;
  correctsEventId: number | null;
  withdrawn: boolean;
  correctionReason: string | null;
  recordedAt: string;
  recordedBy: number | null;
};

/**
 * The events in force: each chain of corrections ends in its latest row; a withdrawn chain drops out.
 * `rootId` is the id the chain started with, which other events (a consultation's answer) refer to.
 */
export function effectiveEvents(rows: readonly StoredEvent[]): (StoredEvent & { rootId: number })[] {
  const rootOf = new Map<number, number>();
  const latest = new Map<number, StoredEvent>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const root = row.correctsEventId === null ? row.id : (rootOf.get(row.correctsEventId) ?? row.correctsEventId);
    rootOf.set(row.id, root);
    latest.set(root, row);
  }
  return [...latest.entries()]
    .filter(([, row]) => !row.withdrawn)
    .map(([rootId, row]) => ({ ...row, rootId }))
    .sort((a, b) => (a.occurredOn === b.occurredOn ? a.rootId - b.rootId : a.occurredOn < b.occurredOn ? -1 : 1));
}

/** The engine's view of an event in force; a consultation is known by its first row's id. */
export function toEngineEvent(row: StoredEvent & { rootId: number }): ApplicationEvent {
  const identity = row.type === "consultation_sent" ? { consultationId: String(row.rootId) } : {};
  return { ...row.details, ...identity, type: row.type, date: row.occurredOn } as ApplicationEvent;
}
