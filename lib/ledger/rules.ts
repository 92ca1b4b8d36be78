import { canRequestExtension, type DeadlineReport } from "@/lib/deadlines";
import type { Role } from "@/lib/roles";
import { EVENT_TYPES, type EventInput, type EventType } from "./event-input";

export type EventContext = {
  report: DeadlineReport;
  /** Types of the events in force. */
  eventTypes: readonly EventType[];
  pendingConsultations: readonly { id: string; sentOn: string }[];
  extensionPending: boolean;
  voided: boolean;
  role: Role;
  today: string;
};

export type Refusal = { field: string; message: string };

/**
 * Whether the state of the application allows an event of this type at all, whatever its fields.
 * This is the state machine; `refuseEvent` adds the checks on the submitted dates and values.
 */
export function stateRefusal(type: EventType, context: EventContext): string | null {
  const { report } = context;
  if (context.voided) return "申请已作废，不能再记录办理事项";
  if (report.status === "concluded") return "申请已办结，只能更正已有记录";
  const awaitingCorrection = report.status === "awaiting_correction";
  const clockRunning = report.status === "open" && report.reply !== null;
  const has = (eventType: EventType) => context.eventTypes.includes(eventType);
  const feePending = report.fee !== null && report.fee.paidOn === null && report.fee.abandonedOn === null;

  switch (type) {
    case "correction_notice_sent":
      if (has("correction_notice_sent")) return "补正只能告知一次（第三十条）";
      if (has("consultation_sent") || has("fee_notice_sent") || has("extension_requested")) return "已开始办理，不能再要求补正";
      return null;
    case "correction_received":
    case "correction_abandoned":
      return awaitingCorrection ? null : "没有待补正的告知";
    case "consultation_sent":
    case "reasons_requested":
      return clockRunning ? null : awaitingCorrection ? "正在等待补正" : "当前状态不能办理此事项";
    case "consultation_answered":
      return context.pendingConsultations.length > 0 ? null : "没有待答复的征求意见";
    case "extension_requested":
      if (context.extensionPending) return "已有待批准的延期申请";
      if (report.reply === null) return "答复期限尚未起算，不能延长";
      // Whether it came in time is judged on the request's own date (refuseEvent), so staff can
      // still record a request that was made in time but is entered late.
      return report.reply.extension ? `答复期限已于 ${report.reply.extension.approvedOn} 延长，只能延长一次（第三十三条）` : null;
    case "extension_approved":
      if (context.role !== "reviewer") return "只有审核人（负责人）可以批准延期";
      return context.extensionPending ? null : "没有待批准的延期申请";
    case "fee_notice_sent":
      if (has("fee_notice_sent")) return "已发出过收费通知";
      return clockRunning ? null : "当前状态不能发出收费通知";
    case "fee_paid":
    case "fee_abandoned":
      return feePending ? null : "没有待缴的费用";
    case "replied":
      return awaitingCorrection ? "正在等待补正，请先记录收到补正或视为放弃" : null;
  }
}

/** The events the detail page offers now. */
export function allowedEventTypes(context: EventContext): EventType[] {
  return EVENT_TYPES.filter((type) => stateRefusal(type, context) === null);
}

const CONCLUDING_OUTCOMES: Record<string, string> = {
  "other.no_correction": "逾期未补正的，请记录「逾期未补正，视为放弃」",
  "other.unpaid_fee": "逾期未缴费的，请记录「逾期未缴费，视为放弃」",
};

/**
 * Whether this event may be recorded now, and if not, why, in Chinese, on the field to blame. Event
 * dates lie between the receipt date and today; only deadlines given to others may be later.
 */
export function refuseEvent(event: EventInput, context: EventContext): Refusal | null {
  const byState = stateRefusal(event.type, context);
  if (byState) return { field: "_form", message: byState };
  const { report, today } = context;
  if (event.date < report.receivedOn) return { field: "date", message: `日期不能早于收到申请之日 ${report.receivedOn}` };
  if (event.date > today) return { field: "date", message: "日期不能晚于今天" };

  switch (event.type) {
    case "correction_notice_sent":
      return event.correctBy <= event.date ? { field: "correctBy", message: "补正期限应晚于告知日期" } : null;
    case "correction_received":
    case "correction_abandoned": {
      const noticeOn = report.correction.noticeSentOn ?? report.receivedOn;
      if (event.date < noticeOn) return { field: "date", message: `日期不能早于补正告知日期 ${noticeOn}` };
      const dueBy = report.correction.applicantDueBy;
      if (event.type === "correction_abandoned" && dueBy && event.date <= dueBy) {
        return { field: "date", message: `补正期限 ${dueBy} 届满后才能视为放弃` };
      }
      return null;
    }
    case "consultation_answered": {
      const consultation = context.pendingConsultations.find((pending) => pending.id === event.consultationId);
      if (!consultation) return { field: "consultationId", message: "没有这项待答复的征求意见" };
      return event.date < consultation.sentOn ? { field: "date", message: `日期不能早于征求意见发出日期 ${consultation.sentOn}` } : null;
    }
    case "extension_requested": {
      const check = canRequestExtension(report, event.date);
      return check.allowed ? null : { field: "date", message: check.reason };
    }
    case "extension_approved": {
      const check = canRequestExtension(report, event.date);
      if (!check.allowed) return { field: "date", message: check.reason };
      const original = report.reply?.original.date;
      if (event.notifiedOn < event.date) return { field: "notifiedOn", message: "告知申请人的日期不能早于批准日期" };
      if (event.notifiedOn > today) return { field: "notifiedOn", message: "告知日期不能晚于今天" };
      if (original && event.notifiedOn > original) {
        return { field: "notifiedOn", message: `延期须在原答复期限 ${original} 届满前告知申请人（第三十三条）` };
      }
      return null;
    }
    case "fee_notice_sent":
      return event.deliveredOn && event.deliveredOn < event.date ? { field: "deliveredOn", message: "送达日期不能早于发出日期" } : null;
    case "fee_paid":
    case "fee_abandoned": {
      const fee = report.fee;
      if (fee && event.date < fee.noticeSentOn) return { field: "date", message: `日期不能早于收费通知日期 ${fee.noticeSentOn}` };
      if (fee && event.type === "fee_abandoned" && event.date <= fee.payBy.date) {
        return { field: "date", message: `缴费期限 ${fee.payBy.date} 届满后才能视为放弃` };
      }
      return null;
    }
    case "reasons_requested":
      return event.laterReplyBy && event.laterReplyBy <= event.date ? { field: "laterReplyBy", message: "确定的答复期限应晚于要求说明理由的日期" } : null;
    case "replied":
      if (CONCLUDING_OUTCOMES[event.outcome]) return { field: "outcome", message: CONCLUDING_OUTCOMES[event.outcome] ?? "" };
      if (context.pendingConsultations.some((pending) => pending.sentOn > event.date)) return { field: "date", message: "答复日期不能早于征求意见日期" };
      return null;
    case "consultation_sent":
      return null;
  }
}
