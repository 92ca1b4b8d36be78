import { downloadResponse } from "../../../../download-response";

/** One version of a published report as JSON, CSV or DOCX. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ agency: string; year: string; version: string; format: string }> },
) {
  return downloadResponse(await params);
}
