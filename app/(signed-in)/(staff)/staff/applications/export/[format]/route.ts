import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { exportApplications } from "@/lib/server/ledger-export";
import { attachment } from "@/lib/http/download-headers";

/**
 * The ledger as XLSX, CSV or JSON with the list's filters (from the query string). The data layer checks the
 * session, the role and the agency; a visitor without a session is sent to sign in, anyone else gets a 404.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ format: string }> }) {
  const { format } = await context.params;
  const filter: Record<string, string> = {};
  for (const [key, value] of request.nextUrl.searchParams) if (!(key in filter) && value !== "") filter[key] = value;
  try {
    const file = await exportApplications(filter, format);
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, { headers: attachment(file) });
  } catch (error) {
    if (error instanceof ZodError) {
      const badFormat = error.issues.some((issue) => issue.path.length === 0);
      return new Response(badFormat ? "没有这种格式" : "筛选条件有误", { status: badFormat ? 404 : 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
