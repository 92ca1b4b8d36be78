import "server-only";
import type { IsoDate } from "@/lib/calendar";
import { publishReport, saveProactive, saveSections, submitReport } from "../report-drafts";
import { generateAnnualReport } from "../reports";
import type { DemoSession } from "./accounts";
import { writeProse } from "./prose";

/**
 * The demo agency's annual reports: table 二 and the prose entered by the clerk every year from 2022;
 * each finished year submitted by the clerk and published by the reviewer, in order, so every year is
 * checked against the one before; the current year left as a draft.
 *
 * Table 二 of 2022 is the published one (all zero); later years issue and abolish a few normative
 * documents, and 现行有效件数 follows from last year's (check 6 passes).
 */
type Proactive = { issued: number; abolished: number; licensing: number };
const PROACTIVE: Record<number, Proactive> = {
  2022: { issued: 0, abolished: 0, licensing: 0 },
  2023: { issued: 3, abolished: 0, licensing: 4 },
  2024: { issued: 2, abolished: 1, licensing: 6 },
  2025: { issued: 4, abolished: 1, licensing: 5 },
  2026: { issued: 1, abolished: 0, licensing: 3 },
};
const LATER: Proactive = { issued: 2, abolished: 1, licensing: 4 };

export type PublishedYears = { published: number[]; draft: number };

export async function writeReports(clerk: DemoSession, reviewer: DemoSession, today: IsoDate): Promise<PublishedYears> {
  const thisYear = Number(today.slice(0, 4));
  const published: number[] = [];
  let inForce = 0;
  for (let year = 2022; year <= thisYear; year++) {
    const table = PROACTIVE[year] ?? LATER;
    inForce += table.issued - table.abolished;
    await clerk.run(() =>
      saveProactive({
        year,
        regulationsIssued: 0,
        regulationsAbolished: 0,
        regulationsInForce: 0,
        normativeDocumentsIssued: table.issued,
        normativeDocumentsAbolished: table.abolished,
        normativeDocumentsInForce: inForce,
        licensing: table.licensing,
        penalties: 0,
        enforcement: 0,
        feesTenThousandYuan: 0,
      }),
    );
    const report = await clerk.run(() => generateAnnualReport({ year }));
    const prose = writeProse(year, report);
    // The year still running keeps the generated 六 (fees), which follows the ledger as it grows; its
    // section 一 quotes the figures as they stand today, as a clerk's draft would.
    const sections = year < thisYear ? prose : { ...prose, other: report.sections.other };
    await clerk.run(() => saveSections({ year, ...sections }));
    if (year < thisYear) {
      await clerk.run(() => submitReport({ year }));
      await reviewer.run(() => publishReport({ year }));
      published.push(year);
    }
  }
  return { published, draft: thisYear };
}
