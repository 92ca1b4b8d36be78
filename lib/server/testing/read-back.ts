import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { agencies, applicationEvents, applications, auditLog, calendarDays, calendarYears, ledgerImports, reportDrafts, reportVersions, reviewCases, users } from "@/db/schema";
import { createUserSchema } from "@/lib/accounts/schemas";
import { createAgencySchema } from "@/lib/agencies/schemas";
import { todayInChina } from "@/lib/calendar";
import { calendarDaySchema, calendarYearSchema } from "@/lib/calendar-admin/schemas";
import { registrationSchema } from "@/lib/ledger/registration";
import { readLedgerFile } from "@/lib/ledger-io/read-ledger-file";
import { bufferSource } from "@/lib/ledger-io/source";
import { unzip } from "@/lib/report/fixtures/unzip";
import { annualReportSchema } from "@/lib/report/schema";
import { reviewCaseSchema } from "@/lib/report-workflow/review-case";
import { sectionsSchema } from "@/lib/report-workflow/workflow";
import { getApplication, listApplications } from "../ledger";
import { exportApplications } from "../ledger-export";
import { getLedgerImport } from "../ledger-import";
import { getPublishedReport } from "../public-reports";
import { downloadReportDraft, getReportWorkspace } from "../reports";
import { getReviewCase } from "../review-cases";
import { asSession, openSession } from "./callers";

/**
 * Reads back every row the fuzzed actions left in the database, through the schemas that let it in and through
 * the pages' own read paths (the application page, the list, the exports and their re-import, the report
 * workspace and its downloads, the public report, the import preview). Returns one line per row that would not
 * read back; an empty list is the pass.
 */

/** Characters XML 1.0 cannot hold at all: a DOCX or XLSX containing one does not open. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error));

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ");
}

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.pipe(new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) })).on("finish", resolve).on("error", reject);
    stream.on("error", reject);
  });
  return Buffer.concat(chunks);
}

/** A reviewer of the agency, inserted directly (the agency may have been deactivated by the fuzzing). */
function readerOf(agencyId: number): string {
  const now = new Date().toISOString();
  const user = db()
    .insert(users)
    .values({ username: `readback${agencyId}x${Date.now()}`, displayName: "回读", role: "reviewer", agencyId, passwordHash: "none", mustChangePassword: false, createdAt: now, updatedAt: now })
    .returning({ id: users.id })
    .get();
  return openSession(user.id);
}

export async function readBackProblems(): Promise<string[]> {
  const problems: string[] = [];
  const today = todayInChina();
  const agencyRows = db().select().from(agencies).all();
  const codeOf = new Map(agencyRows.map((agency) => [agency.id, agency.code]));

  for (const agency of agencyRows) {
    const parent = agency.parentId === null ? "" : (codeOf.get(agency.parentId) ?? "?");
    const parsed = createAgencySchema.safeParse({ code: agency.code, name: agency.name, parentCode: parent });
    if (!parsed.success) problems.push(`agency ${agency.id}: ${issuesOf(parsed)}`);
  }
  for (const user of db().select().from(users).all()) {
    const parsed = createUserSchema.safeParse({ username: user.username, displayName: user.displayName, role: user.role, agencyCode: user.agencyId === null ? "" : codeOf.get(user.agencyId) });
    if (!parsed.success) problems.push(`user ${user.id}: ${issuesOf(parsed)}`);
  }
  for (const day of db().select().from(calendarDays).all()) {
    const parsed = calendarDaySchema.safeParse(day);
    if (!parsed.success) problems.push(`calendar day ${day.date}: ${issuesOf(parsed)}`);
  }
  for (const year of db().select().from(calendarYears).all()) {
    const parsed = calendarYearSchema.safeParse({ year: String(year.year), published: "true", source: year.source });
    if (!parsed.success) problems.push(`calendar year ${year.year}: ${issuesOf(parsed)}`);
  }
  for (const entry of db().select().from(auditLog).all()) {
    for (const [column, text] of [["before", entry.before], ["after", entry.after]] as const) {
      if (text === null) continue;
      try {
        JSON.parse(text);
      } catch {
        problems.push(`audit ${entry.id}: ${column} is not JSON`);
      }
    }
  }

  const schema = registrationSchema(today);
  const staffAgencies = new Set<number>();
  for (const row of db().select().from(applications).all()) {
    staffAgencies.add(row.agencyId);
    const parsed = schema.safeParse({
      channel: row.channel,
      arrivedOn: row.arrivedOn,
      receivedOn: row.receivedOn,
      receivedOnReason: row.receivedOnReason ?? "",
      applicantType: row.applicantType,
      applicantName: row.applicantName,
      idNumber: row.idNumber ?? "",
      phone: row.phone ?? "",
      address: row.address ?? "",
      agentName: row.agentName ?? "",
      agentPhone: row.agentPhone ?? "",
      description: row.description,
      formWanted: row.formWanted,
      notes: row.notes ?? "",
    });
    if (!parsed.success) problems.push(`application ${row.id}: ${issuesOf(parsed)}`);
  }
  for (const event of db().select().from(applicationEvents).all()) {
    try {
      const details: unknown = JSON.parse(event.details);
      if (details === null || typeof details !== "object" || Array.isArray(details)) problems.push(`event ${event.id}: details are not an object`);
    } catch {
      problems.push(`event ${event.id}: details are not JSON`);
    }
  }
  const trackingOf = new Map(db().select({ id: applications.id, trackingNumber: applications.trackingNumber }).from(applications).all().map((row) => [row.id, row.trackingNumber]));
  for (const row of db().select().from(reviewCases).all()) {
    staffAgencies.add(row.agencyId);
    const parsed = reviewCaseSchema(today).safeParse({
      kind: row.kind,
      trackingNumber: row.applicationId === null ? "" : (trackingOf.get(row.applicationId) ?? "missing"),
      reference: row.reference ?? "",
      filedOn: row.filedOn,
      result: row.result ?? "",
      concludedOn: row.concludedOn ?? "",
      notes: row.notes ?? "",
    });
    if (!parsed.success) problems.push(`review case ${row.id}: ${issuesOf(parsed)}`);
  }
  for (const row of db().select().from(reportDrafts).all()) staffAgencies.add(row.agencyId);
  for (const row of db().select().from(ledgerImports).all()) staffAgencies.add(row.agencyId);
  const publicPages = new Set<string>();
  for (const row of db().select().from(reportVersions).all()) {
    try {
      annualReportSchema.parse(JSON.parse(row.snapshot));
    } catch (error) {
      problems.push(`report version ${row.id}: ${describe(error)}`);
    }
    publicPages.add(`${row.agencyId}/${row.year}`);
  }
  // The public page of each year (its latest version; every version's snapshot was parsed above, as that page parses it).
  for (const page of publicPages) {
    const [agencyId, year] = page.split("/");
    const published = await getPublishedReport({ agencyCode: codeOf.get(Number(agencyId)), year }).catch((error: unknown) => problems.push(`public report ${page}: ${describe(error)}`));
    if (published === null) problems.push(`public report ${page}: not found by the public page`);
  }

  // Through the pages' read paths, as a reviewer of each agency that holds staff data.
  for (const agencyId of staffAgencies) {
    const session = readerOf(agencyId);
    await asSession(session, async () => {
      for (const row of db().select({ id: applications.id }).from(applications).where(eq(applications.agencyId, agencyId)).all()) {
        await getApplication(String(row.id)).catch((error: unknown) => problems.push(`application ${row.id} page: ${describe(error)}`));
      }
      await listApplications({}).catch((error: unknown) => problems.push(`ledger list of agency ${agencyId}: ${describe(error)}`));
      for (const format of ["csv", "xlsx", "json"] as const) {
        try {
          const download = await exportApplications({}, format);
          const bytes = await drain(download.stream);
          if (format === "xlsx") {
            for (const [part, content] of unzip(bytes)) if (NOT_XML.test(content.toString("utf8"))) problems.push(`ledger export ${part} of agency ${agencyId}: a character XML cannot hold`);
          }
          if (format === "json") JSON.parse(bytes.toString("utf8"));
          else {
            const read = await readLedgerFile(bufferSource(`export.${format}`, bytes), { today });
            for (const issue of read.issues) problems.push(`ledger export (${format}) of agency ${agencyId} does not import again: row ${issue.row} ${issue.column}: ${issue.message}`);
          }
        } catch (error) {
          problems.push(`ledger export (${format}) of agency ${agencyId}: ${describe(error)}`);
        }
      }
      for (const row of db().select({ id: reviewCases.id }).from(reviewCases).where(eq(reviewCases.agencyId, agencyId)).all()) {
        await getReviewCase(String(row.id)).catch((error: unknown) => problems.push(`review case ${row.id} page: ${describe(error)}`));
      }
      for (const row of db().select().from(reportDrafts).where(eq(reportDrafts.agencyId, agencyId)).all()) {
        try {
          const workspace = await getReportWorkspace({ year: String(row.year) });
          const sections = sectionsSchema().safeParse({ year: String(row.year), ...workspace.report.sections });
          if (!sections.success) problems.push(`report draft ${row.id}: ${issuesOf(sections)}`);
          for (const format of ["json", "csv", "docx"] as const) {
            const download = await downloadReportDraft({ year: String(row.year), format });
            if (typeof download.body !== "string") {
              for (const [part, content] of unzip(Buffer.from(download.body))) if (NOT_XML.test(content.toString("utf8"))) problems.push(`report draft ${row.id} docx ${part}: a character XML cannot hold`);
            }
          }
        } catch (error) {
          problems.push(`report draft ${row.id}: ${describe(error)}`);
        }
      }
    });
  }
  for (const row of db().select().from(ledgerImports).all()) {
    // A check or write that threw something unexpected ends as "failed" with the generic message: a 500 in the background.
    if (row.state === "failed" && (row.result ?? "").includes("处理文件时出错")) problems.push(`ledger import ${row.id}: its background work failed unexpectedly`);
    await asSession(openSession(row.userId), () => getLedgerImport(row.id)).catch((error: unknown) => problems.push(`ledger import ${row.id} page: ${describe(error)}`));
  }
  return problems;
}
