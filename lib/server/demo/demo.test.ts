import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agencies, applicationEvents, applications, auditLog, reportVersions, reviewCases, users } from "@/db/schema";
import { todayInChina } from "@/lib/calendar";
import { checkIdentityNumber, type ApplicantType } from "@/lib/identity";
import { runChecks } from "@/lib/report/checks";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { annualReportSchema, type AnnualReport } from "@/lib/report/schema";
import { getApplication, listApplications, workbenchCounts } from "../ledger";
import { getReportWorkspace } from "../reports";
import { signInWithPassword } from "../sign-in";
import { ensureDemoData, type DemoCredentials } from "../system";
import { seedDemoData } from ".";
import { asSession, asSystem, databaseFingerprint, enrolSecondFactor } from "../testing/callers";

let credentials: DemoCredentials;
let seconds = 0;

async function signIn(username: string): Promise<string> {
  const password = credentials.find((account) => account.username === username)?.password;
  const result = await signInWithPassword({ username, password });
  if (!result.ok) throw new Error(`${username} cannot sign in`);
  return result.sessionId;
}

function publishedReports(agencyCode: string): AnnualReport[] {
  return db()
    .select({ snapshot: reportVersions.snapshot })
    .from(reportVersions)
    .innerJoin(agencies, eq(agencies.id, reportVersions.agencyId))
    .where(eq(agencies.code, agencyCode))
    .orderBy(asc(reportVersions.year), asc(reportVersions.version))
    .all()
    .map((row) => annualReportSchema.parse(JSON.parse(row.snapshot)));
}

describe("the demo data", () => {
  beforeAll(async () => {
    const started = performance.now();
    const created = await asSystem(ensureDemoData);
    seconds = (performance.now() - started) / 1000;
    if (!created) throw new Error("the demo was not created on an empty database");
    credentials = created;
  }, 120_000);

  it("creates the two agencies and an account per role plus the department's clerk, who sign in with the printed passwords", async () => {
    console.info(`ensureDemoData took ${seconds.toFixed(2)} s`);
    expect(credentials.map((account) => [account.username, account.role, account.agency])).toEqual([
      ["admin", "admin", null],
      ["clerk", "clerk", "晋城市城区人民政府办公室"],
      ["reviewer", "reviewer", "晋城市城区人民政府办公室"],
      ["auditor", "auditor", null],
      ["edu-clerk", "clerk", "晋城市城区教育局"],
    ]);
    for (const account of credentials) expect((await signInWithPassword({ username: account.username, password: account.password })).ok).toBe(true);
    const department = db().select().from(agencies).where(eq(agencies.code, "jccq-edu")).get();
    const parent = db().select().from(agencies).where(eq(agencies.code, "jccq")).get();
    expect(department?.parentId).toBe(parent?.id);
    expect(db().select().from(users).where(eq(users.mustChangePassword, true)).all()).toEqual([]);
  });

  it("writes the ledger as the demo clerk and reviewer, whose sessions it closes again", () => {
    const actors = db().all<{ actor: string; n: number }>(sql`select actor_name as actor, count(*) as n from audit_log where action like 'application.%' group by actor_name`);
    expect(actors.map((row) => row.actor).sort()).toEqual(["clerk", "edu-clerk", "reviewer"]);
    const open = db().all<{ n: number }>(sql`select count(*) as n from sessions where ended_at is null`)[0]?.n;
    // Only the sessions this test file opened itself are still open.
    expect(open).toBeLessThanOrEqual(credentials.length);
    expect(db().select().from(auditLog).where(eq(auditLog.action, "auth.sign_out")).all().length).toBeGreaterThanOrEqual(3);
  });

  it("reproduces the corrected 2022 report of 晋城市城区人民政府办公室", () => {
    const [first] = publishedReports("jccq");
    expect(first?.year).toBe(2022);
    expect(first?.applications).toEqual(seed.corrected.applications);
    expect(first?.fees).toEqual(seed.corrected.fees);
    expect(first?.proactive).toEqual(seed.corrected.proactive);
    expect(first?.reviews).toEqual(seed.corrected.reviews);
  });

  it("publishes 2022 to last year, each passing every error check against the year before; this year stays a draft", async () => {
    const thisYear = Number(todayInChina().slice(0, 4));
    const reports = publishedReports("jccq");
    expect(reports.map((report) => report.year)).toEqual(Array.from({ length: thisYear - 2022 }, (_, i) => 2022 + i));
    for (const [index, report] of reports.entries()) {
      const failing = runChecks(report, reports[index - 1] ?? null).filter((check) => !check.ok);
      expect(failing, `${report.year}`).toEqual([]);
      expect((report.checks ?? []).filter((check) => !check.ok), `${report.year} as stored`).toEqual([]);
      if (index > 0) expect(report.applications.carriedOver).toEqual(reports[index - 1]?.applications.carriedForward);
      expect(report.sections.overview).toContain("（五）监督保障");
    }
    const clerk = await signIn("clerk");
    const draft = await asSession(clerk, () => getReportWorkspace({ year: thisYear }));
    expect(draft.versions).toEqual([]);
    expect(draft.workflow).toBe("draft");
    expect(draft.proactiveEntered).toBe(true);
    expect(draft.blockingChecks).toBe(0);
  });

  it("has a history with every applicant type, most outcomes and every kind of event", () => {
    const jccq = db().select().from(agencies).where(eq(agencies.code, "jccq")).get();
    const rows = db().select().from(applications).where(eq(applications.agencyId, jccq?.id ?? 0)).all();
    expect(rows.length).toBeGreaterThan(250);
    for (let year = 2023; year < Number(todayInChina().slice(0, 4)); year++) {
      const types = new Set(rows.filter((row) => row.receiptYear === year).map((row) => row.applicantType));
      expect(types.size, `${year}`).toBe(6);
    }
    expect(new Set(rows.map((row) => row.outcome).filter(Boolean)).size).toBeGreaterThanOrEqual(16);
    expect(rows.filter((row) => row.status === "voided")).toHaveLength(1);
    const events = db().select({ type: applicationEvents.type, corrects: applicationEvents.correctsEventId, reason: applicationEvents.correctionReason }).from(applicationEvents).all();
    expect(new Set(events.map((event) => event.type)).size).toBe(12);
    const corrections = events.filter((event) => event.corrects !== null);
    expect(corrections.length).toBeGreaterThanOrEqual(2);
    for (const correction of corrections) expect(correction.reason).toBeTruthy();
    expect(db().select().from(reviewCases).all().length).toBeGreaterThanOrEqual(5);
    const paid = db().all<{ n: number }>(sql`select count(*) as n from application_events where type = 'fee_notice_sent' and json_extract(details, '$.method') = 'per_application' and json_extract(details, '$.amountYuan') > 0`)[0]?.n;
    expect(paid).toBeGreaterThan(0);
  });

  it("gives every applicant a valid ID number or credit code and a 1380000 phone", () => {
    for (const row of db().select().from(applications).all()) {
      expect(row.idNumber && checkIdentityNumber(row.idNumber, row.applicantType as ApplicantType).ok, row.idNumber ?? "").toBe(true);
      expect(row.phone).toMatch(/^1380000\d{4}$/);
      if (row.applicantType === "natural_person") expect(row.applicantName).toMatch(/^.某.$/u);
    }
  });

  it("dates nothing after today", () => {
    const today = todayInChina();
    const latest = (query: ReturnType<typeof sql>) => db().all<{ d: string | null }>(query)[0]?.d ?? "";
    expect(latest(sql`select max(occurred_on) as d from application_events`) <= today).toBe(true);
    expect(latest(sql`select max(max(received_on, arrived_on)) as d from applications`) <= today).toBe(true);
    expect(latest(sql`select max(coalesce(json_extract(details, '$.notifiedOn'), json_extract(details, '$.deliveredOn'), '')) as d from application_events`) <= today).toBe(true);
    expect(latest(sql`select max(coalesce(concluded_on, filed_on)) as d from review_cases`) <= today).toBe(true);
  });

  it("gives the 工作台 something in every card", async () => {
    const clerk = await signIn("clerk");
    const counts = await asSession(clerk, workbenchCounts);
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.dueSoon).toBeGreaterThan(0);
    expect(counts.awaitingCorrection).toBe(1);
    expect(counts.consulting).toBe(1);
    expect(counts.extensionPending).toBe(1);
  });

  it("shows the department's clerk only the department's applications", async () => {
    const departmentClerk = await signIn("edu-clerk");
    const page = await asSession(departmentClerk, () => listApplications({}));
    const department = db().select().from(agencies).where(eq(agencies.code, "jccq-edu")).get();
    const own = db().select().from(applications).where(eq(applications.agencyId, department?.id ?? 0)).all();
    expect(own.length).toBeGreaterThanOrEqual(24);
    expect(page.total).toBe(own.length);
    const jccq = db().select().from(agencies).where(eq(agencies.code, "jccq")).get();
    const theirs = db().select().from(applications).where(and(eq(applications.agencyId, jccq?.id ?? 0))).limit(3).all();
    for (const application of theirs) {
      await expect(asSession(departmentClerk, () => getApplication(application.id))).rejects.toMatchObject({ reason: "not_found" });
    }
  });

  it("does nothing on a database that is not empty", async () => {
    const before = databaseFingerprint();
    expect(await asSystem(ensureDemoData)).toBeNull();
    expect(await asSystem(seedDemoData)).toBeNull();
    expect(databaseFingerprint()).toBe(before);
  });

  it("is for the system only: even the administrator cannot seed it", async () => {
    const admin = await signIn("admin");
    await asSession(admin, enrolSecondFactor); // the admin's full powers come with the second factor
    await expect(asSession(admin, ensureDemoData)).rejects.toMatchObject({ reason: "forbidden" });
    await expect(asSession(admin, seedDemoData)).rejects.toMatchObject({ reason: "forbidden" });
  });
});
