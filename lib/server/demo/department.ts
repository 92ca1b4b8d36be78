import { addDays } from "@/lib/calendar";
import type { ApplicantType } from "@/lib/identity";
import type { HistoryContext } from "./history";
import { planApplication, randomWorkingDay, workingDayBefore, type PathKind, type ReplyOutcome } from "./paths";
import { applicantPool, EDUCATION_TOPICS } from "./people";
import { createRandom } from "@/lib/seeded-random";
import type { PlannedApplication } from "./script";

/**
 * The department's ledger: a few dozen requests to 晋城市城区教育局 since 2024, handled by its own
 * clerk, and two still running. It shows that staff see only their own agency's applications.
 */
const PER_YEAR = 12;
const PATHS: Record<Extract<PathKind, "plain" | "onTheSpot" | "correctionOk" | "correctionAbandoned" | "consultation">, number> = {
  plain: 14,
  onTheSpot: 2,
  correctionOk: 2,
  correctionAbandoned: 1,
  consultation: 1,
};
const OUTCOMES: Partial<Record<ReplyOutcome, number>> = {
  granted: 50,
  partial: 10,
  "unavailable.not_held": 18,
  "unavailable.needs_creation": 4,
  "withheld.process_info": 3,
  "rejected.petition": 3,
  "other.other": 2,
};
const TYPES: Partial<Record<ApplicantType, number>> = { natural_person: 22, legal_service_org: 1, other_org: 1 };

export function departmentLedger(base: HistoryContext): PlannedApplication[] {
  const { today } = base;
  const random = createRandom(20240901);
  const context = { ...base, random };
  const pick = applicantPool(random, { natural_person: 30, commercial_enterprise: 1, research_institution: 1, social_welfare_org: 1, legal_service_org: 2, other_org: 2 });
  const stop = addDays(today, -60);
  const plans: PlannedApplication[] = [];
  const thisYear = Number(today.slice(0, 4));
  for (let year = 2024; year <= thisYear; year++) {
    const first = `${year}-01-03`;
    const last = `${year}-12-31` < stop ? `${year}-12-31` : stop;
    if (last < first) break;
    const count = Math.round(PER_YEAR * Math.min(1, (Date.parse(last) - Date.parse(first)) / 86_400_000 / 362));
    for (let i = 0; i < count; i++) {
      const type = random.weighted(TYPES as Record<ApplicantType, number>);
      plans.push(
        planApplication(context, {
          applicant: pick(type),
          receivedOn: randomWorkingDay(context, first, last),
          path: random.weighted(PATHS),
          outcome: random.weighted(OUTCOMES as Record<ReplyOutcome, number>),
          description: random.pick(EDUCATION_TOPICS)(random, year),
        }),
      );
    }
  }
  // Two still running: one due in a few days, one just in.
  for (const receivedOn of [workingDayBefore(context.calendar, today, 17), workingDayBefore(context.calendar, today, 2)]) {
    const plan = planApplication(context, { applicant: pick("natural_person"), receivedOn, path: "plain", description: random.pick(EDUCATION_TOPICS)(random, Number(receivedOn.slice(0, 4))) });
    plans.push({ ...plan, steps: [], outcome: null, concludedOn: null });
  }
  return plans;
}
