import { downloadResponse } from "../../download-response";

/** The latest published version of a report as JSON, CSV or DOCX. */
export async function GET(_request: Request, { params }: { params: Promise<{ agency: string; year: string; format: string }> }) {
  return downloadResponse(await params);
}
