import type { IsoDate } from "../calendar";
import type { ConsultationParty, ReplyDelivery, ReplyOutcome } from "./events";

export interface ComputedDate {
  date: IsoDate;
  /** Counting crossed a year whose holiday schedule is not published yet (暂定). */
  provisional: boolean;
  /** Those years. */
  unpublishedYears: number[];
}

/**
 * A stretch during which the reply clock stands still. Working days d with
 * startsAfter < d ≤ endsOn are not counted: the day the letter or notice goes out still counts,
 * the day the answer or payment arrives does not (the clock resumes the next day, as it starts
 * the day after receipt).
 */
export interface Pause {
  startsAfter: IsoDate;
  endsOn: IsoDate;
  ending: "answered" | "answer_deadline" | "paid" | "payment_deadline" | "fee_abandoned";
  /** Working days this pause actually added to the reply deadline. */
  workingDaysAdded: number;
  /** Working days inside this pause already covered by an earlier-starting pause. */
  workingDaysOverlapping: number;
}

export interface ConsultationDeadline {
  id: string;
  party: ConsultationParty;
  sentOn: IsoDate;
  /** 15th working day after sending (art. 32). */
  answerBy: ComputedDate;
  answeredOn: IsoDate | null;
  answeredLate: boolean;
  /** No answer yet and `today` is past answerBy. */
  overdue: boolean | null;
  pause: Pause;
}

export interface FeeDeadline {
  noticeSentOn: IsoDate;
  amountYuan: number;
  /** deliveredOn when recorded, else the sending date. */
  noticeReceivedOn: IsoDate;
  /** 20th working day after the notice was received (from the day after receipt). */
  payBy: ComputedDate;
  paidOn: IsoDate | null;
  paidLate: boolean;
  abandonedOn: IsoDate | null;
  /** Not paid, not closed, and `today` is past payBy. */
  paymentOverdue: boolean | null;
  pause: Pause;
}

export interface CorrectionSummary {
  /** 7th working day after receipt (art. 30). */
  noticeBy: ComputedDate;
  noticeSentOn: IsoDate | null;
  noticeLate: boolean;
  applicantDueBy: IsoDate | null;
  receivedOn: IsoDate | null;
  /** Notice sent, nothing received, `today` past the applicant's date. */
  applicantOverdue: boolean | null;
}

export interface ExtensionSummary {
  approvedOn: IsoDate;
  notifiedOn: IsoDate;
  /** 20 counted working days after the original deadline. */
  deadline: ComputedDate;
}

export interface ReplyDeadline {
  /** Receipt date, or the day the corrected application arrived. */
  clockStart: IsoDate;
  clockStartReason: "receipt" | "correction";
  /** 20th working day after clockStart ignoring every pause. */
  withoutPauses: ComputedDate;
  /** Distinct paused working days up to the final deadline. */
  pausedWorkingDays: number;
  /** The first deadline (art. 33): 20 unpaused working days after clockStart. */
  original: ComputedDate;
  extension: ExtensionSummary | null;
  /** Art. 35 later reply date set by the office, when later than the computed deadline. */
  laterReplyBy: IsoDate | null;
  /** The deadline in force. */
  final: ComputedDate;
}

export interface Conclusion {
  kind: "replied" | "correction_abandoned" | "fee_abandoned";
  /** 办结日期. */
  date: IsoDate;
  outcome: ReplyOutcome;
  delivery: ReplyDelivery | null;
}

export type ApplicationStatus = "awaiting_correction" | "open" | "concluded";

export interface DeadlineReport {
  receivedOn: IsoDate;
  status: ApplicationStatus;
  conclusion: Conclusion | null;
  correction: CorrectionSummary;
  /** Null while waiting for a correction, or when closed before the clock (re)started. */
  reply: ReplyDeadline | null;
  consultations: ConsultationDeadline[];
  fee: FeeDeadline | null;
  /** Any computed date above is provisional. */
  provisional: boolean;
  /** Years without a published schedule that some computed date relied on. */
  unpublishedYears: number[];
  today: IsoDate | null;
  /** Reply later than the deadline in force, or (open) `today` past it. Null when unknown. */
  overdue: boolean | null;
  /** Open applications with `today`: counted working days left after today up to the deadline;
   * 0 on the last day; negative = working days overdue. */
  workingDaysRemaining: number | null;
  /** `today` falls inside a pause. */
  pausedToday: boolean | null;
  /** Data problems worth showing to staff (late notices, unknown ids, ignored events). */
  warnings: string[];
  trace: string[];
}
