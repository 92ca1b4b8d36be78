import { addDays, type IsoDate, type WorkingCalendar } from "@/lib/calendar";
import { APPLICANT_TYPE_CODES, type ApplicantType } from "@/lib/identity";
import { applicantPool, newApplicant, type Applicant } from "./people";
import { PATH_KINDS, planApplication, randomWorkingDay, workingDayAfter, type Draft, type PathKind, type Planning } from "./paths";
import { createRandom } from "@/lib/seeded-random";
import type { PlannedApplication, Registration, Step } from "./script";

/**
 * The ledger of the demo agency: the eight applications behind its corrected 2022 report, then a
 * history from 2023 to today, growing year on year.
 */

// ── 2022: the corrected figures of lib/report/fixtures/jincheng-chengqu-2022.json ──────────────

type Fixed = { receivedOn: IsoDate; repliedOn: IsoDate; outcome: "partial" | "unavailable.not_held"; channel: string; description: string };

/** 6 received in 2022 and 2 received in 2021 concluded in 2022; natural persons; 部分公开 2, 本机关不掌握 6. */
const LEDGER_2022: Fixed[] = [
  { receivedOn: "2021-12-20", repliedOn: "2022-01-10", outcome: "partial", channel: "registered_post", description: "北庄村城中村改造项目房屋征收补偿方案及征收范围红线图" },
  { receivedOn: "2021-12-27", repliedOn: "2022-01-17", outcome: "unavailable.not_held", channel: "in_person", description: "1998年原城区农村宅基地登记底册中本人家庭的登记情况" },
  { receivedOn: "2022-03-01", repliedOn: "2022-03-18", outcome: "partial", channel: "online", description: "2021年区政府常务会议关于东风路沿线旧房改造的议定事项" },
  { receivedOn: "2022-04-11", repliedOn: "2022-05-06", outcome: "unavailable.not_held", channel: "registered_post", description: "某开发公司在南庄村取得项目用地的国有土地使用权出让合同" },
  { receivedOn: "2022-06-06", repliedOn: "2022-06-24", outcome: "unavailable.not_held", channel: "online", description: "市级部门对前进村集体土地征收的批复文件" },
  { receivedOn: "2022-08-15", repliedOn: "2022-09-02", outcome: "unavailable.not_held", channel: "in_person", description: "和平小区供暖管网改造工程的施工图纸" },
  { receivedOn: "2022-10-10", repliedOn: "2022-10-28", outcome: "unavailable.not_held", channel: "registered_post", description: "上坡村1985年以来历次土地调整的会议记录" },
  { receivedOn: "2022-12-01", repliedOn: "2022-12-20", outcome: "unavailable.not_held", channel: "online", description: "城区某企业2019年环境影响评价报告书全本" },
];

function fixed2022(planning: Planning): PlannedApplication[] {
  return LEDGER_2022.map((entry) => {
    const applicant = newApplicant(planning.random, "natural_person");
    const registration: Registration = {
      channel: entry.channel,
      arrivedOn: entry.receivedOn,
      applicantType: applicant.applicantType,
      applicantName: applicant.applicantName,
      idNumber: applicant.idNumber,
      phone: applicant.phone,
      address: applicant.address,
      description: entry.description,
      formWanted: entry.channel === "online" ? "electronic" : "paper",
    };
    const delivery = entry.channel === "in_person" ? "in_person" : entry.channel === "online" ? "electronic" : "post";
    const steps: Step[] = [{ kind: "event", date: entry.repliedOn, event: { type: "replied", outcome: entry.outcome, delivery } }];
    return { registration, receivedOn: entry.receivedOn, steps, outcome: entry.outcome, concludedOn: entry.repliedOn };
  });
}

// ── 2023 to today ──────────────────────────────────────────────────────────

/** Applications per year; a year not listed (the current one, or later) gets the last figure, prorated to today. */
const VOLUMES: Record<number, number> = { 2023: 58, 2024: 70, 2025: 82 };
const LATER_VOLUME = 80;

const TYPE_WEIGHTS: Record<ApplicantType, number> = {
  natural_person: 76,
  commercial_enterprise: 8,
  research_institution: 2,
  social_welfare_org: 2.5,
  legal_service_org: 7,
  other_org: 4.5,
};

const PATH_WEIGHTS: Record<PathKind, number> = {
  plain: 62,
  onTheSpot: 5,
  late: 2,
  correctionOk: 6,
  correctionAbandoned: 3,
  consultation: 4,
  consultationLapsed: 1.5,
  extension: 5,
  feePagePaid: 1.5,
  feePageUnpaid: 1,
  // Art. 35 belongs to the applicants who file in bulk (below).
  reasonsRejected: 0,
  reasonsLater: 0,
};
const EVERY_PATH = PATH_KINDS.filter((path) => PATH_WEIGHTS[path] > 0);

/**
 * Applications received from here on are given only the plain path, so the ones still running today
 * are the few `running.ts` sets up on purpose, plus a few plain ones not yet answered.
 */
const SIMPLE_ZONE_DAYS = 80;
/** The history stops three weeks before today; `running.ts` fills the weeks up to today. */
const HISTORY_STOPS_DAYS = 21;

/** Where the script is planned: the working-day calendar and today. Each part seeds its own generator. */
export type HistoryContext = { calendar: WorkingCalendar; today: IsoDate };

/** One generator per year, so a year's applications do not depend on how much of a later year has passed. */
const SEED = 20221231;
const seeded = (context: HistoryContext, salt: number): Planning & HistoryContext => ({ ...context, random: createRandom(SEED + salt * 7919) });

export function jccqLedger(base: HistoryContext): PlannedApplication[] {
  const { today } = base;
  const pick = applicantPool(createRandom(SEED), { natural_person: 160, commercial_enterprise: 18, research_institution: 4, social_welfare_org: 5, legal_service_org: 8, other_org: 10 });
  const simpleFrom = addDays(today, -SIMPLE_ZONE_DAYS);
  const stop = addDays(today, -HISTORY_STOPS_DAYS);
  const plans: PlannedApplication[] = [...fixed2022(seeded(base, 2022))];
  const thisYear = Number(today.slice(0, 4));

  for (let year = 2023; year <= thisYear; year++) {
    const context = seeded(base, year);
    const { random } = context;
    const first = `${year}-01-03`;
    const last = `${year}-12-31` < stop ? `${year}-12-31` : stop;
    if (last < first) break;
    const elapsed = (Date.parse(last) - Date.parse(first)) / 86_400_000 / 362;
    const count = Math.round((VOLUMES[year] ?? LATER_VOLUME) * Math.min(1, elapsed));
    for (let i = 0; i < count; i++) {
      // The first of each year go through every applicant type and every path, so each year shows them all.
      const type = i < APPLICANT_TYPE_CODES.length ? APPLICANT_TYPE_CODES[i] : random.weighted(TYPE_WEIGHTS);
      const receivedOn = randomWorkingDay(context, first, last);
      const forcedPath = i < EVERY_PATH.length ? EVERY_PATH[i] : undefined;
      const path: PathKind = receivedOn >= simpleFrom ? (random.chance(0.1) ? "onTheSpot" : "plain") : (forcedPath ?? random.weighted(PATH_WEIGHTS));
      plans.push(planApplication(context, { applicant: pick(type ?? "natural_person"), receivedOn, path }));
    }
    // Late December: applications that run into January (carried over to the next year's report).
    if (`${year}-12-22` < simpleFrom) {
      for (const path of ["extension", "consultation", "plain"] as const) {
        plans.push(planApplication(context, { applicant: pick("natural_person"), receivedOn: randomWorkingDay(context, `${year}-12-14`, `${year}-12-22`), path }));
      }
    }
  }
  plans.push(...bulkApplicants(seeded(base, 1)), ...scripted(seeded(base, 2), pick));
  return plans;
}

/**
 * Applicants who file many requests in one month: the office asks for reasons (art. 35) and, from the
 * 11th application of the month, charges per application (109号).
 */
function bulkApplicants(context: Planning & HistoryContext): PlannedApplication[] {
  const { today } = context;
  const batches: { month: string; applicant: Applicant; paths: PathKind[]; fees: ("feePagePaid" | "feePageUnpaid")[] }[] = [
    {
      month: "2024-04",
      applicant: newApplicant(context.random, "natural_person"),
      paths: ["plain", "plain", "plain", "plain", "plain", "plain", "reasonsRejected", "reasonsRejected", "reasonsRejected", "reasonsRejected"],
      fees: ["feePagePaid", "feePageUnpaid", "feePageUnpaid"],
    },
    {
      month: "2025-06",
      applicant: newApplicant(context.random, "legal_service_org"),
      paths: ["plain", "plain", "plain", "plain", "plain", "plain", "plain", "plain", "reasonsLater", "reasonsLater"],
      fees: ["feePagePaid", "feePagePaid"],
    },
  ];
  const plans: PlannedApplication[] = [];
  for (const batch of batches) {
    if (`${batch.month}-28` >= addDays(today, -SIMPLE_ZONE_DAYS)) continue;
    // Filed over two weeks, in order: the fee applications are the 11th and later of the month.
    let day = workingDayAfter(context.calendar, `${batch.month}-07`, 1);
    for (const [index, path] of [...batch.paths, ...batch.fees].entries()) {
      if (index > 0 && index % 2 === 0) day = workingDayAfter(context.calendar, day, 1);
      const isFee = path === "feePagePaid" || path === "feePageUnpaid";
      plans.push(planApplication(context, { applicant: batch.applicant, receivedOn: day, path, channel: "online", ...(isFee ? { feeMethod: "per_application" } : {}) }));
    }
  }
  return plans;
}

/** One-off cases the demo must show: corrected events (with reasons) and a voided duplicate. */
function scripted(context: Planning & HistoryContext, pick: (type: ApplicantType) => Applicant): PlannedApplication[] {
  const plans: PlannedApplication[] = [];
  const add = (draft: Draft, extra: Step[]) => {
    const plan = planApplication(context, draft);
    plan.steps = [...plan.steps, ...extra].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    plans.push(plan);
    return plan;
  };

  // A reply recorded with the date the answer was signed instead of the posting date.
  const late = add({ applicant: pick("natural_person"), receivedOn: "2024-03-11", path: "plain", outcome: "granted", channel: "registered_post" }, []);
  const replied = late.steps.find((step) => step.kind === "event" && step.event.type === "replied");
  if (replied) {
    const postedOn = workingDayAfter(context.calendar, replied.date, 1);
    late.steps.push({
      kind: "correct",
      date: postedOn,
      type: "replied",
      reason: `答复日期误录为答复书签发日，按交邮日期更正为 ${postedOn}`,
      replacement: { date: postedOn, outcome: "granted", delivery: "post" },
    });
    late.concludedOn = postedOn;
  }

  // A consultation letter with the third party's name mistyped.
  const consulted = add({ applicant: pick("natural_person"), receivedOn: "2025-05-12", path: "consultation", outcome: "withheld.third_party", channel: "registered_post" }, []);
  const sent = consulted.steps.find((step) => step.kind === "event" && step.event.type === "consultation_sent");
  if (sent && sent.kind === "event") {
    sent.event = { ...sent.event, party: "third_party", addressee: "晋城市甲丁建筑公司" };
    consulted.steps.splice(consulted.steps.indexOf(sent) + 1, 0, {
      kind: "correct",
      date: sent.date,
      type: "consultation_sent",
      reason: "征求意见对象名称录入不全，按营业执照更正",
      replacement: { date: sent.date, party: "third_party", addressee: "晋城市甲丁建筑工程有限公司" },
    });
  }

  // A reply recorded as 部分公开 although the answer disclosed everything.
  const partial = add({ applicant: pick("commercial_enterprise"), receivedOn: "2025-09-08", path: "plain", outcome: "partial", channel: "online" }, []);
  const answer = partial.steps.find((step) => step.kind === "event" && step.event.type === "replied");
  if (answer) {
    partial.steps.push({
      kind: "correct",
      date: answer.date,
      by: "reviewer",
      type: "replied",
      reason: "办理结果选择有误：答复书载明申请的信息全部公开，更正为予以公开",
      replacement: { date: answer.date, outcome: "granted", delivery: "electronic" },
    });
    partial.outcome = "granted";
  }

  // The same letter registered twice; the second entry is voided and keeps its number.
  const applicant = pick("natural_person");
  const original = add({ applicant, receivedOn: "2024-06-17", path: "plain", channel: "registered_post" }, []);
  plans.push({
    registration: original.registration,
    receivedOn: original.receivedOn,
    steps: [{ kind: "void", date: workingDayAfter(context.calendar, original.receivedOn, 1), reason: "同一封申请信重复登记，按先登记的编号办理" }],
    outcome: null,
    concludedOn: null,
  });
  return plans.filter((plan) => plan.receivedOn < addDays(context.today, -SIMPLE_ZONE_DAYS));
}
