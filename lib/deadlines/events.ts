import { z } from "zod";
import { isIsoDate, type IsoDate } from "../calendar";
import { OUTCOME_CODES } from "../report/labels";

/** Outcome codes of table 三 (domain.md §4.3), in report order: one list, kept with the report labels. */
export const REPLY_OUTCOME_CODES = OUTCOME_CODES;
export type ReplyOutcome = (typeof REPLY_OUTCOME_CODES)[number];

export type ConsultationParty = "third_party" | "agency";
/**
 * in_person: the applicant's signature date; post: the posting date (domain.md §2). unknown: not recorded,
 * as for a reply brought in by a ledger import (the file has only the 办结日期).
 */
export const REPLY_DELIVERIES = ["in_person", "post", "electronic", "unknown"] as const;
export type ReplyDelivery = (typeof REPLY_DELIVERIES)[number];

/** Every event carries `date`: the day it happened, 'YYYY-MM-DD'. */
interface EventBase {
  date: IsoDate;
}

/** 补正告知 (art. 30): sent to the applicant, who must correct by `correctBy`. */
export interface CorrectionNoticeSent extends EventBase {
  type: "correction_notice_sent";
  correctBy: IsoDate;
}
/** The corrected application arrived on `date`; the reply clock restarts from it. */
export interface CorrectionReceived extends EventBase {
  type: "correction_received";
}
/** No correction in time without good reason: deemed abandoned (other.no_correction). */
export interface CorrectionAbandoned extends EventBase {
  type: "correction_abandoned";
}
/** 征求意见 letter sent on `date` (art. 32, 34). */
export interface ConsultationSent extends EventBase {
  type: "consultation_sent";
  consultationId: string;
  party: ConsultationParty;
}
/** The answer to consultation `consultationId` arrived on `date`. */
export interface ConsultationAnswered extends EventBase {
  type: "consultation_answered";
  consultationId: string;
}
export interface ExtensionRequested extends EventBase {
  type: "extension_requested";
}
/** The head approved on `date`; the applicant was told on `notifiedOn` (art. 33). */
export interface ExtensionApproved extends EventBase {
  type: "extension_approved";
  notifiedOn: IsoDate;
}
/** 收费通知 sent on `date`; `deliveredOn` is when the applicant received it, if known. */
export interface FeeNoticeSent extends EventBase {
  type: "fee_notice_sent";
  amountYuan: number;
  deliveredOn?: IsoDate;
}
export interface FeePaid extends EventBase {
  type: "fee_paid";
}
/** Not paid in time: deemed abandoned (other.unpaid_fee). */
export interface FeeAbandoned extends EventBase {
  type: "fee_abandoned";
}
/**
 * Art. 35: the office asked for the reasons of an excessive request. When it accepts them but
 * cannot reply in time, it sets a later reply date (`laterReplyBy`) and tells the applicant.
 */
export interface ReasonsRequested extends EventBase {
  type: "reasons_requested";
  laterReplyBy?: IsoDate;
}
/** The reply: `date` is the reply date (signature date in person, posting date by post). */
export interface Replied extends EventBase {
  type: "replied";
  outcome: ReplyOutcome;
  delivery: ReplyDelivery;
}

export type ApplicationEvent =
  | CorrectionNoticeSent
  | CorrectionReceived
  | CorrectionAbandoned
  | ConsultationSent
  | ConsultationAnswered
  | ExtensionRequested
  | ExtensionApproved
  | FeeNoticeSent
  | FeePaid
  | FeeAbandoned
  | ReasonsRequested
  | Replied;

export type ApplicationEventType = ApplicationEvent["type"];

const isoDate = z.string().refine(isIsoDate, { message: "日期应为有效的 YYYY-MM-DD" });
const consultationId = z.string().trim().min(1);

/** Validates events coming from a form or the database (same shapes as the types above). */
export const applicationEventSchema: z.ZodType<ApplicationEvent> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("correction_notice_sent"), date: isoDate, correctBy: isoDate }),
  z.object({ type: z.literal("correction_received"), date: isoDate }),
  z.object({ type: z.literal("correction_abandoned"), date: isoDate }),
  z.object({
    type: z.literal("consultation_sent"),
    date: isoDate,
    consultationId,
    party: z.enum(["third_party", "agency"]),
  }),
  z.object({ type: z.literal("consultation_answered"), date: isoDate, consultationId }),
  z.object({ type: z.literal("extension_requested"), date: isoDate }),
  z.object({ type: z.literal("extension_approved"), date: isoDate, notifiedOn: isoDate }),
  z.object({
    type: z.literal("fee_notice_sent"),
    date: isoDate,
    amountYuan: z.number().nonnegative(),
    deliveredOn: isoDate.optional(),
  }),
  z.object({ type: z.literal("fee_paid"), date: isoDate }),
  z.object({ type: z.literal("fee_abandoned"), date: isoDate }),
  z.object({ type: z.literal("reasons_requested"), date: isoDate, laterReplyBy: isoDate.optional() }),
  z.object({
    type: z.literal("replied"),
    date: isoDate,
    outcome: z.enum(REPLY_OUTCOME_CODES),
    delivery: z.enum(REPLY_DELIVERIES),
  }),
]);
