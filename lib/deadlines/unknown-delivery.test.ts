import { describe, expect, it } from "vitest";
import { createWorkingCalendar, officialCalendarData } from "../calendar";
import { eventInputSchema } from "../ledger/event-input";
import { computeDeadlines } from "./compute-deadlines";
import { applicationEventSchema } from "./events";

const calendar = createWorkingCalendar(officialCalendarData());

describe("a reply whose delivery is not recorded (an imported conclusion)", () => {
  it("is a valid engine event and concludes the application like any reply", () => {
    const event = { type: "replied", date: "2022-02-25", outcome: "partial", delivery: "unknown" } as const;
    expect(applicationEventSchema.safeParse(event).success).toBe(true);
    const report = computeDeadlines({ receivedOn: "2022-01-25", events: [event], calendar });
    expect(report.status).toBe("concluded");
    expect(report.conclusion).toEqual({ kind: "replied", date: "2022-02-25", outcome: "partial", delivery: "unknown" });
    expect(report.overdue).toBe(false);
    expect(report.trace.at(-1)).toBe("2022-02-25 答复（部分公开，送达方式未注明），在答复期限内");
  });

  it("is late like any reply after the deadline", () => {
    const report = computeDeadlines({ receivedOn: "2022-01-25", events: [{ type: "replied", date: "2022-02-28", outcome: "granted", delivery: "unknown" }], calendar });
    expect(report.overdue).toBe(true);
  });

  it("is not offered to staff recording a reply: they say how it was delivered", () => {
    expect(eventInputSchema.safeParse({ type: "replied", date: "2022-02-25", outcome: "granted", delivery: "unknown" }).success).toBe(false);
    expect(eventInputSchema.safeParse({ type: "replied", date: "2022-02-25", outcome: "granted", delivery: "post" }).success).toBe(true);
  });
});
