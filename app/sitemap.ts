import type { MetadataRoute } from "next";
import { publicAgencyPath, publicReportPath } from "@/app/_ui/report/paths";
import { publicBaseUrl } from "@/app/_ui/public-base-url";
import { publishedIndex } from "@/lib/server/public-reports";

// Read from the database on each request, never at build time.
export const dynamic = "force-dynamic";

/** The public pages search engines should know: the home, each agency's page and each year's current report. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = await publicBaseUrl();
  const entries = await publishedIndex();
  const agencies = new Map<string, string>();
  for (const entry of entries) {
    const latest = agencies.get(entry.agencyCode);
    if (!latest || entry.lastPublishedAt > latest) agencies.set(entry.agencyCode, entry.lastPublishedAt);
  }
  const newest = [...agencies.values()].sort().at(-1);
  return [
    { url: `${base}/`, ...(newest ? { lastModified: newest } : {}), changeFrequency: "weekly", priority: 1 },
    ...[...agencies].map(([code, lastModified]) => ({ url: `${base}${publicAgencyPath(code)}`, lastModified, changeFrequency: "monthly" as const, priority: 0.8 })),
    ...entries.map((entry) => ({ url: `${base}${publicReportPath(entry.agencyCode, entry.year)}`, lastModified: entry.lastPublishedAt, changeFrequency: "yearly" as const, priority: 0.6 })),
  ];
}
