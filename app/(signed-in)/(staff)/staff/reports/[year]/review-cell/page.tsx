import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { REVIEW_COLUMNS, REVIEW_GROUPS } from "@/lib/report/labels";
import { listReviewCasesInCell, type ReviewCellListing } from "@/lib/server/review-cases";
import { ReviewCaseList } from "../../reviews/review-case-list";
import { yearOfParam, yearPath } from "../../paths";

export const metadata: Metadata = { title: "计入该格的案件" };

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function ReviewCellPage({ params, searchParams }: Props) {
  const year = yearOfParam((await params).year);
  const query = await searchParams;
  let listing: ReviewCellListing;
  try {
    listing = await listReviewCasesInCell({ year, group: one(query.group), column: one(query.column) });
  } catch (error) {
    // A group or column the table does not have: no such page.
    if (error instanceof ZodError) notFound();
    throw error;
  }
  const groupLabel = REVIEW_GROUPS.find((group) => group.key === listing.group)?.label ?? listing.group;
  const columnLabel = REVIEW_COLUMNS.find((column) => column.key === listing.column)?.label ?? listing.column;
  return (
    <>
      <p><Link href={`${yearPath(year)}#document`}>← {year} 年度报告</Link></p>
      <h1>计入该格的案件</h1>
      <div className="panel">
        <p>
          {year} 年报告表四 <strong>{groupLabel}</strong>、<strong>{columnLabel}</strong>：
          <strong data-testid="cell-total">{listing.cases.length}</strong> 件。
        </p>
        <p className="muted small">按统计该格的同一条件列出：当年审结的按结果计入，截至 12 月 31 日尚未审结的计入「尚未审结」。</p>
        <ReviewCaseList cases={listing.cases} year={year} />
      </div>
    </>
  );
}
