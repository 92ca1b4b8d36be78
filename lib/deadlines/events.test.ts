import { describe, expect, it } from "vitest";
import { applicationEventSchema, REPLY_OUTCOME_CODES, type ApplicationEvent } from "./events";

const valid: ApplicationEvent[] = [
  { type: "correction_notice_sent", date: "2024-03-01", correctBy: "2024-03-15" },
  { type: "correction_received", date: "2024-03-10" },
  { type: "correction_abandoned", date: "2024-03-20" },
  { type: "consultation_sent", date: "2024-03-11", consultationId: "c1", party: "third_party" },
  { type: "consultation_answered", date: "2024-03-20", consultationId: "c1" },
  { type: "extension_requested", date: "2024-03-25" },
  { type: "extension_approved", date: "2024-03-26", notifiedOn: "2024-03-27" },
  { type: "fee_notice_sent", date: "2024-03-12", amountYuan: 1700, deliveredOn: "2024-03-14" },
  { type: "fee_notice_sent", date: "2024-03-12", amountYuan: 0 },
  { type: "fee_paid", date: "2024-03-18" },
  { type: "fee_abandoned", date: "2024-04-18" },
  { type: "reasons_requested", date: "2024-03-05", laterReplyBy: "2024-06-30" },
  { type: "replied", date: "2024-04-01", outcome: "withheld.third_party", delivery: "post" },
];

describe("applicationEventSchema", () => {
  it.each(valid.map((e) => [e.type, e] as const))("accepts a well-formed %s", (_, event) => {
    expect(applicationEventSchema.parse(event)).toEqual(event);
  });

  it.each([
    ["an unknown type", { type: "lost", date: "2024-03-01" }],
    ["an impossible date", { type: "fee_paid", date: "2024-02-30" }],
    ["an empty consultation id", { type: "consultation_answered", date: "2024-03-20", consultationId: " " }],
    ["an unknown party", { type: "consultation_sent", date: "2024-03-11", consultationId: "c1", party: "court" }],
    ["a negative fee", { type: "fee_notice_sent", date: "2024-03-12", amountYuan: -1 }],
    ["an outcome not in table 三", { type: "replied", date: "2024-04-01", outcome: "withheld", delivery: "post" }],
    ["a missing notified date", { type: "extension_approved", date: "2024-03-26" }],
  ])("rejects %s", (_, event) => {
    expect(applicationEventSchema.safeParse(event).success).toBe(false);
  });

  it("knows the 21 outcome codes of table 三", () => {
    expect(REPLY_OUTCOME_CODES).toHaveLength(21);
    expect(new Set(REPLY_OUTCOME_CODES).size).toBe(21);
  });
});
