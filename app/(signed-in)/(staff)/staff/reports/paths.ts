import { notFound } from "next/navigation";
import { thisYearInChina } from "@/lib/report-workflow/workflow";

/** Addresses of the staff report pages. */

export const REPORTS_PATH = "/staff/reports";
export const yearPath = (year: number) => `${REPORTS_PATH}/${year}`;
export const historicalPath = (year: number) => `${yearPath(year)}/historical`;
export const reviewCasePath = (id: number, year?: number) => `${REPORTS_PATH}/reviews/${id}${year ? `?year=${year}` : ""}`;
export const downloadPath = (year: number, format: "json" | "csv" | "docx") => `${yearPath(year)}/download/${format}`;

export function cellPath(year: number, row: string, column: string, page?: number): string {
  const query = new URLSearchParams({ row, column });
  if (page && page > 1) query.set("page", String(page));
  return `${yearPath(year)}/cell?${query.toString()}`;
}

export const reviewCellPath = (year: number, group: string, column: string) => `${yearPath(year)}/review-cell?${new URLSearchParams({ group, column }).toString()}`;

/** The year of a URL: a report year up to this one, else the page does not exist. */
export function yearOfParam(raw: string | undefined): number {
  const year = Number(raw);
  if (!raw || !/^\d{4}$/.test(raw) || year < 2008 || year > thisYearInChina()) notFound();
  return year;
}
