import type { Metadata } from "next";
import Link from "next/link";
import { listReviewCases } from "@/lib/server/review-cases";
import { REPORTS_PATH } from "../paths";
import { CASE_DELETED_MESSAGE } from "@/lib/report-workflow/review-case";
import { EMPTY_REVIEW_CASE, ReviewCaseForm } from "./review-case-form";
import { ReviewCaseList } from "./review-case-list";

export const metadata: Metadata = { title: "复议诉讼案件" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewCasesPage({ searchParams }: Props) {
  const cases = await listReviewCases();
  const deleted = (await searchParams).saved === "case-deleted";
  return (
    <>
      <p><Link href={REPORTS_PATH}>← 年度报告</Link></p>
      <h1>行政复议、行政诉讼案件</h1>
      {deleted ? <p className="form-message success" role="status">{CASE_DELETED_MESSAGE}</p> : null}
      <div className="panel">
        <p className="muted">年度报告表四由这里登记的案件统计：审结的案件计入审结当年，按结果分列；年底尚未审结的计入当年“尚未审结”。</p>
        <ReviewCaseList cases={cases} />
      </div>
      <div className="panel">
        <h2>登记案件</h2>
        <ReviewCaseForm values={EMPTY_REVIEW_CASE} />
      </div>
    </>
  );
}
