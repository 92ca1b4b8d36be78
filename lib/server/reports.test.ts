import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OUTCOME_CODES, APPLICANT_TYPES } from "@/lib/report/labels";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { recordEvent, registerApplication } from "./ledger";
import { generateAnnualReport } from "./reports";
import { asSession, signedInUser } from "./testing/callers";

type Entry = { receivedOn: string; applicantType: string; concluded?: { on: string; outcome: string } };

async function ledger(sessionId: string, entries: Entry[]): Promise<void> {
  await asSession(sessionId, async () => {
    for (const entry of entries) {
      const { id } = await registerApplication({
        channel: "in_person",
        arrivedOn: entry.receivedOn,
        applicantType: entry.applicantType,
        applicantName: entry.applicantType === "natural_person" ? "张某" : "某单位",
        description: "某项政府信息",
        formWanted: "paper",
      });
      if (entry.concluded) await recordEvent(id, { type: "replied", date: entry.concluded.on, outcome: entry.concluded.outcome, delivery: "post" });
    }
  });
}

describe("the annual report from the ledger", () => {
  let jccq: Awaited<ReturnType<typeof signedInUser>>;
  beforeAll(async () => {
    jccq = await signedInUser("clerk", { agencyCode: "golden" });
  });

  it("reproduces the corrected 2022 report of 晋城市城区 from eight applications", async () => {
    const person = "natural_person";
    await ledger(jccq.sessionId, [
      // Received in 2021, concluded in 2022: 上年结转 2.
      { receivedOn: "2021-12-20", applicantType: person, concluded: { on: "2022-01-10", outcome: "partial" } },
      { receivedOn: "2021-12-27", applicantType: person, concluded: { on: "2022-01-17", outcome: "unavailable.not_held" } },
      // Received in 2022: 本年新收 6.
      { receivedOn: "2022-03-01", applicantType: person, concluded: { on: "2022-03-20", outcome: "partial" } },
      { receivedOn: "2022-04-11", applicantType: person, concluded: { on: "2022-05-06", outcome: "unavailable.not_held" } },
      { receivedOn: "2022-06-06", applicantType: person, concluded: { on: "2022-06-24", outcome: "unavailable.not_held" } },
      { receivedOn: "2022-08-15", applicantType: person, concluded: { on: "2022-09-02", outcome: "unavailable.not_held" } },
      { receivedOn: "2022-10-10", applicantType: person, concluded: { on: "2022-10-28", outcome: "unavailable.not_held" } },
      { receivedOn: "2022-12-01", applicantType: person, concluded: { on: "2022-12-20", outcome: "unavailable.not_held" } },
    ]);
    const report = await asSession(jccq.sessionId, () => generateAnnualReport({ year: 2022 }));
    expect(report.applications).toEqual(seed.corrected.applications);
    expect(report.fees).toEqual(seed.corrected.fees);
    const failures = (report.checks ?? []).filter((check) => !check.ok && check.severity === "error");
    expect(failures).toEqual([]);
  });

  it("is for the agency's own staff", async () => {
    const admin = await signedInUser("admin");
    await expect(asSession(admin.sessionId, () => generateAnnualReport({ year: 2022 }))).rejects.toMatchObject({ reason: "forbidden" });
  });

  it("passes every arithmetic check for any ledger", async () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((offset) => new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const entry = fc.record({
      receivedOn: day,
      applicantType: fc.constantFrom(...APPLICANT_TYPES.map((type) => type.code)),
      closeAfter: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
      outcome: fc.constantFrom(...OUTCOME_CODES.filter((code) => code !== "other.no_correction" && code !== "other.unpaid_fee")),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 12 }), fc.constantFrom(2021, 2022, 2023), async (entries, year) => {
        run += 1;
        const clerk = await signedInUser("clerk", { agencyCode: `random-${run}` });
        await ledger(
          clerk.sessionId,
          entries.map((e) => {
            const closedOn = e.closeAfter === undefined ? undefined : new Date(Date.parse(e.receivedOn) + e.closeAfter * 86_400_000).toISOString().slice(0, 10);
            return { receivedOn: e.receivedOn, applicantType: e.applicantType, concluded: closedOn ? { on: closedOn, outcome: e.outcome } : undefined };
          }),
        );
        const report = await asSession(clerk.sessionId, () => generateAnnualReport({ year }));
        const failed = (report.checks ?? []).filter((check) => !check.ok);
        expect(failed).toEqual([]);
        const total = (row: number[]) => row[row.length - 1] ?? 0;
        const inScope = entries.filter((e) => e.receivedOn <= `${year}-12-31`);
        expect(total(report.applications.received)).toBe(inScope.filter((e) => e.receivedOn >= `${year}-01-01`).length);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
