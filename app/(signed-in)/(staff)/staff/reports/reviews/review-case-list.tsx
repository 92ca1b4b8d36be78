import Link from "next/link";
import type { ReviewCase } from "@/lib/server/review-cases";
import { REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS } from "@/lib/report-workflow/review-case";
import { reviewCasePath } from "../paths";

/** Where a case stands at the end of a year: what table 四 of that year counts it as, if anything. */
export function countedAs(reviewCase: ReviewCase, year: number): string | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (reviewCase.concludedOn && reviewCase.result && reviewCase.concludedOn >= start && reviewCase.concludedOn <= end) return REVIEW_RESULT_LABELS[reviewCase.result];
  if (reviewCase.filedOn <= end && (!reviewCase.concludedOn || reviewCase.concludedOn > end)) return "尚未审结";
  return null;
}

export function ReviewCaseList({ cases, year }: { cases: ReviewCase[]; year?: number }) {
  if (cases.length === 0) return <p className="muted">没有登记的案件。</p>;
  return (
    <div className="table-scroll">
      <table className="list compact">
        <thead>
          <tr>
            <th scope="col">类型</th>
            <th scope="col">案号</th>
            <th scope="col">申请编号</th>
            <th scope="col">申请复议或起诉</th>
            <th scope="col">审结</th>
            {year ? <th scope="col">计入 {year} 年表四</th> : null}
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((reviewCase) => (
            <tr key={reviewCase.id}>
              <td>{REVIEW_KIND_LABELS[reviewCase.kind]}</td>
              <td>{reviewCase.reference ?? <span className="muted">—</span>}</td>
              <td className="mono">
                {reviewCase.trackingNumber && reviewCase.applicationId ? (
                  <Link href={`/staff/applications/${reviewCase.applicationId}`}>{reviewCase.trackingNumber}</Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="mono">{reviewCase.filedOn}</td>
              <td>{reviewCase.result ? `${REVIEW_RESULT_LABELS[reviewCase.result]}（${reviewCase.concludedOn}）` : <span className="tag warn">尚未审结</span>}</td>
              {year ? <td>{countedAs(reviewCase, year) ?? <span className="muted">不计入</span>}</td> : null}
              <td>
                <Link href={reviewCasePath(reviewCase.id, year)}>修改</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function reviewCaseValues(reviewCase: ReviewCase) {
  return {
    id: reviewCase.id,
    kind: reviewCase.kind,
    trackingNumber: reviewCase.trackingNumber ?? "",
    reference: reviewCase.reference ?? "",
    filedOn: reviewCase.filedOn,
    result: reviewCase.result ?? "",
    concludedOn: reviewCase.concludedOn ?? "",
    notes: reviewCase.notes ?? "",
  };
}
