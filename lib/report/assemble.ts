import { COLUMN_CODES, OUTCOME_CODES, OVERVIEW_SUBHEADS, type OutcomeCode, type ProseSectionKey } from "./labels";
import { generateProse } from "./prose";
import { REPORT_FORMAT, type AnnualReport } from "./schema";

type Row7 = number[];

export type ReportFigures = {
  agency: { code: string; name: string };
  year: number;
  applications: { received: Row7; carriedOver: Row7; outcomes: Record<OutcomeCode, Row7>; handled: Row7; carriedForward: Row7 };
  fees: { notices: number; notifiedYuan: number; collectedYuan: number };
  /** Table 二 as staff entered it; zeros when left out. */
  proactive?: AnnualReport["proactive"];
  /** Table 四 as counted from the review cases; zeros when left out. */
  reviews?: AnnualReport["reviews"];
};

const zeroReviews = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };

export const ZERO_PROACTIVE: AnnualReport["proactive"] = {
  regulations: { issued: 0, abolished: 0, inForce: 0 },
  normativeDocuments: { issued: 0, abolished: 0, inForce: 0 },
  licensing: 0,
  penalties: 0,
  enforcement: 0,
  feesTenThousandYuan: 0,
};

/**
 * The prose sections as generated from a report's tables: section 一 under its five sub-heads with the
 * generated sentence under 「（二）依申请公开」, and the generated sentences of sections 五 and 六.
 */
export function generatedSections(report: AnnualReport): Record<ProseSectionKey, string> {
  const prose = generateProse(report);
  return {
    overview: OVERVIEW_SUBHEADS.map((subhead) => `${subhead.heading}\n${subhead.key === "onRequest" ? prose.onRequest : ""}`).join("\n\n"),
    problems: prose.problems,
    other: prose.other,
  };
}

/**
 * A draft report from figures counted in the ledger. Tables 二 and 四 start at zero until given; the
 * prose starts as the sentences generated from all the tables, under section 一's sub-heads.
 */
export function assembleDraftReport(figures: ReportFigures): AnnualReport {
  const proactive = figures.proactive ?? ZERO_PROACTIVE;
  const reviews = figures.reviews;
  const report: AnnualReport = {
    format: REPORT_FORMAT,
    agency: figures.agency,
    year: figures.year,
    status: "draft",
    proactive: {
      ...proactive,
      regulations: { ...proactive.regulations },
      normativeDocuments: { ...proactive.normativeDocuments },
    },
    applications: {
      columns: [...COLUMN_CODES],
      received: figures.applications.received,
      carriedOver: figures.applications.carriedOver,
      outcomes: Object.fromEntries(OUTCOME_CODES.map((code) => [code, figures.applications.outcomes[code]])) as AnnualReport["applications"]["outcomes"],
      handled: figures.applications.handled,
      carriedForward: figures.applications.carriedForward,
    },
    reviews: reviews
      ? {
          reconsideration: { ...reviews.reconsideration },
          litigationDirect: { ...reviews.litigationDirect },
          litigationAfterReconsideration: { ...reviews.litigationAfterReconsideration },
        }
      : { reconsideration: { ...zeroReviews }, litigationDirect: { ...zeroReviews }, litigationAfterReconsideration: { ...zeroReviews } },
    fees: figures.fees,
    sections: { overview: "", problems: "", other: "" },
  };
  report.sections = generatedSections(report);
  return report;
}
