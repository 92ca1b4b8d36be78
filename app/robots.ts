import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { PRIVATE_PATH_PREFIXES } from "@/lib/http/security";

export const dynamic = "force-dynamic";

/** Search engines may read the published reports; the staff side is behind sign-in and off limits. */
export default function robots(): MetadataRoute.Robots {
  const base = env().publicUrl ?? "http://localhost:3000";
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...PRIVATE_PATH_PREFIXES, "/login", "/api"] },
    sitemap: `${base}/sitemap.xml`,
  };
}
