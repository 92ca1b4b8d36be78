import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { agencies, reportVersions } from "@/db/schema";
import { annualReportSchema, type AnnualReport } from "@/lib/report";

/**
 * The public site's reading: published report versions only, which hold aggregate figures and the
 * prose as published, never a ledger row. These are the only data-layer functions that need no
 * session, and they read nothing else.
 */

/** An agency code as it comes from an address. */
const agencyCodeSchema = z.string().trim().min(1).max(32);

export type PublishedEntry = { year: number; version: number; historical: boolean; publishedAt: string };

/** One line of the public list of agencies: the current version of each year it has published, newest year first. */
export type PublishingAgency = { code: string; name: string; reports: PublishedEntry[] };

export const PUBLIC_AGENCIES_PAGE_SIZE = 50;

const agencyListSchema = z.object({
  q: z.string().catch("").default("").transform((text) => text.trim().slice(0, 50)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AgencyList = { q: string; page: number; pages: number; total: number; agencies: PublishingAgency[] };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A version is its year's current one when no later version of the same agency and year exists. */
const isCurrentVersion = sql`not exists (select 1 from ${reportVersions} later where later.agency_id = ${reportVersions.agencyId} and later.year = ${reportVersions.year} and later.version > ${reportVersions.version})`;

/**
 * The agencies that have published a report, by name, a page at a time, optionally those whose name holds
 * `q` (or whose code is `q`); each with the current version of every year it has published.
 */
export async function listPublishingAgencies(raw: unknown): Promise<AgencyList> {
  const { q, page: asked } = agencyListSchema.parse(raw ?? {});
  const published = sql`exists (select 1 from ${reportVersions} where ${reportVersions.agencyId} = ${agencies.id})`;
  // lower() on both sides: PostgreSQL's LIKE is case-sensitive where SQLite's is not (codes are Latin).
  const where = q ? and(published, or(sql`lower(${agencies.name}) like lower(${`%${escapeLike(q)}%`}) escape '\\'`, eq(agencies.code, q))) : published;
  const total = db().select({ count: count() }).from(agencies).where(where).get()?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / PUBLIC_AGENCIES_PAGE_SIZE));
  const page = Math.min(asked, pages);
  const listed = db()
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.name), asc(agencies.code))
    .limit(PUBLIC_AGENCIES_PAGE_SIZE)
    .offset((page - 1) * PUBLIC_AGENCIES_PAGE_SIZE)
    .all();
  const reports = new Map<number, PublishedEntry[]>(listed.map((agency) => [agency.id, []]));
  if (listed.length > 0) {
    const rows = db()
      .select({ agencyId: reportVersions.agencyId, year: reportVersions.year, version: reportVersions.version, historical: reportVersions.historical, publishedAt: reportVersions.publishedAt })
      .from(reportVersions)
      .where(and(inArray(reportVersions.agencyId, [...reports.keys()]), isCurrentVersion))
      .orderBy(desc(reportVersions.year))
      .all();
    for (const { agencyId, ...entry } of rows) reports.get(agencyId)?.push(entry);
  }
  return { q, page, pages, total, agencies: listed.map((agency) => ({ code: agency.code, name: agency.name, reports: reports.get(agency.id) ?? [] })) };
}

export type RecentPublication = PublishedEntry & { agencyCode: string; agencyName: string };

/** The latest publications, newest first: new reports and corrections alike. */
export async function recentPublications(limit = 10): Promise<RecentPublication[]> {
  return db()
    .select({
      agencyCode: agencies.code,
      agencyName: agencies.name,
      year: reportVersions.year,
      version: reportVersions.version,
      historical: reportVersions.historical,
      publishedAt: reportVersions.publishedAt,
    })
    .from(reportVersions)
    .innerJoin(agencies, eq(agencies.id, reportVersions.agencyId))
    .orderBy(desc(reportVersions.publishedAt), desc(reportVersions.id))
    .limit(Math.min(Math.max(1, Math.trunc(limit)), 50))
    .all();
}

export type VersionEntry = PublishedEntry & { correctionNote: string | null };

/** One agency's public page: every year it has published, newest first, each with all its versions (newest first). Null when it has published nothing. */
export async function getPublishingAgency(agencyCode: unknown): Promise<{ code: string; name: string; years: { year: number; versions: VersionEntry[] }[] } | null> {
  const code = agencyCodeSchema.safeParse(agencyCode);
  if (!code.success) return null;
  const agency = db().select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(eq(agencies.code, code.data)).get();
  if (!agency) return null;
  const rows = db()
    .select({ year: reportVersions.year, version: reportVersions.version, historical: reportVersions.historical, publishedAt: reportVersions.publishedAt, correctionNote: reportVersions.correctionNote })
    .from(reportVersions)
    .where(eq(reportVersions.agencyId, agency.id))
    .orderBy(desc(reportVersions.year), desc(reportVersions.version))
    .all();
  if (rows.length === 0) return null;
  const years: { year: number; versions: VersionEntry[] }[] = [];
  for (const row of rows) {
    const last = years.at(-1);
    if (last?.year === row.year) last.versions.push(row);
    else years.push({ year: row.year, versions: [row] });
  }
  return { code: agency.code, name: agency.name, years };
}

const lookupSchema = z.object({
  agencyCode: agencyCodeSchema,
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
  versions: VersionEntry[];
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
  const code = agencyCodeSchema.safeParse(agencyCode);
  if (!code.success) return [];
  const agency = db().select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code.data)).get();
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

export type PublishedIndexEntry = { agencyCode: string; year: number; lastPublishedAt: string };

/** Every agency-year with a published report and when it was last published: what search engines are told of. */
export async function publishedIndex(): Promise<PublishedIndexEntry[]> {
  return db()
    .select({ agencyCode: agencies.code, year: reportVersions.year, lastPublishedAt: sql<string>`max(${reportVersions.publishedAt})` })
    .from(reportVersions)
    .innerJoin(agencies, eq(agencies.id, reportVersions.agencyId))
    .groupBy(agencies.code, reportVersions.year)
    .orderBy(asc(agencies.code), desc(reportVersions.year))
    .all();
}
