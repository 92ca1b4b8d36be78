import { describeMakeUpWorkdays, describeSkippedRuns, eachDate, type IsoDate, type WorkingDayCount } from "../calendar";
import type { ReplyDelivery } from "./events";
import type { ConsultationDeadline, FeeDeadline, Pause } from "./report-types";
import { PARTY_LABELS } from "./rules";

const PROVISIONAL_MARK = "（暂定）";

export const DELIVERY_LABELS: Record<ReplyDelivery, string> = {
  in_person: "当面送达",
  post: "邮寄送达",
  electronic: "电子送达",
  unknown: "送达方式未注明",
};

export function dateWithMark(value: { date: string; provisional: boolean }): string {
  return `${value.date}${value.provisional ? PROVISIONAL_MARK : ""}`;
}

/**
 * The days a count went through: make-up days counted, non-working days skipped, the result.
 * Weekends and holidays wholly inside a pause are left out: the pause line already covers them.
 */
export function countLines(
  count: WorkingDayCount,
  resultLabel: string,
  insidePause: (date: IsoDate) => boolean = () => false,
): string[] {
  const lines: string[] = [];
  if (count.makeUpWorkdaysCounted.length > 0) {
    lines.push(`计入调休上班日 ${describeMakeUpWorkdays(count.makeUpWorkdaysCounted)}`);
  }
  const nonWorking = count.skipped.filter(
    (run) => run.kind !== "excluded" && !eachDate(run.first, run.last).every(insidePause),
  );
  if (nonWorking.length > 0) lines.push(`跳过 ${describeSkippedRuns(nonWorking)}`);
  lines.push(`${resultLabel}：${dateWithMark(count)}`);
  return lines;
}

function overlapNote(pause: Pause): string {
  return pause.workingDaysOverlapping > 0
    ? `，另有 ${pause.workingDaysOverlapping} 个工作日与其他暂停重叠，不重复计算`
    : "";
}

export function consultationPauseLine(c: ConsultationDeadline): string {
  const who = `${PARTY_LABELS[c.party]}，编号 ${c.id}`;
  if (c.pause.workingDaysAdded === 0 && c.pause.workingDaysOverlapping === 0) {
    return `征求意见 ${c.sentOn} 发出，未落在答复期限内，不影响答复期限（${who}）`;
  }
  const ending =
    c.answeredOn === null
      ? `尚未答复，计至答复期限 ${c.answerBy.date}`
      : c.answeredLate
        ? `${c.answeredOn} 才答复，只计至答复期限 ${c.answerBy.date}`
        : `${c.answeredOn} 收到答复`;
  return (
    `征求意见 ${c.sentOn} 至 ${c.pause.endsOn} 暂停计算 ${c.pause.workingDaysAdded} 个工作日` +
    `（${who}；${ending}${overlapNote(c.pause)}；第32条、第33条第2款）`
  );
}

export function feePauseLine(fee: FeeDeadline): string {
  if (fee.pause.workingDaysAdded === 0 && fee.pause.workingDaysOverlapping === 0) {
    return `收费通知 ${fee.noticeSentOn} 发出，未落在答复期限内，不影响答复期限`;
  }
  let ending = `尚未缴费，计至缴费期限 ${fee.payBy.date}`;
  if (fee.pause.ending === "paid") ending = `${fee.paidOn} 缴费`;
  else if (fee.pause.ending === "fee_abandoned") ending = `${fee.abandonedOn} 视为放弃申请`;
  else if (fee.paidOn !== null) ending = `${fee.paidOn} 才缴费，只计至缴费期限 ${fee.payBy.date}`;
  return (
    `收费通知 ${fee.noticeSentOn} 至 ${fee.pause.endsOn} 暂停计算 ${fee.pause.workingDaysAdded} 个工作日` +
    `（${fee.amountYuan} 元；${ending}${overlapNote(fee.pause)}；收费通知至缴费期间不计入答复期限）`
  );
}
