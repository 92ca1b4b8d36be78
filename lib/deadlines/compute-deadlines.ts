import { outcomeShortLabel } from "../report/labels";
import { assertIsoDate, type IsoDate, type WorkingCalendar, type WorkingDayCount } from "../calendar";
import { computed, fixedDate } from "./computed-date";
import {
  applicationEventSchema,
  type ApplicationEvent,
  type CorrectionNoticeSent,
  type ExtensionApproved,
  type ReasonsRequested,
} from "./events";
import { consultationDeadlines, feeDeadline, type ConsultationDraft, type FeeDraft, type PauseInterval } from "./pauses";
import { countExtendedDeadline, countReplyDeadline, pauseEffects, type PauseEffect } from "./reply-clock";
import type {
  ComputedDate,
  Conclusion,
  ConsultationDeadline,
  CorrectionSummary,
  DeadlineReport,
  FeeDeadline,
  ReplyDeadline,
} from "./report-types";
import {
  CONSULTATION_ANSWER_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  EXTENSION_WORKING_DAYS,
  FEE_PAYMENT_WORKING_DAYS,
  REPLY_WORKING_DAYS,
} from "./rules";
import { consultationPauseLine, countLines, dateWithMark, DELIVERY_LABELS, feePauseLine } from "./trace";

export interface DeadlineInput {
  /** Legal receipt date (收到申请之日, art. 31), not the physical arrival date. */
  receivedOn: IsoDate;
  events: readonly ApplicationEvent[];
  calendar: WorkingCalendar;
  /** Enables the overdue, remaining-days and paused-today answers for open applications. */
  today?: IsoDate | null;
}

// Dates are validated on entry; 'YYYY-MM-DD' strings order like the dates they name.
const isAfter = (a: IsoDate, b: IsoDate) => a > b;
const inPause = (date: IsoDate, p: PauseInterval) => isAfter(date, p.startsAfter) && !isAfter(date, p.endsOn);
const sumExcluded = (counts: readonly WorkingDayCount[]) =>
  counts
    .flatMap((c) => c.skipped)
    .filter((run) => run.kind === "excluded")
    .reduce((sum, run) => sum + run.days, 0);

/**
 * All deadlines of one application from its receipt date and events. Pure: the same input
 * always gives the same report, and nothing outside the input is read (not even the system date).
 */
export function computeDeadlines(input: DeadlineInput): DeadlineReport {
  const { calendar } = input;
  const receivedOn = assertIsoDate(input.receivedOn, "收到申请日期");
  const today = input.today ? assertIsoDate(input.today, "当前日期") : null;
  // Stable sort: same-day events keep the order they were recorded in.
  const events = input.events
    .map((event) => applicationEventSchema.parse(event))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const warnings: string[] = [];
  const trace: string[] = [];

  for (const event of events) {
    if (isAfter(receivedOn, event.date)) warnings.push(`${event.date} 的记录早于收到申请之日 ${receivedOn}`);
  }
  const conclusion = findConclusion(events);

  trace.push(`收到申请之日 ${receivedOn}（第31条），不计当日`);
  const correction = correctionSummary(calendar, receivedOn, events, conclusion, today, warnings, trace);
  const awaitingCorrection = correction.noticeSentOn !== null && correction.receivedOn === null;

  const consultationDrafts = consultationDeadlines(events, calendar, today, warnings);
  const feeDraft = feeDeadline(events, calendar, today, warnings);
  const pauses = [...consultationDrafts.map((c) => c.interval), ...(feeDraft ? [feeDraft.interval] : [])];

  const clockStart = correction.receivedOn ?? (awaitingCorrection ? null : receivedOn);
  const clock = clockStart === null ? null : replyClock(calendar, clockStart, correction.receivedOn !== null, pauses, events, warnings);
  // Measured up to the last counted day, not an art. 35 date: pauses beyond it were never counted.
  const effects = clock
    ? pauseEffects(
        calendar,
        clock.reply.clockStart,
        (clock.reply.extension?.deadline ?? clock.reply.original).date,
        pauses,
        clock.counts,
      )
    : new Map<string, PauseEffect>();
  const consultations: ConsultationDeadline[] = consultationDrafts.map((c) => withPause(c, effects.get(c.interval.label)));
  const fee: FeeDeadline | null = feeDraft ? withPause(feeDraft, effects.get(feeDraft.interval.label)) : null;

  if (clock) {
    trace.push(clock.heading);
    for (const c of consultations) trace.push(consultationPauseLine(c));
    if (fee) trace.push(feePauseLine(fee));
    if (pauses.length > 1 && clock.reply.pausedWorkingDays > 0) {
      trace.push(`暂停合计 ${clock.reply.pausedWorkingDays} 个工作日（重叠部分只计一次）`);
    }
    trace.push(...clock.lines);
  } else if (conclusion === null) {
    trace.push("等待申请人补正：答复期限自收到补正后的申请之日起重新计算（第30条）");
  }
  for (const c of consultations) {
    trace.push(
      `征求意见答复期限（第32条）：${c.sentOn} 发出后第${CONSULTATION_ANSWER_WORKING_DAYS}个工作日 ${dateWithMark(c.answerBy)}`,
    );
  }
  if (fee) {
    trace.push(
      `缴费期限（国办函〔2020〕109号）：收到收费通知（${fee.noticeReceivedOn}）次日起第${FEE_PAYMENT_WORKING_DAYS}个工作日 ${dateWithMark(fee.payBy)}`,
    );
    if (fee.paymentOverdue && conclusion === null) {
      warnings.push(`申请人未在 ${fee.payBy.date} 前缴费，可按「${outcomeShortLabel("other.unpaid_fee")}」办结`);
    }
  }

  const computedDates: ComputedDate[] = [
    correction.noticeBy,
    ...consultations.map((c) => c.answerBy),
    ...(fee ? [fee.payBy] : []),
    ...(clock
      ? [clock.reply.original, clock.reply.final, ...(clock.reply.extension ? [clock.reply.extension.deadline] : [])]
      : []),
  ];
  const unpublishedYears = [...new Set(computedDates.flatMap((d) => d.unpublishedYears))].sort((a, b) => a - b);
  if (unpublishedYears.length > 0) {
    trace.push(`${unpublishedYears.join("、")} 年节假日安排尚未公布：按法定节假日推算，调休未知，相关期限为暂定`);
  }

  const status = conclusion ? "concluded" : awaitingCorrection ? "awaiting_correction" : "open";
  const reply = clock?.reply ?? null;
  return {
    receivedOn,
    status,
    conclusion,
    correction,
    reply,
    consultations,
    fee,
    provisional: computedDates.some((d) => d.provisional),
    unpublishedYears,
    today,
    ...todayFacts(calendar, status, reply, conclusion, today, pauses, trace),
    warnings,
    trace,
  };
}

function findConclusion(events: readonly ApplicationEvent[]): Conclusion | null {
  for (const event of events) {
    if (event.type === "replied") {
      return { kind: "replied", date: event.date, outcome: event.outcome, delivery: event.delivery };
    }
    if (event.type === "correction_abandoned") {
      return { kind: "correction_abandoned", date: event.date, outcome: "other.no_correction", delivery: null };
    }
    if (event.type === "fee_abandoned") {
      return { kind: "fee_abandoned", date: event.date, outcome: "other.unpaid_fee", delivery: null };
    }
  }
  return null;
}

function correctionSummary(
  calendar: WorkingCalendar,
  receivedOn: IsoDate,
  events: readonly ApplicationEvent[],
  conclusion: Conclusion | null,
  today: IsoDate | null,
  warnings: string[],
  trace: string[],
): CorrectionSummary {
  const noticeBy = calendar.addWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
  trace.push(`补正告知期限（第30条）：收到申请后 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内`);
  trace.push(...countLines(noticeBy, `第${CORRECTION_NOTICE_WORKING_DAYS}个工作日`));

  const notices = events.filter((e): e is CorrectionNoticeSent => e.type === "correction_notice_sent");
  const notice = notices[0];
  if (notice && notices.length > 1) warnings.push(`补正应一次性告知（第30条），已忽略 ${notice.date} 之后的补正告知`);
  const received = events.find(
    (e) => e.type === "correction_received" && (notice === undefined || !isAfter(notice.date, e.date)),
  );
  const noticeLate = notice !== undefined && isAfter(notice.date, noticeBy.date);

  if (notice) {
    trace.push(
      `${notice.date} 发出补正告知，要求申请人于 ${notice.correctBy} 前补正` +
        (noticeLate ? `（晚于补正告知期限 ${noticeBy.date}）` : ""),
    );
    if (noticeLate) warnings.push(`补正告知 ${notice.date} 晚于第${CORRECTION_NOTICE_WORKING_DAYS}个工作日 ${noticeBy.date}`);
  }
  if (received && !notice) warnings.push(`收到补正（${received.date}），但没有补正告知记录`);

  let applicantOverdue: boolean | null = false;
  if (notice && !received && !conclusion) {
    applicantOverdue = today === null ? null : isAfter(today, notice.correctBy);
    if (applicantOverdue) {
      warnings.push(`申请人未在 ${notice.correctBy} 前补正，可按「${outcomeShortLabel("other.no_correction")}」办结`);
    }
  }

  return {
    noticeBy: computed(noticeBy),
    noticeSentOn: notice?.date ?? null,
    noticeLate,
    applicantDueBy: notice?.correctBy ?? null,
    receivedOn: received?.date ?? null,
    applicantOverdue,
  };
}

function withPause<T extends ConsultationDraft | FeeDraft>(draft: T, effect: PauseEffect | undefined) {
  const { interval, ...rest } = draft;
  return {
    ...rest,
    pause: {
      startsAfter: interval.startsAfter,
      endsOn: interval.endsOn,
      ending: interval.ending,
      workingDaysAdded: effect?.added ?? 0,
      workingDaysOverlapping: effect?.overlapping ?? 0,
    },
  };
}

interface ReplyClockResult {
  reply: ReplyDeadline;
  /** The counts whose skipped days decide each pause's effect. */
  counts: WorkingDayCount[];
  heading: string;
  lines: string[];
}

function replyClock(
  calendar: WorkingCalendar,
  clockStart: IsoDate,
  restartedByCorrection: boolean,
  pauses: readonly PauseInterval[],
  events: readonly ApplicationEvent[],
  warnings: string[],
): ReplyClockResult {
  const lines: string[] = [];
  const heading = restartedByCorrection
    ? `答复期限（第30条、第33条）：自 ${clockStart} 收到补正后的申请之日起重新计算 ${REPLY_WORKING_DAYS} 个工作日，不计当日`
    : `答复期限（第33条）：自 ${clockStart} 起 ${REPLY_WORKING_DAYS} 个工作日`;
  const { withoutPauses, original } = countReplyDeadline(calendar, clockStart, pauses);
  const counts = [original];
  const insidePause = (date: IsoDate) => pauses.some((p) => inPause(date, p));
  lines.push(
    ...countLines(
      original,
      sumExcluded([original]) > 0
        ? `第${REPLY_WORKING_DAYS}个工作日（暂停期间的工作日不计；不计暂停时为 ${withoutPauses.date}）`
        : `第${REPLY_WORKING_DAYS}个工作日`,
      insidePause,
    ),
  );

  // Extension (art. 33): once, approved and notified no later than the original deadline.
  const approvals = events.filter((e): e is ExtensionApproved => e.type === "extension_approved");
  const approval = approvals[0];
  let extension: ReplyDeadline["extension"] = null;
  if (approval && approvals.length > 1) warnings.push(`延长只能一次（第33条），已忽略 ${approval.date} 之后的延长记录`);
  if (approval) {
    const lastStep = isAfter(approval.notifiedOn, approval.date) ? approval.notifiedOn : approval.date;
    if (isAfter(lastStep, original.date)) {
      warnings.push(`延长于 ${lastStep} 才批准或告知，已超过原答复期限 ${original.date}，延长无效（第33条）`);
      lines.push(`延长无效：${lastStep} 时原答复期限 ${original.date} 已届满（第33条）`);
    } else {
      const extended = countExtendedDeadline(calendar, original.date, pauses);
      counts.push(extended);
      extension = { approvedOn: approval.date, notifiedOn: approval.notifiedOn, deadline: computed(extended) };
      lines.push(
        `经负责人同意延长 ${EXTENSION_WORKING_DAYS} 个工作日（第33条）：${approval.date} 批准，${approval.notifiedOn} 告知申请人`,
        ...countLines(extended, `延长后第${EXTENSION_WORKING_DAYS}个工作日`, insidePause),
      );
    }
  } else {
    const request = events.find((e) => e.type === "extension_requested");
    if (request) lines.push(`${request.date} 申请延长答复期限，尚待负责人批准`);
  }

  let final = extension?.deadline ?? computed(original);
  let laterReplyBy: IsoDate | null = null;
  for (const reasons of events.filter((e): e is ReasonsRequested => e.type === "reasons_requested")) {
    lines.push(`${reasons.date} 要求申请人说明理由（第35条），答复期限照常计算`);
    if (reasons.laterReplyBy && isAfter(reasons.laterReplyBy, final.date)) {
      laterReplyBy = reasons.laterReplyBy;
      final = fixedDate(reasons.laterReplyBy);
      lines.push(`申请理由合理但无法按期答复，确定延迟答复期限 ${reasons.laterReplyBy} 并告知申请人（第35条）`);
    }
  }
  lines.push(`现行答复期限：${dateWithMark(final)}`);

  return {
    reply: {
      clockStart,
      clockStartReason: restartedByCorrection ? "correction" : "receipt",
      withoutPauses: computed(withoutPauses),
      pausedWorkingDays: sumExcluded(counts),
      original: computed(original),
      extension,
      laterReplyBy,
      final,
    },
    counts,
    heading,
    lines,
  };
}

function todayFacts(
  calendar: WorkingCalendar,
  status: DeadlineReport["status"],
  reply: ReplyDeadline | null,
  conclusion: Conclusion | null,
  today: IsoDate | null,
  pauses: readonly PauseInterval[],
  trace: string[],
): Pick<DeadlineReport, "overdue" | "workingDaysRemaining" | "pausedToday"> {
  if (conclusion) {
    const label = outcomeShortLabel(conclusion.outcome);
    if (conclusion.kind !== "replied" || reply === null) {
      trace.push(`${conclusion.date} 办结：${label}`);
      return { overdue: conclusion.kind === "replied" ? null : false, workingDaysRemaining: null, pausedToday: null };
    }
    const late = isAfter(conclusion.date, reply.final.date);
    const delivery = conclusion.delivery ? `，${DELIVERY_LABELS[conclusion.delivery]}` : "";
    trace.push(`${conclusion.date} 答复（${label}${delivery}），${late ? `超过答复期限 ${reply.final.date}` : "在答复期限内"}`);
    return { overdue: late, workingDaysRemaining: null, pausedToday: null };
  }
  if (status !== "open" || reply === null || today === null) {
    return { overdue: null, workingDaysRemaining: null, pausedToday: null };
  }

  const deadline = reply.final.date;
  const activePause = pauses.find((p) => inPause(today, p));
  if (isAfter(today, deadline)) {
    const overdueDays = calendar.countWorkingDays(deadline, today);
    trace.push(`截至 ${today}，已超过答复期限 ${overdueDays} 个工作日`);
    return { overdue: true, workingDaysRemaining: -overdueDays, pausedToday: activePause !== undefined };
  }
  const remaining = calendar.countWorkingDays(today, deadline, {
    excluded: (date) => (pauses.some((p) => inPause(date, p)) ? "暂停" : null),
  });
  trace.push(
    activePause
      ? `截至 ${today}，正在暂停计算（${activePause.label}），恢复后还有 ${remaining} 个工作日`
      : remaining === 0
        ? `截至 ${today}，今日为答复期限最后一日`
        : `截至 ${today}，还有 ${remaining} 个工作日`,
  );
  return { overdue: false, workingDaysRemaining: remaining, pausedToday: activePause !== undefined };
}
