import { maxIsoDate, minIsoDate, type IsoDate, type WorkingCalendar, type WorkingDayCount } from "../calendar";
import { pausedOn, type PauseInterval } from "./pauses";
import { EXTENSION_WORKING_DAYS, REPLY_WORKING_DAYS } from "./rules";

/**
 * The pause rule: a working day inside any pause is not counted, so the deadline is the 20th
 * working day after the clock start that lies in no pause. Equivalently the deadline moves later
 * by the number of distinct paused working days before it; overlapping pauses count once, and a
 * pause starting on or after the deadline changes nothing.
 */
export function countReplyDeadline(
  calendar: WorkingCalendar,
  clockStart: IsoDate,
  pauses: readonly PauseInterval[],
): { withoutPauses: WorkingDayCount; original: WorkingDayCount } {
  return {
    withoutPauses: calendar.addWorkingDays(clockStart, REPLY_WORKING_DAYS),
    original: calendar.addWorkingDays(clockStart, REPLY_WORKING_DAYS, withPauses(pauses)),
  };
}

/** 20 more unpaused working days after the original deadline (pauses keep applying). */
export function countExtendedDeadline(
  calendar: WorkingCalendar,
  original: IsoDate,
  pauses: readonly PauseInterval[],
): WorkingDayCount {
  return calendar.addWorkingDays(original, EXTENSION_WORKING_DAYS, withPauses(pauses));
}

/** No pauses, no exclusion: the calendar can then answer the count from the ones it already made. */
function withPauses(pauses: readonly PauseInterval[]): { excluded?: (date: IsoDate) => string | null } {
  return pauses.length > 0 ? { excluded: pausedOn(pauses) } : {};
}

export interface PauseEffect {
  added: number;
  overlapping: number;
}

/** How many working days each pause added to the deadline, and how many it shared with another. */
export function pauseEffects(
  calendar: WorkingCalendar,
  clockStart: IsoDate,
  deadline: IsoDate,
  pauses: readonly PauseInterval[],
  counts: readonly WorkingDayCount[],
): Map<string, PauseEffect> {
  const effects = new Map<string, PauseEffect>();
  for (const pause of pauses) {
    const added = counts
      .flatMap((count) => count.skipped)
      .filter((run) => run.kind === "excluded" && run.reason === pause.label)
      .reduce((sum, run) => sum + run.days, 0);
    const covered =
      pause.startsAfter >= deadline
        ? 0
        : calendar.countWorkingDays(maxIsoDate(pause.startsAfter, clockStart), minIsoDate(pause.endsOn, deadline));
    effects.set(pause.label, { added, overlapping: covered - added });
  }
  return effects;
}
