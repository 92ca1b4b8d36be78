import { attachment } from "@/lib/http/download-headers";
import { DOWNLOAD_FORMATS, type DownloadFormat } from "@/app/_ui/report/paths";
import { reportToCsv } from "@/lib/report/csv";
import { reportTitle } from "@/lib/report/document-layout";
import { reportToDocx } from "@/lib/report/docx";
import { findPublishedReport } from "./lookup";

/**
 * A published report as a file: the JSON snapshot as published (interfaces.md §1), the tables as CSV,
 * or the whole report as a Word document. Reads only through `public-reports.ts`; needs no session.
 */

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const notFound = () =>
  new Response("未找到该报告", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function downloadResponse(params: { agency: string; year: string; format: string; version?: string }): Promise<Response> {
  const format = DOWNLOAD_FORMATS.find((candidate) => candidate === params.format);
  if (!format) return notFound();
  const published = await findPublishedReport(params.agency, params.year, params.version);
  if (!published) return notFound();
  const { report, version } = published;

  let body: string | Uint8Array<ArrayBuffer>;
  if (format === "json") body = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === "csv") body = reportToCsv(report);
  else body = new Uint8Array(await reportToDocx(report));

  const asciiName = `${report.agency.code}-${report.year}-v${version}.${format}`;
  const utf8Name = `${reportTitle(report)}（第${version}版）.${format}`;
  // A numbered version never changes; the latest may be corrected.
  const cacheControl = params.version === undefined ? "public, max-age=300" : "public, max-age=86400";
  return new Response(body, { headers: attachment({ filename: asciiName, displayName: utf8Name, contentType: CONTENT_TYPES[format] }, cacheControl) });
}
