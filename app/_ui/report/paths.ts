/** Addresses of the public report pages and downloads. */

export const DOWNLOAD_FORMATS = ["json", "csv", "docx"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const DOWNLOAD_LABELS: Record<DownloadFormat, string> = {
  json: "JSON（开放数据）",
  csv: "CSV（表格）",
  docx: "Word 文档（DOCX）",
};

/** An agency's page: every year it has published, with every version. */
export function publicAgencyPath(agencyCode: string): string {
  return `/reports/${encodeURIComponent(agencyCode)}`;
}

export function publicReportPath(agencyCode: string, year: number, version?: number): string {
  const base = `${publicAgencyPath(agencyCode)}/${year}`;
  return version === undefined ? base : `${base}/v/${version}`;
}

export function publicDownloadPath(agencyCode: string, year: number, format: DownloadFormat, version?: number): string {
  return `${publicReportPath(agencyCode, year, version)}/download/${format}`;
}
