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

/** RFC 5987 / RFC 6266: an ASCII `filename` for old clients, the Chinese name in `filename*`. */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^A-Za-z0-9._-]/g, "_")}"; filename*=UTF-8''${encoded}`;
}

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
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": contentDisposition(asciiName, utf8Name),
      // A numbered version never changes; the latest may be corrected.
      "cache-control": params.version === undefined ? "public, max-age=300" : "public, max-age=86400",
    },
  });
}
