import { describe, expect, it } from "vitest";
import { createWorkingCalendar, officialCalendarData } from "../calendar";
import { computeDeadlines } from "./compute-deadlines";
import type { ApplicationEvent } from "./events";
import { canRequestExtension } from "./extension";

const calendar = createWorkingCalendar(officialCalendarData());
const state = (events: ApplicationEvent[] = []) => computeDeadlines({ receivedOn: "2022-01-25", events, calendar });

describe("canRequestExtension", () => {
  it("allows an extension up to and including the last day of the first deadline (2022-02-25)", () => {
    expect(canRequestExtension(state(), "2022-02-10")).toEqual({ allowed: true });
    expect(canRequestExtension(state(), "2022-02-25")).toEqual({ allowed: true });
  });

  it("refuses once the first deadline has passed", () => {
    expect(canRequestExtension(state(), "2022-02-26")).toEqual({
      allowed: false,
      reason: "原答复期限 2022-02-25 已届满，不能再延长（第33条）",
    });
  });

  it("refuses a second extension", () => {
    const extended = state([{ type: "extension_approved", date: "2022-02-20", notifiedOn: "2022-02-21" }]);
    expect(canRequestExtension(extended, "2022-02-22")).toEqual({
      allowed: false,
      reason: "答复期限已于 2022-02-20 延长，只能延长一次（第33条）",
    });
  });

  it("measures the first deadline after pauses", () => {
    const paused = state([
      { type: "consultation_sent", date: "2022-02-14", consultationId: "c1", party: "third_party" },
      { type: "consultation_answered", date: "2022-02-16", consultationId: "c1" },
    ]);
    // Two paused working days move the first deadline from 2-25 to 3-1.
    expect(paused.reply?.original.date).toBe("2022-03-01");
    expect(canRequestExtension(paused, "2022-02-28")).toEqual({ allowed: true });
  });

  it("refuses while waiting for a correction and after conclusion", () => {
    const waiting = state([{ type: "correction_notice_sent", date: "2022-01-27", correctBy: "2022-02-15" }]);
    expect(canRequestExtension(waiting, "2022-02-01").allowed).toBe(false);
    const replied = state([{ type: "replied", date: "2022-02-10", outcome: "granted", delivery: "in_person" }]);
    expect(canRequestExtension(replied, "2022-02-11")).toEqual({ allowed: false, reason: "申请已办结，不能延长答复期限" });
  });
});
