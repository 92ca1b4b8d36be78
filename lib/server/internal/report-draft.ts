import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reportDrafts, reportVersions } from "@/db/schema";
import { assembleDraftReport, generatedSections, ZERO_PROACTIVE } from "@/lib/report/assemble";
import { runChecks } from "@/lib/report/checks";
import { PROSE_SECTION_KEYS, type ProseSectionKey } from "@/lib/report/labels";
import { annualReportSchema, type AnnualReport } from "@/lib/report/schema";
import { applicationFigures, feeFigures, reviewFigures } from "./report-figures";

export type AgencyRef = { id: number; code: string; name: string };
export type DraftRow = typeof reportDrafts.$inferSelect;
export type VersionRow = typeof reportVersions.$inferSelect;

/** The prose staff wrote; a section that is absent follows the generated sentences. */
export type StoredSections = Partial<Record<ProseSectionKey, string>>;

const proactiveSchema = annualReportSchema.shape.proactive;

export function draftRow(tx: Db, agencyId: number, year: number): DraftRow | undefined {
  return tx.select().from(reportDrafts).where(and(eq(reportDrafts.agencyId, agencyId), eq(reportDrafts.year, year))).get();
}

export function storedProactive(row: DraftRow | undefined): AnnualReport["proactive"] | null {
  if (!row?.proactive) return null;
  return proactiveSchema.parse(JSON.parse(row.proactive));
}

export function storedSections(row: DraftRow | undefined): StoredSections {
  if (!row?.sections) return {};
  const parsed = JSON.parse(row.sections) as Record<string, unknown>;
  const sections: StoredSections = {};
  for (const key of PROSE_SECTION_KEYS) {
    const text = parsed[key];
    if (typeof text === "string") sections[key] = text;
  }
  return sections;
}

/** Every published version of a year, newest first. */
export function versionRows(tx: Db, agencyId: number, year: number): VersionRow[] {
  return tx
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.agencyId, agencyId), eq(reportVersions.year, year)))
    .orderBy(desc(reportVersions.version))
    .all();
}

/** The versions of a year, newest first, without their snapshots: enough to number the next one. */
export function versionNumbers(tx: Db, agencyId: number, year: number): { version: number; historical: boolean }[] {
  return tx
    .select({ version: reportVersions.version, historical: reportVersions.historical })
    .from(reportVersions)
    .where(and(eq(reportVersions.agencyId, agencyId), eq(reportVersions.year, year)))
    .orderBy(desc(reportVersions.version))
    .all();
}

export function snapshotOf(row: VersionRow): AnnualReport {
  return annualReportSchema.parse(JSON.parse(row.snapshot));
}

/** The latest published version of a year, generated or historical: what the next year is checked against. */
export function latestPublished(tx: Db, agencyId: number, year: number): { row: VersionRow; report: AnnualReport } | null {
  // One row, not every version's snapshot: every view of the next year's draft asks for it.
  const row = tx
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.agencyId, agencyId), eq(reportVersions.year, year)))
    .orderBy(desc(reportVersions.version))
    .limit(1)
    .get();
  return row ? { row, report: snapshotOf(row) } : null;
}

/**
 * Table 二 before staff enter it: zeros, except 现行有效件数, proposed as last year's plus this year's
 * issued less abolished (which are zero until entered, so: last year's).
 */
export function proposedProactive(previous: AnnualReport | null): AnnualReport["proactive"] {
  if (!previous) return ZERO_PROACTIVE;
  return {
    ...ZERO_PROACTIVE,
    regulations: { issued: 0, abolished: 0, inForce: previous.proactive.regulations.inForce },
    normativeDocuments: { issued: 0, abolished: 0, inForce: previous.proactive.normativeDocuments.inForce },
  };
}

export type DraftReport = {
  /** The draft as a complete report JSON, checks included. */
  report: AnnualReport;
  /** The latest published report of the year before, which checks 5 and 6 compare with. */
  previous: { row: VersionRow; report: AnnualReport } | null;
  row: DraftRow | undefined;
  proactiveEntered: boolean;
  generated: Record<ProseSectionKey, string>;
  custom: StoredSections;
};

/**
 * The working draft of an agency's report: table 三 and the fees counted from the ledger, table 四 from
 * the review cases, table 二 and the prose from what staff entered (or the proposals and the generated
 * sentences), checked against last year's published report.
 */
export function buildDraftReport(tx: Db, agency: AgencyRef, year: number): DraftReport {
  const row = draftRow(tx, agency.id, year);
  const previous = latestPublished(tx, agency.id, year - 1);
  const entered = storedProactive(row);
  const report = assembleDraftReport({
    agency: { code: agency.code, name: agency.name },
    year,
    applications: applicationFigures(tx, agency.id, year),
    fees: feeFigures(tx, agency.id, year),
    proactive: entered ?? proposedProactive(previous?.report ?? null),
    reviews: reviewFigures(tx, agency.id, year),
  });
  const generated = generatedSections(report);
  const custom = storedSections(row);
  report.sections = { ...generated, ...custom };
  report.checks = runChecks(report, previous?.report ?? null);
  return { report, previous, row, proactiveEntered: entered !== null, generated, custom };
}

/** The failing checks that stop a report from being submitted or published (warnings do not). */
export function blockingChecks(report: AnnualReport) {
  return (report.checks ?? []).filter((check) => !check.ok && check.severity !== "warning");
}
