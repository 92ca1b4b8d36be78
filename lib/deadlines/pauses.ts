import { minIsoDate, type IsoDate, type WorkingCalendar } from "../calendar";
import { computed } from "./computed-date";
import type { ApplicationEvent, ConsultationSent, FeeNoticeSent } from "./events";
import type { ConsultationDeadline, FeeDeadline, Pause } from "./report-types";
import { CONSULTATION_ANSWER_WORKING_DAYS, FEE_PAYMENT_WORKING_DAYS, PARTY_LABELS } from "./rules";

/** A pause before the reply clock has decided how much of it counted. */
export interface PauseInterval {
  /** Unique among the pauses of one application; used as the skip reason while counting. */
  label: string;
  startsAfter: IsoDate;
  endsOn: IsoDate;
  ending: Pause["ending"];
}

export type ConsultationDraft = Omit<ConsultationDeadline, "pause"> & { interval: PauseInterval };
export type FeeDraft = Omit<FeeDeadline, "pause"> & { interval: PauseInterval };


// Dates are validated on entry to the engine; 'YYYY-MM-DD' strings order like the dates.
const isAfter = (a: IsoDate, b: IsoDate) => a > b;

export function consultationDeadlines(
  events: readonly ApplicationEvent[],
  calendar: WorkingCalendar,
  today: IsoDate | null,
  warnings: string[],
): ConsultationDraft[] {
  const sent = new Map<string, ConsultationSent>();
  for (const event of events) {
    if (event.type !== "consultation_sent") continue;
    if (sent.has(event.consultationId)) warnings.push(`征求意见编号 ${event.consultationId} 重复，已忽略 ${event.date} 的记录`);
    else sent.set(event.consultationId, event);
  }

  const answers = new Map<string, IsoDate>();
  for (const event of events) {
    if (event.type !== "consultation_answered") continue;
    const letter = sent.get(event.consultationId);
    if (!letter) warnings.push(`收到答复的征求意见编号 ${event.consultationId} 没有发出记录，已忽略`);
    else if (isAfter(letter.date, event.date)) {
      warnings.push(`征求意见 ${event.consultationId} 的答复日期 ${event.date} 早于发出日期 ${letter.date}，已忽略`);
    } else if (answers.has(event.consultationId)) {
      warnings.push(`征求意见 ${event.consultationId} 有多次答复记录，以 ${answers.get(event.consultationId)} 为准`);
    } else answers.set(event.consultationId, event.date);
  }

  return [...sent.values()].map((letter) => {
    const answerBy = computed(calendar.addWorkingDays(letter.date, CONSULTATION_ANSWER_WORKING_DAYS));
    const answeredOn = answers.get(letter.consultationId) ?? null;
    const answeredLate = answeredOn !== null && isAfter(answeredOn, answerBy.date);
    // A late answer does not stretch the pause: the 15 working days are all the law allows.
    const endsOn = answeredOn === null ? answerBy.date : minIsoDate(answeredOn, answerBy.date);
    return {
      id: letter.consultationId,
      party: letter.party,
      sentOn: letter.date,
      answerBy,
      answeredOn,
      answeredLate,
      overdue: answeredOn !== null ? false : today === null ? null : isAfter(today, answerBy.date),
      interval: {
        label: `征求${PARTY_LABELS[letter.party]}意见（${letter.consultationId}）`,
        startsAfter: letter.date,
        endsOn,
        ending: answeredOn !== null && !answeredLate ? "answered" : "answer_deadline",
      },
    };
  });
}

export function feeDeadline(
  events: readonly ApplicationEvent[],
  calendar: WorkingCalendar,
  today: IsoDate | null,
  warnings: string[],
): FeeDraft | null {
  const notices = events.filter((e): e is FeeNoticeSent => e.type === "fee_notice_sent");
  const notice = notices[0];
  if (!notice) return null;
  if (notices.length > 1) warnings.push(`有多份收费通知，以 ${notice.date} 发出的为准`);

  let noticeReceivedOn = notice.deliveredOn ?? notice.date;
  if (isAfter(notice.date, noticeReceivedOn)) {
    warnings.push(`收费通知送达日期 ${noticeReceivedOn} 早于发出日期 ${notice.date}，按发出日期计算`);
    noticeReceivedOn = notice.date;
  }
  const payBy = computed(calendar.addWorkingDays(noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS));
  const onOrAfterNotice = (e: ApplicationEvent) => !isAfter(notice.date, e.date);
  const paidOn = events.find((e) => e.type === "fee_paid" && onOrAfterNotice(e))?.date ?? null;
  const abandonedOn = events.find((e) => e.type === "fee_abandoned" && onOrAfterNotice(e))?.date ?? null;
  const paidLate = paidOn !== null && isAfter(paidOn, payBy.date);
  const settledOn = paidOn ?? abandonedOn;

  let ending: Pause["ending"] = "payment_deadline";
  if (settledOn !== null && !isAfter(settledOn, payBy.date)) ending = paidOn !== null ? "paid" : "fee_abandoned";

  return {
    noticeSentOn: notice.date,
    amountYuan: notice.amountYuan,
    noticeReceivedOn,
    payBy,
    paidOn,
    paidLate,
    abandonedOn,
    paymentOverdue: settledOn !== null ? false : today === null ? null : isAfter(today, payBy.date),
    interval: {
      label: "收费通知",
      startsAfter: notice.date,
      endsOn: settledOn === null ? payBy.date : minIsoDate(settledOn, payBy.date),
      ending,
    },
  };
}

/** The label of the earliest-starting pause covering `date`, so overlaps count once. */
export function pausedOn(intervals: readonly PauseInterval[]): (date: IsoDate) => string | null {
  const ordered = [...intervals].sort((a, b) => (a.startsAfter < b.startsAfter ? -1 : a.startsAfter > b.startsAfter ? 1 : 0));
  return (date) =>
    ordered.find((p) => isAfter(date, p.startsAfter) && !isAfter(date, p.endsOn))?.label ?? null;
}
