import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { attachment } from "@/lib/http/download-headers";
import { downloadReportDraft } from "@/lib/server/reports";

/**
 * The working draft as JSON or CSV. The data layer checks the session, the role and the agency; a
 * visitor without a session is sent to sign in, anyone else outside the agency gets a 404.
 */
export async function GET(_request: NextRequest, context: { params: Promise<{ year: string; format: string }> }) {
  const { year, format } = await context.params;
  try {
    const file = await downloadReportDraft({ year, format });
    return new Response(file.body, { headers: attachment(file) });
  } catch (error) {
    if (error instanceof ZodError) return new Response("没有这个文件", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
