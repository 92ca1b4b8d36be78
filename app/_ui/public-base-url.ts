import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The app's own address for absolute links: NEXTAUTH_URL when configured (it must be, behind a proxy), else the
 * address this request came to.
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = env().publicUrl;
  if (configured) return configured;
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? "localhost:3000";
  const scheme = request.get("x-forwarded-proto") ?? "http";
  return `${scheme}://${host}`;
}
