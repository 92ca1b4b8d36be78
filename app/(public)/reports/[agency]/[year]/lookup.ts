import { getPublishedReport, type PublishedReport } from "@/lib/server/public-reports";

/**
 * A published report by the segments of its address; null for anything that is not a published
 * report (a malformed year or version included), which the pages and downloads answer with 404.
 */
export async function findPublishedReport(agency: string, year: string, version: string | undefined): Promise<PublishedReport | null> {
  if (!/^\d{4}$/.test(year)) return null;
  if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) return null;
  return getPublishedReport({ agencyCode: agency, year, version });
}
