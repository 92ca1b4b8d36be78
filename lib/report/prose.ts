import { OUTCOME_GROUPS } from "./labels";
import type { AnnualReport } from "./schema";
import { litigationTotal, outcomeGroupTotal, reviewColumnSum, totalOf } from "./totals";

/**
 * Default sentences drawn from the tables, for staff to start from:
 * - `onRequest`: under 「一、总体情况」's sub-head 「（二）依申请公开」;
 * - `problems`: for 「五、存在的主要问题及改进情况」 (the review results that found fault);
 * - `other`: for 「六、其他需要报告的事项」 (the information processing fees).
 * Every phrase is one the `prose` check reads, so the text passes that check whatever the figures.
 */
export interface DefaultProse {
  onRequest: string;
  problems: string;
  other: string;
}

export function generateProse(report: AnnualReport): DefaultProse {
  const { received, carriedOver, handled, carriedForward } = report.applications;
  const { fees } = report;
  const outcomeBreakdown = OUTCOME_GROUPS.map(
    (group) => `${group.name}${outcomeGroupTotal(report, group.key)}件`,
  ).join("，");
  return {
    onRequest:
      `本年度共收到政府信息公开申请${totalOf(received)}件，上年结转${totalOf(carriedOver)}件，` +
      `办结${totalOf(handled)}件，结转下年度继续办理${totalOf(carriedForward)}件。` +
      `其中，${outcomeBreakdown}。`,
    problems:
      `本年度涉及政府信息公开的行政复议${report.reviews.reconsideration.total}件、` +
      `行政诉讼${litigationTotal(report)}件，其中结果被纠正${reviewColumnSum(report, "corrected")}件，` +
      `尚未审结${reviewColumnSum(report, "pending")}件。`,
    other:
      `本年度发出收费通知${fees.notices}件，` +
      `通知收费金额${fees.notifiedYuan}元，实际收取${fees.collectedYuan}元。`,
  };
}
