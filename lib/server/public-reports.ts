import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { agencies, reportVersions } from "@/db/schema";
import { annualReportSchema, type AnnualReport } from "@/lib/report";

/**
 * The public site's reading: published report versions only, which hold aggregate figures and the
 * prose as published, never a ledger row. These are the only data-layer functions that need no
 * session, and they read nothing else.
 */

export type PublishedEntry = { year: number; version: number; historical: boolean; publishedAt: string };
export type PublicAgency = { code: string; name: string; reports: PublishedEntry[] };

/** Agencies with at least one published report, each with the latest version of every year. */
export async function listPublishedReports(): Promise<PublicAgency[]> {
  const rows = db()
    .select({
      code: agencies.code,
      name: agencies.name,
      year: reportVersions.year,
      version: reportVersions.version,
      historical: reportVersions.historical,
      publishedAt: reportVersions.publishedAt,
    })
    .from(reportVersions)
    .innerJoin(agencies, eq(agencies.id, reportVersions.agencyId))
    .orderBy(asc(agencies.name), desc(reportVersions.year), desc(reportVersions.version))
    .all();
  const byAgency = new Map<string, PublicAgency>();
  for (const row of rows) {
    const agency = byAgency.get(row.code) ?? { code: row.code, name: row.name, reports: [] };
    byAgency.set(row.code, agency);
    if (!agency.reports.some((report) => report.year === row.year)) {
      agency.reports.push({ year: row.year, version: row.version, historical: row.historical, publishedAt: row.publishedAt });
    }
  }
  return [...byAgency.values()];
}

const lookupSchema = z.object({
  agencyCode: z.string().trim().min(1).max(32),
  year: z.coerce.number().int().min(2008).max(2100),
  version: z.coerce.number().int().min(1).optional(),
});

export type PublishedReport = {
  report: AnnualReport;
  version: number;
  historical: boolean;
  publishedAt: string;
  correctionNote: string | null;
  /** Every version of this report, newest first; all but the first are superseded. */
  versions: (PublishedEntry & { correctionNote: string | null })[];
};

/** One published report: the latest version, or the one asked for. Null when there is none. */
export async function getPublishedReport(raw: unknown): Promise<PublishedReport | null> {
  const lookup = lookupSchema.safeParse(raw);
  if (!lookup.success) return null;
  const agency = db().select({ id: agencies.id }).from(agencies).where(eq(agencies.code, lookup.data.agencyCode)).get();
  if (!agency) return null;
  const versions = db()
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.agencyId, agency.id), eq(reportVersions.year, lookup.data.year)))
    .orderBy(desc(reportVersions.version))
    .all();
  const chosen = lookup.data.version === undefined ? versions[0] : versions.find((row) => row.version === lookup.data.version);
  if (!chosen) return null;
  return {
    report: annualReportSchema.parse(JSON.parse(chosen.snapshot)),
    version: chosen.version,
    historical: chosen.historical,
    publishedAt: chosen.publishedAt,
    correctionNote: chosen.correctionNote,
    versions: versions.map((row) => ({
      year: row.year,
      version: row.version,
      historical: row.historical,
      publishedAt: row.publishedAt,
      correctionNote: row.correctionNote,
    })),
  };
}

/** The latest published report of every year of an agency, oldest first, for the chart across years. */
export async function publishedSeries(agencyCode: unknown): Promise<AnnualReport[]> {
  if (typeof agencyCode !== "string") return [];
  const agency = db().select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get();
  if (!agency) return [];
  const rows = db()
    .select({ year: reportVersions.year, version: reportVersions.version, snapshot: reportVersions.snapshot })
    .from(reportVersions)
    .where(eq(reportVersions.agencyId, agency.id))
    .orderBy(asc(reportVersions.year), desc(reportVersions.version))
    .all();
  const latest = new Map<number, string>();
  for (const row of rows) if (!latest.has(row.year)) latest.set(row.year, row.snapshot);
  return [...latest.values()].map((snapshot) => annualReportSchema.parse(JSON.parse(snapshot)));
}
