import { describe, expect, it } from "vitest";
import { effectiveEvents, eventInputSchema, type StoredEvent } from "./event-input";

function row(id: number, fields: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    type: "consultation_sent",
    occurredOn: "2026-03-02",
    details: {},
    correctsEventId: null,
    withdrawn: false,
    correctionReason: null,
    recordedAt: "2026-03-02T01:00:00Z",
    recordedBy: 1,
    ...fields,
  };
}

describe("events in force", () => {
  it("follow a chain of corrections to its latest row, under the first row's id", () => {
    const rows = [row(1), row(2, { correctsEventId: 1, occurredOn: "2026-03-03" }), row(3, { correctsEventId: 2, occurredOn: "2026-03-04" })];
    expect(effectiveEvents(rows).map((event) => [event.rootId, event.id, event.occurredOn])).toEqual([[1, 3, "2026-03-04"]]);
  });

  it("drop a withdrawn chain and keep the others in date order", () => {
    const rows = [
      row(1, { occurredOn: "2026-03-05" }),
      row(2, { type: "correction_notice_sent", occurredOn: "2026-03-01" }),
      row(3, { correctsEventId: 1, withdrawn: true }),
    ];
    expect(effectiveEvents(rows).map((event) => event.id)).toEqual([2]);
  });
});

describe("event forms", () => {
  it("parse a fee notice by method", () => {
    expect(eventInputSchema.parse({ type: "fee_notice_sent", method: "per_page", date: "2026-03-02", pages: "150" })).toMatchObject({ pages: 150 });
    expect(eventInputSchema.safeParse({ type: "fee_notice_sent", method: "per_page", date: "2026-03-02", pages: "0" }).success).toBe(false);
  });

  it("refuse a reply without an outcome, in Chinese", () => {
    const result = eventInputSchema.safeParse({ type: "replied", date: "2026-03-02", delivery: "post" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["outcome"], message: "请选择办理结果" });
  });
});
