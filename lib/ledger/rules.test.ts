import { describe, expect, it } from "vitest";
import { createWorkingCalendar, officialCalendarData } from "@/lib/calendar";
import { computeDeadlines, type ApplicationEvent } from "@/lib/deadlines";
import type { Role } from "@/lib/roles";
import type { EventInput, EventType } from "./event-input";
import { allowedEventTypes, refuseEvent, type EventContext } from "./rules";
import { ledgerStatus } from "./status";

const calendar = createWorkingCalendar(officialCalendarData());
const RECEIVED = "2026-09-15"; // domain.md §3: reply by 2026-10-19, extended 2026-11-16

function context(events: ApplicationEvent[], options: { role?: Role; today?: string; voided?: boolean } = {}): EventContext {
  const today = options.today ?? "2026-10-12";
  const report = computeDeadlines({ receivedOn: RECEIVED, events, calendar, today });
  const types = events.map((event) => event.type) as EventType[];
  const answered = new Set(events.flatMap((event) => (event.type === "consultation_answered" ? [event.consultationId] : [])));
  return {
    report,
    eventTypes: types,
    pendingConsultations: events.flatMap((event) =>
      event.type === "consultation_sent" && !answered.has(event.consultationId) ? [{ id: event.consultationId, sentOn: event.date }] : [],
    ),
    extensionPending: types.includes("extension_requested") && !types.includes("extension_approved"),
    voided: options.voided ?? false,
    role: options.role ?? "clerk",
    today,
  };
}

const reply: Extract<EventInput, { type: "replied" }> = { type: "replied", date: "2026-10-10", outcome: "granted", delivery: "post" };

describe("the state machine", () => {
  it("offers a fresh application the first steps, not payment or approval", () => {
    const allowed = allowedEventTypes(context([]));
    expect(allowed).toEqual(expect.arrayContaining(["correction_notice_sent", "consultation_sent", "extension_requested", "fee_notice_sent", "replied"]));
    expect(allowed).not.toContain("fee_paid");
    expect(allowed).not.toContain("extension_approved");
    expect(allowed).not.toContain("correction_received");
  });

  it("lets only a reviewer approve an extension, once, and not after the first deadline", () => {
    const requested: ApplicationEvent[] = [{ type: "extension_requested", date: "2026-10-12" }];
    const approval: Extract<EventInput, { type: "extension_approved" }> = { type: "extension_approved", date: "2026-10-13", notifiedOn: "2026-10-13" };
    expect(refuseEvent(approval, context(requested, { today: "2026-10-13" }))?.message).toContain("只有审核人");
    expect(refuseEvent(approval, context(requested, { role: "reviewer", today: "2026-10-13" }))).toBeNull();
    expect(refuseEvent({ ...approval, date: "2026-10-20", notifiedOn: "2026-10-20" }, context(requested, { role: "reviewer", today: "2026-10-21" }))?.message).toContain("2026-10-19");
    const approved: ApplicationEvent[] = [...requested, { type: "extension_approved", date: "2026-10-13", notifiedOn: "2026-10-13" }];
    expect(allowedEventTypes(context(approved, { role: "reviewer", today: "2026-10-14" }))).not.toContain("extension_requested");
  });

  it("allows a correction notice once, and nothing but the correction while waiting for it", () => {
    const waiting: ApplicationEvent[] = [{ type: "correction_notice_sent", date: "2026-09-17", correctBy: "2026-09-30" }];
    const allowed = allowedEventTypes(context(waiting, { today: "2026-09-20" }));
    expect(allowed.sort()).toEqual(["correction_abandoned", "correction_received"]);
    expect(refuseEvent(reply, context(waiting))?.message).toContain("等待补正");
    expect(refuseEvent({ type: "correction_abandoned", date: "2026-09-25" }, context(waiting, { today: "2026-09-26" }))?.field).toBe("date");
  });

  it("refuses everything but corrections after the reply", () => {
    const concluded: ApplicationEvent[] = [{ type: "replied", date: "2026-10-09", outcome: "granted", delivery: "post" }];
    expect(allowedEventTypes(context(concluded))).toEqual([]);
    expect(refuseEvent(reply, context(concluded))?.message).toContain("已办结");
  });

  it("keeps dates between receipt and today", () => {
    expect(refuseEvent({ ...reply, date: "2026-09-14" }, context([]))).toMatchObject({ field: "date" });
    expect(refuseEvent({ ...reply, date: "2026-10-13" }, context([], { today: "2026-10-12" }))).toMatchObject({ field: "date", message: "日期不能晚于今天" });
  });

  it("sends abandonment outcomes to their own events", () => {
    expect(refuseEvent({ ...reply, outcome: "other.no_correction" }, context([]))).toMatchObject({ field: "outcome" });
  });

  it("refuses a voided application anything", () => {
    expect(allowedEventTypes(context([], { voided: true }))).toEqual([]);
  });
});

describe("the ledger status", () => {
  it("names what the application waits for", () => {
    const status = (events: ApplicationEvent[], voided = false) =>
      ledgerStatus(computeDeadlines({ receivedOn: RECEIVED, events, calendar }), voided);
    expect(status([])).toBe("open");
    expect(status([{ type: "correction_notice_sent", date: "2026-09-17", correctBy: "2026-09-30" }])).toBe("awaiting_correction");
    expect(status([{ type: "consultation_sent", date: "2026-09-17", consultationId: "1", party: "third_party" }])).toBe("consulting");
    expect(status([{ type: "fee_notice_sent", date: "2026-09-17", amountYuan: 100 }])).toBe("awaiting_fee");
    expect(status([{ type: "extension_requested", date: "2026-10-12" }, { type: "extension_approved", date: "2026-10-12", notifiedOn: "2026-10-12" }])).toBe("extended");
    expect(status([{ type: "replied", date: "2026-10-09", outcome: "partial", delivery: "post" }])).toBe("concluded");
    expect(status([], true)).toBe("voided");
  });
});
