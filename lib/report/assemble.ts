import { COLUMN_CODES, OUTCOME_CODES, OVERVIEW_SUBHEADS, type OutcomeCode } from "./labels";
import { generateProse } from "./prose";
import { REPORT_FORMAT, type AnnualReport } from "./schema";

type Row7 = number[];

export type ReportFigures = {
  agency: { code: string; name: string };
  year: number;
  applications: { received: Row7; carriedOver: Row7; outcomes: Record<OutcomeCode, Row7>; handled: Row7; carriedForward: Row7 };
  fees: { notices: number; notifiedYuan: number; collectedYuan: number };
};

const zeroReviews = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };

/**
 * A draft report from figures counted in the ledger. Tables 二 and 四 start at zero until staff enter
 * them; the prose starts as the sentences generated from the figures, under section 一's sub-heads.
 */
export function assembleDraftReport(figures: ReportFigures): AnnualReport {
  const report: AnnualReport = {
    format: REPORT_FORMAT,
    agency: figures.agency,
    year: figures.year,
    status: "draft",
    proactive: {
      regulations: { issued: 0, abolished: 0, inForce: 0 },
      normativeDocuments: { issued: 0, abolished: 0, inForce: 0 },
      licensing: 0,
      penalties: 0,
      enforcement: 0,
      feesTenThousandYuan: 0,
    },
    applications: {
      columns: [...COLUMN_CODES],
      received: figures.applications.received,
      carriedOver: figures.applications.carriedOver,
      outcomes: Object.fromEntries(OUTCOME_CODES.map((code) => [code, figures.applications.outcomes[code]])) as AnnualReport["applications"]["outcomes"],
      handled: figures.applications.handled,
      carriedForward: figures.applications.carriedForward,
    },
    reviews: { reconsideration: { ...zeroReviews }, litigationDirect: { ...zeroReviews }, litigationAfterReconsideration: { ...zeroReviews } },
    fees: figures.fees,
    sections: { overview: "", problems: "", other: "" },
  };
  const prose = generateProse(report);
  report.sections = {
    overview: OVERVIEW_SUBHEADS.map((subhead) => `${subhead.heading}\n${subhead.key === "onRequest" ? prose.onRequest : ""}`).join("\n\n"),
    problems: prose.problems,
    other: prose.other,
  };
  return report;
}
