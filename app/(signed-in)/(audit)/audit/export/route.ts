import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { attachment } from "@/lib/http/download-headers";
import { exportAuditEntries } from "@/lib/server/audit";

/**
 * The audit trail as CSV with the list's filters (from the query string). The data layer checks that the caller
 * is an auditor; a visitor without a session is sent to sign in, anyone else gets a 404.
 */
export async function GET(request: NextRequest) {
  // Taking a copy is itself recorded, so a link on another site must not make an auditor's browser take one.
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return new Response("跨站请求已被拒绝", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const filter: Record<string, string> = {};
  for (const [key, value] of request.nextUrl.searchParams) if (!(key in filter) && value !== "") filter[key] = value;
  try {
    const file = await exportAuditEntries(filter);
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, { headers: attachment(file) });
  } catch (error) {
    if (error instanceof ZodError) return new Response("筛选条件有误", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}

/** A HEAD would record an export that nobody received. */
export function HEAD() {
  return new Response(null, { status: 405, headers: { allow: "GET" } });
}
