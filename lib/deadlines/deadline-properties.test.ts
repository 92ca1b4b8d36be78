import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, createWorkingCalendar, officialCalendarData, type IsoDate } from "../calendar";
import { computeDeadlines } from "./compute-deadlines";
import type { ApplicationEvent } from "./events";

const calendar = createWorkingCalendar(officialCalendarData());

// Receipts from 2019 into 2027, so provisional (statutory-only) years are exercised too.
const receipt = fc.integer({ min: 0, max: 3100 }).map((n) => addDays("2019-01-01", n));

interface Scenario {
  receivedOn: IsoDate;
  events: ApplicationEvent[];
}

const consultation = (id: string) =>
  fc.record({
    sentAfter: fc.integer({ min: 0, max: 45 }),
    answeredAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    party: fc.constantFrom("third_party" as const, "agency" as const),
    id: fc.constant(id),
  });

const fee = fc.record({
  sentAfter: fc.integer({ min: 0, max: 45 }),
  deliveredAfter: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  paidAfter: fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
});

const correction = fc.record({
  noticeAfter: fc.integer({ min: 0, max: 10 }),
  receivedAfter: fc.integer({ min: 1, max: 30 }),
});

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    receivedOn: receipt,
    correction: fc.option(correction, { nil: undefined }),
    consultations: fc.tuple(consultation("c1"), consultation("c2"), consultation("c3")).chain((all) =>
      fc.integer({ min: 0, max: 3 }).map((n) => all.slice(0, n)),
    ),
    fee: fc.option(fee, { nil: undefined }),
  })
  .map(({ receivedOn, correction: fix, consultations, fee: charge }) => {
    const events: ApplicationEvent[] = [];
    if (fix) {
      const noticeOn = addDays(receivedOn, fix.noticeAfter);
      events.push(
        { type: "correction_notice_sent", date: noticeOn, correctBy: addDays(noticeOn, 15) },
        { type: "correction_received", date: addDays(noticeOn, fix.receivedAfter) },
      );
    }
    for (const c of consultations) {
      const sentOn = addDays(receivedOn, c.sentAfter);
      events.push({ type: "consultation_sent", date: sentOn, consultationId: c.id, party: c.party });
      if (c.answeredAfter !== undefined) {
        events.push({ type: "consultation_answered", date: addDays(sentOn, c.answeredAfter), consultationId: c.id });
      }
    }
    if (charge) {
      const sentOn = addDays(receivedOn, charge.sentAfter);
      events.push({
        type: "fee_notice_sent",
        date: sentOn,
        amountYuan: 100,
        ...(charge.deliveredAfter === undefined ? {} : { deliveredOn: addDays(sentOn, charge.deliveredAfter) }),
      });
      if (charge.paidAfter !== undefined) events.push({ type: "fee_paid", date: addDays(sentOn, charge.paidAfter) });
    }
    return { receivedOn, events };
  });

const compute = (s: Scenario) => computeDeadlines({ ...s, calendar });

/**
 * The documented pause rule, re-derived from the events: working days after the letter/notice
 * went out, through the answer/payment, capped at the 15/20-working-day limits.
 */
function pausedDays(events: readonly ApplicationEvent[], after: IsoDate, through: IsoDate): Set<IsoDate> {
  const intervals: [IsoDate, IsoDate][] = [];
  for (const e of events) {
    if (e.type === "consultation_sent") {
      const limit = calendar.addWorkingDays(e.date, 15).date;
      const answer = events.find((a) => a.type === "consultation_answered" && a.consultationId === e.consultationId);
      intervals.push([e.date, answer && answer.date < limit ? answer.date : limit]);
    }
    if (e.type === "fee_notice_sent") {
      const limit = calendar.addWorkingDays(e.deliveredOn ?? e.date, 20).date;
      const paid = events.find((p) => p.type === "fee_paid");
      intervals.push([e.date, paid && paid.date < limit ? paid.date : limit]);
    }
  }
  const days = new Set<IsoDate>();
  for (const [start, end] of intervals) {
    for (let d = addDays(start > after ? start : after, 1); d <= end && d <= through; d = addDays(d, 1)) {
      if (calendar.isWorkingDay(d)) days.add(d);
    }
  }
  return days;
}

describe("deadline properties", () => {
  it("every computed deadline falls on a working day", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const report = compute(s);
        const dates = [
          report.correction.noticeBy.date,
          report.reply?.original.date,
          report.reply?.final.date,
          ...report.consultations.map((c) => c.answerBy.date),
          report.fee?.payBy.date,
        ].filter((d): d is string => d !== undefined);
        for (const date of dates) expect(calendar.isWorkingDay(date)).toBe(true);
      }),
    );
  });

  it("the reply deadline is the 20th working day after the clock start that is not paused", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const reply = compute(s).reply;
        if (!reply) return;
        const paused = pausedDays(s.events, reply.clockStart, reply.original.date);
        expect(paused.has(reply.original.date)).toBe(false);
        expect(calendar.countWorkingDays(reply.clockStart, reply.original.date) - paused.size).toBe(20);
        expect(reply.pausedWorkingDays).toBe(paused.size);
      }),
    );
  });

  it("adding a pause never moves the reply deadline earlier", () => {
    fc.assert(
      fc.property(scenario, consultation("extra"), fee, (s, extra, charge) => {
        const before = compute(s).reply;
        if (!before) return;
        const sentOn = addDays(s.receivedOn, extra.sentAfter);
        const withConsultation: ApplicationEvent[] = [
          ...s.events,
          { type: "consultation_sent", date: sentOn, consultationId: "extra", party: extra.party },
          ...(extra.answeredAfter === undefined
            ? []
            : [{ type: "consultation_answered" as const, date: addDays(sentOn, extra.answeredAfter), consultationId: "extra" }]),
        ];
        const after = compute({ ...s, events: withConsultation }).reply;
        expect(after && after.original.date >= before.original.date).toBe(true);

        if (s.events.some((e) => e.type === "fee_notice_sent")) return;
        const withFee: ApplicationEvent[] = [
          ...s.events,
          { type: "fee_notice_sent", date: addDays(s.receivedOn, charge.sentAfter), amountYuan: 100 },
        ];
        const afterFee = compute({ ...s, events: withFee }).reply;
        expect(afterFee && afterFee.original.date >= before.original.date).toBe(true);
      }),
    );
  });

  it("an extension adds exactly 20 unpaused working days after the unextended deadline", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const unextended = compute(s).reply;
        if (!unextended) return;
        const approval: ApplicationEvent = {
          type: "extension_approved",
          date: unextended.original.date,
          notifiedOn: unextended.original.date,
        };
        const reply = compute({ ...s, events: [...s.events, approval] }).reply;
        const extended = reply?.extension?.deadline.date;
        expect(reply?.original.date).toBe(unextended.original.date);
        expect(extended).toBeDefined();
        if (!extended) return;
        expect(calendar.isWorkingDay(extended)).toBe(true);
        const pausedInExtension = pausedDays(s.events, unextended.original.date, extended);
        expect(calendar.countWorkingDays(unextended.original.date, extended) - pausedInExtension.size).toBe(20);
        if (pausedInExtension.size === 0) {
          expect(extended).toBe(calendar.addWorkingDays(unextended.original.date, 20).date);
        }
      }),
    );
  });
});
