import "server-only";
import type { IsoDate } from "@/lib/calendar";
import type { ReviewCaseKind, ReviewCaseResult } from "@/lib/report-workflow/review-case";
import { createReviewCase, updateReviewCase } from "../review-cases";
import type { DemoSession } from "./accounts";
import type { ExecutedApplication } from "./script";

/**
 * The reconsideration and litigation cases of the demo agency. None before 2023 (its 2022 report had
 * none); one reconsideration filed in November 2023 and decided in January 2024 counts as 尚未审结 in
 * 2023 and as 结果纠正 in 2024; the latest, filed in October 2026, is still pending. Each case is about an
 * application concluded shortly before it was filed.
 */
type CaseSpec = {
  kind: ReviewCaseKind;
  reference: string;
  filedOn: IsoDate;
  /** Applications concluded in this window, not granted, are the candidates the case is about. */
  about: { from: IsoDate; to: IsoDate };
  decided?: { on: IsoDate; result: ReviewCaseResult; notes: string };
};

const CASES: CaseSpec[] = [
  {
    kind: "reconsideration",
    reference: "晋市政复〔2023〕第57号",
    filedOn: "2023-06-12",
    about: { from: "2023-03-01", to: "2023-05-31" },
    decided: { on: "2023-08-24", result: "upheld", notes: "复议机关认为答复认定事实清楚、程序合法，决定维持" },
  },
  {
    kind: "reconsideration",
    reference: "晋市政复〔2023〕第118号",
    filedOn: "2023-11-20",
    about: { from: "2023-09-01", to: "2023-11-10" },
    decided: { on: "2024-01-25", result: "corrected", notes: "复议机关认为检索范围不全，责令重新答复；已于法定期限内重新答复" },
  },
  {
    kind: "litigation_direct",
    reference: "（2024）晋0502行初19号",
    filedOn: "2024-05-08",
    about: { from: "2024-01-15", to: "2024-04-30" },
    decided: { on: "2024-10-15", result: "upheld", notes: "一审判决驳回原告诉讼请求，双方未上诉" },
  },
  {
    kind: "reconsideration",
    reference: "晋市政复〔2024〕第96号",
    filedOn: "2024-09-02",
    about: { from: "2024-06-01", to: "2024-08-23" },
    decided: { on: "2024-11-08", result: "upheld", notes: "复议机关决定维持" },
  },
  {
    kind: "litigation_after_reconsideration",
    reference: "（2025）晋0502行初4号",
    filedOn: "2025-01-13",
    about: { from: "2024-06-01", to: "2024-08-23" },
    decided: { on: "2025-06-20", result: "other", notes: "原告撤回起诉，法院裁定准许" },
  },
  {
    kind: "reconsideration",
    reference: "晋市政复〔2025〕第73号",
    filedOn: "2025-08-11",
    about: { from: "2025-05-01", to: "2025-07-25" },
    decided: { on: "2025-10-20", result: "upheld", notes: "复议机关决定维持" },
  },
  {
    kind: "reconsideration",
    reference: "晋市政复〔2026〕第88号",
    filedOn: "2026-10-19",
    about: { from: "2026-07-01", to: "2026-09-30" },
  },
];

export async function createReviewCases(clerk: DemoSession, applications: readonly ExecutedApplication[], today: IsoDate): Promise<number> {
  let created = 0;
  let lastAbout: ExecutedApplication | undefined;
  for (const spec of CASES) {
    if (spec.filedOn > today) continue;
    const about =
      applications.find(
        (application) =>
          application.concludedOn !== null &&
          application.concludedOn >= spec.about.from &&
          application.concludedOn <= spec.about.to &&
          application.outcome !== "granted" &&
          application.outcome !== "other.no_correction",
      ) ?? undefined;
    // A suit after reconsideration is about the application the reconsideration was about.
    const subject = spec.kind === "litigation_after_reconsideration" ? (lastAbout ?? about) : about;
    lastAbout = subject;
    const input = { kind: spec.kind, reference: spec.reference, filedOn: spec.filedOn, trackingNumber: subject?.trackingNumber ?? "" };
    const { id } = await clerk.run(() => createReviewCase(input));
    created += 1;
    // Recorded as filed, then updated when the decision arrives (if it has by today).
    if (spec.decided && spec.decided.on <= today) {
      const decided = spec.decided;
      await clerk.run(() => updateReviewCase(id, { ...input, result: decided.result, concludedOn: decided.on, notes: decided.notes }));
    }
  }
  return created;
}
