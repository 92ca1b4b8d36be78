import type { Metadata } from "next";
import Link from "next/link";
import { getReviewCase } from "@/lib/server/review-cases";
import { REPORTS_PATH, yearPath } from "../../paths";
import { DeleteReviewCaseForm, ReviewCaseForm } from "../review-case-form";
import { reviewCaseValues } from "../review-case-list";

export const metadata: Metadata = { title: "修改案件" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewCasePage({ params, searchParams }: Props) {
  const reviewCase = await getReviewCase((await params).id);
  const raw = (await searchParams).year;
  const year = typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  return (
    <>
      <p><Link href={year ? `${yearPath(year)}#reviews` : `${REPORTS_PATH}/reviews`}>← 返回</Link></p>
      <h1>修改案件</h1>
      <div className="panel">
        <ReviewCaseForm values={reviewCaseValues(reviewCase)} returnYear={year} />
      </div>
      <DeleteReviewCaseForm id={reviewCase.id} returnYear={year} />
    </>
  );
}
