import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { todayInChina } from "@/lib/calendar";
import { runChecks } from "@/lib/report/checks";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { annualReportSchema } from "@/lib/report/schema";
import { workbenchCounts } from "../ledger";
import { signInWithPassword } from "../sign-in";
import { ensureDemoData } from "../system";
import { asSession, asSystem } from "../testing/callers";

/**
 * The demo is built relative to the day it runs. Run on the first Monday of a year (2026-01-05,
 * 10:00 in China), the last year's report is still publishable, the applications running today were
 * received in December and are carried forward, and nothing lies in the future.
 */
describe("the demo data on the first working day of a year", () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-01-05T02:00:00Z"));
  afterAll(() => {
    vi.useRealTimers();
  });

  it("is consistent with a today of 2026-01-05", async () => {
    expect(todayInChina()).toBe("2026-01-05");
    const credentials = await asSystem(ensureDemoData);
    if (!credentials) throw new Error("no demo");

    const reports = db()
      .all<{ snapshot: string }>(sql`select snapshot from report_versions order by year, version`)
      .map((row) => annualReportSchema.parse(JSON.parse(row.snapshot)));
    expect(reports.map((report) => report.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(reports[0]?.applications).toEqual(seed.corrected.applications);
    for (const [index, report] of reports.entries()) expect(runChecks(report, reports[index - 1] ?? null).filter((check) => !check.ok), `${report.year}`).toEqual([]);
    expect(reports[3]?.applications.carriedForward.at(-1)).toBeGreaterThanOrEqual(10);

    const latest = db().all<{ d: string }>(sql`select max(occurred_on) as d from application_events`)[0]?.d ?? "";
    expect(latest <= "2026-01-05").toBe(true);
    const received = db().all<{ d: string }>(sql`select max(received_on) as d from applications`)[0]?.d ?? "";
    expect(received <= "2026-01-05").toBe(true);

    const password = credentials.find((account) => account.username === "clerk")?.password;
    const signedIn = await signInWithPassword({ username: "clerk", password });
    if (!signedIn.ok) throw new Error("clerk cannot sign in");
    const counts = await asSession(signedIn.sessionId, workbenchCounts);
    expect([counts.overdue, counts.dueSoon, counts.awaitingCorrection, counts.consulting, counts.extensionPending].every((n) => n > 0)).toBe(true);
  }, 120_000);
});
