import { assertIsoDate, type IsoDate } from "../calendar";
import type { DeadlineReport } from "./report-types";

export type ExtensionCheck = { allowed: true } | { allowed: false; reason: string };

/** What the check needs from a computed report (computeDeadlines with the same events). */
export type ExtensionState = Pick<DeadlineReport, "status" | "reply">;

/**
 * Whether an extension may still be requested on `today` (art. 33): at most once, and only
 * while the first deadline has not passed — on the deadline day itself it still may.
 */
export function canRequestExtension(state: ExtensionState, today: IsoDate): ExtensionCheck {
  assertIsoDate(today, "当前日期");
  if (state.status === "concluded") return { allowed: false, reason: "申请已办结，不能延长答复期限" };
  if (state.reply === null) {
    return { allowed: false, reason: "等待申请人补正，答复期限尚未起算，不能延长" };
  }
  if (state.reply.extension !== null) {
    return { allowed: false, reason: `答复期限已于 ${state.reply.extension.approvedOn} 延长，只能延长一次（第33条）` };
  }
  if (today > state.reply.original.date) {
    return { allowed: false, reason: `原答复期限 ${state.reply.original.date} 已届满，不能再延长（第33条）` };
  }
  return { allowed: true };
}
