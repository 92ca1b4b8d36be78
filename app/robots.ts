import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/app/_ui/public-base-url";
import { PRIVATE_PATH_PREFIXES } from "@/lib/http/security";

export const dynamic = "force-dynamic";

/** Search engines may read the published reports; the staff side is behind sign-in and off limits. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = await publicBaseUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...PRIVATE_PATH_PREFIXES, "/login", "/api"] },
    sitemap: `${base}/sitemap.xml`,
  };
}
