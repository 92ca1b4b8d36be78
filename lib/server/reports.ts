import "server-only";
import { reportToDocx } from "@/lib/report/docx";
import { asc, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { applications, reportDrafts, reportVersions, users } from "@/db/schema";
import type { ApplicantType } from "@/lib/identity";
import { maskApplicantName } from "@/lib/masking";
import { reportToCsv } from "@/lib/report/csv";
import { reportTitle } from "@/lib/report/document-layout";
import { COLUMN_CODES, PROSE_SECTION_KEYS, type ColumnCode, type ProseSectionKey } from "@/lib/report/labels";
import { APPLICATION_ROW_PATHS, type ApplicationRowPath } from "@/lib/report/places";
import type { AnnualReport } from "@/lib/report/schema";
import { STAFF_ROLES } from "@/lib/roles";
import { reportYearField } from "@/lib/report-workflow/numbers";
import { thisYearInChina } from "@/lib/report-workflow/workflow";
import { requireActor } from "./actor";
import { agencyOfActor } from "./internal/agency-scope";
import { applicationCellCondition } from "./internal/report-figures";
import { blockingChecks, buildDraftReport, snapshotOf, versionRows, type VersionRow } from "./internal/report-draft";

/**
 * Reading the annual report of the caller's agency: the working draft (workspace), the years, the
 * applications behind a cell of table 三, and the draft as a download. Staff of the agency only; the
 * system (CLI) names the agency.
 */

export const reportRequestSchema = z.object({
  agencyCode: z.string().trim().optional(),
  year: z.coerce.number({ error: "请填写年份" }).int({ error: "年份应为整数" }).min(2008, { error: "年份不能早于 2008" }).max(2100, { error: "年份无效" }),
});

/**
 * The annual report of an agency and year as it stands now, with its checks: table 三 and the fees
 * counted from the ledger, table 四 from the review cases, table 二 and the prose from the draft.
 */
export async function generateAnnualReport(raw: unknown): Promise<AnnualReport> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const request = reportRequestSchema.parse(raw);
  const tx = db();
  const agency = agencyOfActor(tx, actor, request.agencyCode);
  return buildDraftReport(tx, agency, request.year).report;
}

export type VersionSummary = {
  version: number;
  historical: boolean;
  publishedAt: string;
  publishedBy: string | null;
  correctionNote: string | null;
  /** Failing checks stored with the snapshot (a historical report may have some). */
  failedChecks: number;
};

function versionSummaries(rows: VersionRow[]): VersionSummary[] {
  const names = userNames(rows.map((row) => row.publishedBy));
  return rows.map((row) => ({
    version: row.version,
    historical: row.historical,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy === null ? "system" : (names.get(row.publishedBy) ?? null),
    correctionNote: row.correctionNote,
    failedChecks: (snapshotOf(row).checks ?? []).filter((check) => !check.ok).length,
  }));
}

function userNames(ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = db().select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)).all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The parts of a report that publication freezes, to tell whether the draft has moved on since. */
const content = (report: AnnualReport) =>
  JSON.stringify({ proactive: report.proactive, applications: report.applications, reviews: report.reviews, fees: report.fees, sections: report.sections });

export type ReportWorkspace = {
  agency: { code: string; name: string };
  year: number;
  /** The working draft as a complete report JSON, with the checks run against last year's report. */
  report: AnnualReport;
  workflow: "draft" | "submitted";
  submittedAt: string | null;
  submittedBy: string | null;
  updatedAt: string | null;
  /** Whether staff have saved table 二; until then it shows zeros and the proposed 现行有效件数. */
  proactiveEntered: boolean;
  /** 现行有效件数 as last year's plus this year's issued less abolished, when last year's report exists. */
  proposedInForce: { regulations: number; normativeDocuments: number } | null;
  previousYear: { year: number; version: number; historical: boolean } | null;
  /** The generated sentences of each prose section, and which sections staff have rewritten. */
  generatedSections: Record<ProseSectionKey, string>;
  customSections: Record<ProseSectionKey, boolean>;
  /** Published versions of the year, newest first. */
  versions: VersionSummary[];
  /** Whether the draft differs from the latest published version. */
  changedSincePublished: boolean;
  /** Failing error-severity checks: while there are any, the report can be neither submitted nor published. */
  blockingChecks: number;
  /** The year is over: only then can the report be submitted and published. */
  yearEnded: boolean;
  canSubmit: boolean;
  canPublish: boolean;
  /** The caller's role; only a reviewer publishes. */
  role: "clerk" | "reviewer" | "system";
};

const workspaceRequest = (thisYear: number) => z.object({ year: reportYearField(thisYear), agencyCode: z.string().trim().optional() });

/** Everything the year page shows: the draft, its checks, the workflow state and the versions published. */
export async function getReportWorkspace(raw: unknown): Promise<ReportWorkspace> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const thisYear = thisYearInChina();
  const request = workspaceRequest(thisYear).parse(raw);
  const tx = db();
  const agency = agencyOfActor(tx, actor, request.agencyCode);
  const draft = buildDraftReport(tx, agency, request.year);
  const rows = versionRows(tx, agency.id, request.year);
  const latest = rows[0];
  const previous = draft.previous?.report ?? null;
  const blocking = blockingChecks(draft.report).length;
  const workflow = draft.row?.workflow ?? "draft";
  const yearEnded = request.year < thisYear;
  const role = actor.kind === "system" ? "system" : actor.role === "reviewer" ? "reviewer" : "clerk";
  const names = userNames([draft.row?.submittedBy ?? null]);
  return {
    agency: { code: agency.code, name: agency.name },
    year: request.year,
    report: draft.report,
    workflow,
    submittedAt: draft.row?.submittedAt ?? null,
    submittedBy: draft.row?.submittedBy ? (names.get(draft.row.submittedBy) ?? null) : null,
    updatedAt: draft.row?.updatedAt ?? null,
    proactiveEntered: draft.proactiveEntered,
    proposedInForce: previous
      ? {
          regulations: previous.proactive.regulations.inForce + draft.report.proactive.regulations.issued - draft.report.proactive.regulations.abolished,
          normativeDocuments:
            previous.proactive.normativeDocuments.inForce + draft.report.proactive.normativeDocuments.issued - draft.report.proactive.normativeDocuments.abolished,
        }
      : null,
    previousYear: draft.previous ? { year: draft.previous.row.year, version: draft.previous.row.version, historical: draft.previous.row.historical } : null,
    generatedSections: draft.generated,
    customSections: Object.fromEntries(PROSE_SECTION_KEYS.map((key) => [key, draft.custom[key] !== undefined])) as Record<ProseSectionKey, boolean>,
    versions: versionSummaries(rows),
    changedSincePublished: latest ? content(snapshotOf(latest)) !== content(draft.report) : false,
    blockingChecks: blocking,
    yearEnded,
    canSubmit: workflow === "draft" && blocking === 0 && yearEnded,
    canPublish: role !== "clerk" && blocking === 0 && yearEnded,
    role,
  };
}

export type ReportYear = {
  year: number;
  workflow: "draft" | "submitted" | null;
  latestVersion: { version: number; historical: boolean; publishedAt: string } | null;
};

/** This year and the earlier ones: the last five, and every year with applications, a draft or a report. */
export async function listReportYears(): Promise<{ agency: { code: string; name: string }; thisYear: number; years: ReportYear[] }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const tx = db();
  const agency = agencyOfActor(tx, actor);
  const thisYear = thisYearInChina();
  const drafts = tx.select({ year: reportDrafts.year, workflow: reportDrafts.workflow }).from(reportDrafts).where(eq(reportDrafts.agencyId, agency.id)).all();
  const versions = tx
    .select({ year: reportVersions.year, version: reportVersions.version, historical: reportVersions.historical, publishedAt: reportVersions.publishedAt })
    .from(reportVersions)
    .where(eq(reportVersions.agencyId, agency.id))
    .orderBy(asc(reportVersions.year), asc(reportVersions.version))
    .all();
  const receiptYears = tx.selectDistinct({ year: applications.receiptYear }).from(applications).where(eq(applications.agencyId, agency.id)).all();
  const years = new Set<number>();
  for (let year = thisYear; year > thisYear - 5; year -= 1) years.add(year);
  for (const row of [...drafts, ...versions, ...receiptYears]) if (row.year >= 2008 && row.year <= thisYear) years.add(row.year);
  const latest = new Map<number, ReportYear["latestVersion"]>();
  for (const row of versions) latest.set(row.year, { version: row.version, historical: row.historical, publishedAt: row.publishedAt });
  return {
    agency: { code: agency.code, name: agency.name },
    thisYear,
    years: [...years]
      .sort((a, b) => b - a)
      .map((year) => ({ year, workflow: drafts.find((row) => row.year === year)?.workflow ?? null, latestVersion: latest.get(year) ?? null })),
  };
}

const CELL_PAGE_SIZE = 50;

const cellRequest = (thisYear: number) =>
  z.object({
    year: reportYearField(thisYear),
    row: z.string().refine((value): value is ApplicationRowPath => (APPLICATION_ROW_PATHS as readonly string[]).includes(value), { error: "表三没有这一行" }),
    column: z.enum(COLUMN_CODES, { error: "表三没有这一列" }),
    page: z.coerce.number().int().min(1).catch(1).default(1),
  });

export type CellApplication = {
  id: number;
  trackingNumber: string;
  receivedOn: string;
  applicantType: string;
  applicantName: string;
  description: string;
  status: string;
  outcome: string | null;
  concludedOn: string | null;
};

export type CellListing = {
  year: number;
  row: ApplicationRowPath;
  column: ColumnCode;
  total: number;
  page: number;
  pageSize: number;
  rows: CellApplication[];
};

/**
 * The applications counted in one cell of table 三, by the very conditions that count the cell; for
 * the staff of the agency, with the applicant's name masked.
 */
export async function listApplicationsInCell(raw: unknown): Promise<CellListing> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const request = cellRequest(thisYearInChina()).parse(raw);
  const tx = db();
  const agency = agencyOfActor(tx, actor);
  const row = request.row as ApplicationRowPath;
  const where = applicationCellCondition(agency.id, request.year, row, request.column);
  const total = tx.select({ n: count() }).from(applications).where(where).get()?.n ?? 0;
  const rows = tx
    .select({
      id: applications.id,
      trackingNumber: applications.trackingNumber,
      receivedOn: applications.receivedOn,
      applicantType: applications.applicantType,
      applicantName: applications.applicantName,
      description: applications.description,
      status: applications.status,
      outcome: applications.outcome,
      concludedOn: applications.concludedOn,
    })
    .from(applications)
    .where(where)
    .orderBy(asc(applications.receivedOn), asc(applications.receiptYear), asc(applications.serial))
    .limit(CELL_PAGE_SIZE)
    .offset((request.page - 1) * CELL_PAGE_SIZE)
    .all();
  return {
    year: request.year,
    row,
    column: request.column,
    total,
    page: request.page,
    pageSize: CELL_PAGE_SIZE,
    rows: rows.map((application) => ({
      ...application,
      applicantName: maskApplicantName(application.applicantName, application.applicantType as ApplicantType),
      description: application.description.length > 60 ? `${application.description.slice(0, 60)}…` : application.description,
    })),
  };
}

export type ReportDownload = { filename: string; displayName: string; contentType: string; body: string | Uint8Array<ArrayBuffer> };

const downloadRequest = (thisYear: number) =>
  z.object({ year: reportYearField(thisYear), format: z.enum(["json", "csv", "docx"], { error: "格式应为 json、csv 或 docx" }) });

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The working draft as a file: the report JSON with its checks, the three tables as CSV, or a Word document. */
export async function downloadReportDraft(raw: unknown): Promise<ReportDownload> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const request = downloadRequest(thisYearInChina()).parse(raw);
  const tx = db();
  const agency = agencyOfActor(tx, actor);
  const { report } = buildDraftReport(tx, agency, request.year);
  const names = { filename: `${agency.code}-${request.year}-draft.${request.format}`, displayName: `${reportTitle(report)}（草稿）.${request.format}` };
  if (request.format === "docx") return { ...names, contentType: DOCX_TYPE, body: new Uint8Array(await reportToDocx(report)) };
  return request.format === "json"
    ? { ...names, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(report, null, 2)}\n` }
    : { ...names, contentType: "text/csv; charset=utf-8", body: reportToCsv(report) };
}
