import { db, sqlite } from "@/db/client";
import { addDays, todayInChina, type IsoDate, type WorkingCalendar } from "@/lib/calendar";
import type { ReplyOutcome } from "@/lib/deadlines";
import { computeFee } from "@/lib/fees";
import type { ApplicantType } from "@/lib/identity";
import type { LedgerStatus } from "@/lib/ledger/codes";
import type { EventType, StoredEvent } from "@/lib/ledger/event-input";
import { ledgerStatus } from "@/lib/ledger/status";
import { maskApplicantName } from "@/lib/masking";
import { createAgency } from "@/lib/server/agencies";
import { withSource } from "@/lib/server/context";
import { createUser } from "@/lib/server/users";
// The bench writes its bulk data straight into the tables, so it needs the very same projection code
// the data layer runs after every event (lib/server/internal): nothing else may compute the columns.
import { evaluate, type ApplicationRow } from "@/lib/server/internal/applications";
import { loadWorkingCalendar } from "@/lib/server/internal/calendar";
import {
  address,
  ADDRESSEES,
  APPLICANT_TYPE_WEIGHTS,
  CHANNEL_WEIGHTS,
  creditCode,
  DELIVERY_WEIGHTS,
  EXTENSION_REASONS,
  FORM_WANTED_WEIGHTS,
  organisationName,
  personName,
  phoneNumber,
  REPLY_OUTCOME_WEIGHTS,
  requestText,
  residentIdNumber,
} from "./fake";
import { createRandom, type Random } from "@/lib/seeded-random";

export type AgencySpec = { code: string; name: string; parentCode?: string; weight: number };

/** The agency that holds the bulk of the rows: the worst case for every per-agency query. */
export const BIG_AGENCY: AgencySpec = { code: "jc-gov", name: "晋城市人民政府办公室", weight: 0 };

const OTHER_AGENCIES: AgencySpec[] = [
  { code: "jc-zrzy", name: "晋城市自然资源局", parentCode: "jc-gov", weight: 14 },
  { code: "jc-zjj", name: "晋城市住房和城乡建设局", parentCode: "jc-gov", weight: 12 },
  { code: "cq-gov", name: "晋城市城区人民政府", parentCode: "jc-gov", weight: 11 },
  { code: "zz-gov", name: "泽州县人民政府", parentCode: "jc-gov", weight: 10 },
  { code: "jc-sthj", name: "晋城市生态环境局", parentCode: "jc-gov", weight: 6 },
  { code: "gp-gov", name: "高平市人民政府", parentCode: "jc-gov", weight: 6 },
  { code: "jc-gaj", name: "晋城市公安局", parentCode: "jc-gov", weight: 5 },
  { code: "yc-gov", name: "阳城县人民政府", parentCode: "jc-gov", weight: 5 },
  { code: "jc-scjg", name: "晋城市市场监督管理局", parentCode: "jc-gov", weight: 4 },
  { code: "jc-czj", name: "晋城市财政局", parentCode: "jc-gov", weight: 4 },
  { code: "qs-gov", name: "沁水县人民政府", parentCode: "jc-gov", weight: 4 },
  { code: "lc-gov", name: "陵川县人民政府", parentCode: "jc-gov", weight: 3 },
  { code: "jc-rsj", name: "晋城市人力资源和社会保障局", parentCode: "jc-gov", weight: 3 },
  { code: "jc-jtj", name: "晋城市交通运输局", parentCode: "jc-gov", weight: 3 },
  { code: "jc-nyj", name: "晋城市农业农村局", parentCode: "jc-gov", weight: 2 },
  { code: "jc-jyj", name: "晋城市教育局", parentCode: "jc-gov", weight: 2 },
  { code: "jc-wjw", name: "晋城市卫生健康委员会", parentCode: "jc-gov", weight: 2 },
  { code: "jc-slj", name: "晋城市水务局", parentCode: "jc-gov", weight: 2 },
  { code: "jc-yjj", name: "晋城市应急管理局", parentCode: "jc-gov", weight: 1 },
];

export type DatasetOptions = { total: number; bigAgencyRows: number; seed: number };
export const DEFAULT_DATASET: DatasetOptions = { total: 200_000, bigAgencyRows: 180_000, seed: 20261129 };

/** Share of each receipt year (2026 up to today); requests grow year on year. */
const YEAR_WEIGHTS: Record<string, number> = { "2021": 12, "2022": 14, "2023": 16, "2024": 18, "2025": 20, "2026": 20 };

export type Clerk = { agencyId: number; userId: number; username: string; password: string };

export type GenerationStats = {
  options: DatasetOptions;
  applications: number;
  /** Full runs of the deadline engine (reply-only timelines share one run per receipt date). */
  engineEvaluations: number;
  /** Applications whose engine status differs from the fate the generator meant (should be 0). */
  intendedMismatches: number;
  seconds: { accounts: number; rows: number; total: number };
};

/** Working days as an array, so "the n-th working day after d" is one lookup (the engine still decides every stored value). */
class WorkingDays {
  private readonly days: IsoDate[] = [];
  private readonly upTo = new Map<IsoDate, number>();

  constructor(calendar: WorkingCalendar, from: IsoDate, to: IsoDate) {
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (calendar.isWorkingDay(date)) this.days.push(date);
      this.upTo.set(date, this.days.length);
    }
  }

  /** The n-th working day after `day` (n = 0: the day itself). */
  nth(day: IsoDate, n: number): IsoDate {
    if (n === 0) return day;
    const found = this.days[this.count(day) + n - 1];
    if (!found) throw new Error(`working-day table too short for ${day} + ${n}`);
    return found;
  }

  /** Working days after `from`, up to and including `to`. */
  between(from: IsoDate, to: IsoDate): number {
    return this.count(to) - this.count(from);
  }

  /** The last working day on or before `day`. */
  onOrBefore(day: IsoDate): IsoDate {
    const found = this.days[this.count(day) - 1];
    if (!found) throw new Error(`working-day table starts after ${day}`);
    return found;
  }

  isWorking(day: IsoDate): boolean {
    return this.count(day) !== this.count(addDays(day, -1));
  }

  private count(day: IsoDate): number {
    const n = this.upTo.get(day);
    if (n === undefined) throw new Error(`date outside the working-day table: ${day}`);
    return n;
  }
}

type EventDraft = { type: EventType; k: number; details: Record<string, unknown> };

type Draft = {
  channel: string;
  arrivedOn: IsoDate;
  receivedOn: IsoDate;
  receivedOnReason: string | null;
  applicantType: ApplicantType;
  applicantName: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  agentName: string | null;
  agentPhone: string | null;
  description: string;
  formWanted: string;
  notes: string | null;
  voided: boolean;
  intended: LedgerStatus;
  events: { type: EventType; occurredOn: IsoDate; details: Record<string, unknown> }[];
};

type Fate = "open" | "extension_pending" | "extended" | "consulting" | "awaiting_correction" | "awaiting_fee";
type Ending = "replied" | "extended_replied" | "consulted_replied" | "corrected_replied" | "correction_abandoned" | "fee_paid_replied" | "fee_abandoned";

const RECENT_FATES: Record<Fate, number> = { open: 74, extension_pending: 4, extended: 4, consulting: 8, awaiting_correction: 8, awaiting_fee: 2 };
const MID_FATES: Record<Fate, number> = { open: 15, extension_pending: 5, extended: 35, consulting: 25, awaiting_correction: 15, awaiting_fee: 5 };
const OLD_FATES: Record<Fate, number> = { open: 60, extension_pending: 0, extended: 0, consulting: 0, awaiting_correction: 40, awaiting_fee: 0 };
const ENDINGS: Record<Ending, number> = {
  replied: 90,
  extended_replied: 3.5,
  consulted_replied: 3,
  corrected_replied: 1.5,
  correction_abandoned: 1.5,
  fee_paid_replied: 0.3,
  fee_abandoned: 0.2,
};

const INTENDED: Record<Fate, LedgerStatus> = {
  open: "open",
  extension_pending: "open",
  extended: "extended",
  consulting: "consulting",
  awaiting_correction: "awaiting_correction",
  awaiting_fee: "awaiting_fee",
};

function feeDetails(random: Random): Record<string, unknown> {
  const pages = random.int(150, 900);
  const fee = computeFee({ method: "per_page", pages });
  return { method: "per_page", pages, amountYuan: fee.amount, feeExplanation: fee.explanation };
}

/**
 * The timeline of one application, in working days after receipt (k), never later than today
 * (`maxK` working days after receipt). Returns null when the chosen fate does not fit yet.
 */
function activeTimeline(random: Random, fate: Fate, maxK: number): EventDraft[] | null {
  switch (fate) {
    case "open":
      return [];
    case "extension_pending": {
      if (maxK < 10) return null;
      return [{ type: "extension_requested", k: random.int(10, Math.min(18, maxK)), details: { reason: random.pick(EXTENSION_REASONS) } }];
    }
    case "extended": {
      if (maxK < 13) return null;
      const requested = random.int(12, Math.min(18, maxK - 1));
      return [
        { type: "extension_requested", k: requested, details: { reason: random.pick(EXTENSION_REASONS) } },
        { type: "extension_approved", k: requested + 1, details: { notifiedOn: "@" } },
      ];
    }
    case "consulting": {
      if (maxK < 2) return null;
      return [{ type: "consultation_sent", k: random.int(2, Math.min(15, maxK)), details: { party: random.chance(0.7) ? "third_party" : "agency", addressee: random.pick(ADDRESSEES) } }];
    }
    case "awaiting_correction": {
      if (maxK < 1) return null;
      const k = random.int(1, Math.min(7, maxK));
      return [{ type: "correction_notice_sent", k, details: { correctBy: `+${k + 10}` } }];
    }
    case "awaiting_fee": {
      if (maxK < 5) return null;
      return [{ type: "fee_notice_sent", k: random.int(5, Math.min(18, maxK)), details: feeDetails(random) }];
    }
  }
}

function replied(random: Random, k: number): EventDraft {
  return { type: "replied", k, details: { outcome: random.weighted(REPLY_OUTCOME_WEIGHTS), delivery: random.weighted(DELIVERY_WEIGHTS) } };
}

function replyDay(random: Random, maxK: number): number {
  const roll = random.next();
  const k = roll < 0.01 ? 0 : roll < 0.1 ? random.int(1, 3) : roll < 0.975 ? random.int(3, 20) : random.int(21, 28);
  return Math.min(k, maxK);
}

function concludedTimeline(random: Random, ending: Ending, maxK: number): EventDraft[] | null {
  switch (ending) {
    case "replied":
      return [replied(random, replyDay(random, maxK))];
    case "extended_replied": {
      const requested = random.int(12, 18);
      const reply = random.int(requested + 2, 40);
      if (reply > maxK) return null;
      return [
        { type: "extension_requested", k: requested, details: { reason: random.pick(EXTENSION_REASONS) } },
        { type: "extension_approved", k: requested + 1, details: { notifiedOn: "@" } },
        replied(random, reply),
      ];
    }
    case "consulted_replied": {
      const sent = random.int(2, 10);
      const answered = sent + random.int(3, 15);
      const reply = answered + random.int(1, 10);
      if (reply > maxK) return null;
      return [
        { type: "consultation_sent", k: sent, details: { party: random.chance(0.7) ? "third_party" : "agency", addressee: random.pick(ADDRESSEES) } },
        { type: "consultation_answered", k: answered, details: { consultationId: "#0", lapsed: random.chance(0.15) } },
        replied(random, reply),
      ];
    }
    case "corrected_replied": {
      const notice = random.int(1, 7);
      const received = notice + random.int(2, 10);
      const reply = received + random.int(5, 20);
      if (reply > maxK) return null;
      return [
        { type: "correction_notice_sent", k: notice, details: { correctBy: `+${notice + 10}` } },
        { type: "correction_received", k: received, details: {} },
        replied(random, reply),
      ];
    }
    case "correction_abandoned": {
      const notice = random.int(1, 7);
      const abandoned = notice + random.int(11, 15);
      if (abandoned > maxK) return null;
      return [
        { type: "correction_notice_sent", k: notice, details: { correctBy: `+${notice + 10}` } },
        { type: "correction_abandoned", k: abandoned, details: {} },
      ];
    }
    case "fee_paid_replied": {
      const notice = random.int(5, 15);
      const paid = notice + random.int(2, 10);
      const reply = paid + random.int(1, 5);
      if (reply > maxK) return null;
      return [{ type: "fee_notice_sent", k: notice, details: feeDetails(random) }, { type: "fee_paid", k: paid, details: {} }, replied(random, reply)];
    }
    case "fee_abandoned": {
      const notice = random.int(5, 15);
      const abandoned = notice + random.int(21, 25);
      if (abandoned > maxK) return null;
      return [{ type: "fee_notice_sent", k: notice, details: feeDetails(random) }, { type: "fee_abandoned", k: abandoned, details: {} }];
    }
  }
}

/** Share of applications still running, by how many working days ago they arrived. */
function activeChance(elapsed: number): number {
  if (elapsed < 20) return 0.95 - 0.035 * elapsed;
  if (elapsed <= 60) return 0.1;
  return 0.008;
}

class Generator {
  private readonly datesByYear = new Map<number, IsoDate[]>();

  constructor(
    private readonly random: Random,
    private readonly days: WorkingDays,
    private readonly today: IsoDate,
  ) {
    for (const year of Object.keys(YEAR_WEIGHTS).map(Number)) {
      const dates: IsoDate[] = [];
      for (let date = `${year}-01-01`; date <= `${year}-12-31` && date <= today; date = addDays(date, 1)) dates.push(date);
      this.datesByYear.set(year, dates);
    }
  }

  /** Offices take paper and in-person requests on working days; online ones arrive any day. */
  private receipt(channel: string): { arrivedOn: IsoDate; receivedOn: IsoDate; reason: string | null } {
    const { random, days, today } = this;
    const dates = this.datesByYear.get(Number(random.weighted(YEAR_WEIGHTS)));
    if (!dates) throw new Error("no dates for year");
    let arrivedOn = random.pick(dates);
    const online = channel === "online" || channel === "email";
    if (!online && !days.isWorking(arrivedOn)) {
      const next = days.nth(arrivedOn, 1);
      arrivedOn = next <= today ? next : days.onOrBefore(arrivedOn);
    }
    if (online && !days.isWorking(arrivedOn)) {
      const confirmed = days.nth(arrivedOn, 1);
      if (confirmed <= today) return { arrivedOn, receivedOn: confirmed, reason: "休息日通过网络提交，于下一工作日与申请人确认" };
    }
    return { arrivedOn, receivedOn: arrivedOn, reason: null };
  }

  draft(): Draft {
    const { random, days, today } = this;
    const channel = random.weighted(CHANNEL_WEIGHTS);
    const { arrivedOn, receivedOn, reason } = this.receipt(channel);
    const applicantType = random.weighted(APPLICANT_TYPE_WEIGHTS);
    let applicantName: string;
    let idNumber: string | null = null;
    if (applicantType === "natural_person") {
      const person = personName(random);
      applicantName = person.name;
      if (random.chance(0.82)) idNumber = residentIdNumber(random, person.male);
    } else {
      applicantName = organisationName(random, applicantType);
      if (random.chance(0.9)) idNumber = creditCode(random, applicantType);
    }
    const hasAgent = applicantType !== "natural_person" || random.chance(0.05);
    const agent = hasAgent && random.chance(0.6) ? personName(random).name : null;

    const maxK = days.between(receivedOn, today);
    const voided = random.chance(0.002);
    let intended: LedgerStatus = "concluded";
    let timeline: EventDraft[] | null = null;
    if (voided) {
      intended = "voided";
      timeline = [];
    } else if (random.chance(activeChance(maxK))) {
      const fate = random.weighted(maxK < 20 ? RECENT_FATES : maxK <= 60 ? MID_FATES : OLD_FATES);
      timeline = activeTimeline(random, fate, maxK);
      intended = timeline ? INTENDED[fate] : "open";
      timeline ??= [];
    } else {
      timeline = concludedTimeline(random, random.weighted(ENDINGS), maxK);
      timeline ??= [replied(random, replyDay(random, maxK))];
    }

    const events = timeline.map((event) => {
      const occurredOn = days.nth(receivedOn, event.k);
      const details = { ...event.details };
      if (details.notifiedOn === "@") details.notifiedOn = occurredOn;
      if (typeof details.correctBy === "string" && details.correctBy.startsWith("+")) details.correctBy = days.nth(receivedOn, Number(details.correctBy.slice(1)));
      return { type: event.type, occurredOn, details };
    });

    return {
      channel,
      arrivedOn,
      receivedOn,
      receivedOnReason: reason,
      applicantType,
      applicantName,
      idNumber,
      phone: random.chance(0.95) ? phoneNumber(random) : null,
      address: random.chance(applicantType === "natural_person" ? 0.7 : 0.85) ? address(random) : null,
      agentName: agent,
      agentPhone: agent && random.chance(0.8) ? phoneNumber(random) : null,
      description: requestText(random),
      formWanted: random.weighted(FORM_WANTED_WEIGHTS),
      notes: random.chance(0.05) ? random.pick(["申请人来电催问", "已电话告知申请人补正要求", "申请人要求邮寄送达", "同一申请人多次申请"]) : null,
      voided,
      intended,
      events,
    };
  }
}

function timestamp(date: IsoDate, random: Random): string {
  // Office hours in China (UTC+8): 08:30–17:30 local is 00:30–09:30 UTC.
  return `${date}T0${random.int(0, 9)}:${String(random.int(0, 59)).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}.000Z`;
}

/** Agencies and one clerk per agency, created through the data layer as the CLI does. */
async function createAccounts(specs: AgencySpec[]): Promise<Map<string, Clerk>> {
  const clerks = new Map<string, Clerk>();
  await withSource({ kind: "system" }, async () => {
    for (const spec of specs) await createAgency({ code: spec.code, name: spec.name, parentCode: spec.parentCode ?? "" });
    // Password hashing (scrypt) dominates; the thread pool runs the hashes side by side.
    const created = await Promise.all(
      specs.map((spec) =>
        createUser({ username: `clerk.${spec.code}`, displayName: `经办人（${spec.name}）`, role: "clerk", agencyCode: spec.code }, { mustChangePassword: false }),
      ),
    );
    specs.forEach((spec, i) => {
      const user = created[i];
      const agency = sqlite().prepare("select id from agencies where code = ?").get(spec.code) as { id: number } | undefined;
      if (!user || !agency) throw new Error(`account set-up failed for ${spec.code}`);
      clerks.set(spec.code, { agencyId: agency.id, userId: user.userId, username: user.username, password: user.password });
    });
  });
  return clerks;
}

function rowsPerAgency(options: DatasetOptions): Map<AgencySpec, number> {
  const counts = new Map<AgencySpec, number>([[BIG_AGENCY, options.bigAgencyRows]]);
  const rest = options.total - options.bigAgencyRows;
  const totalWeight = OTHER_AGENCIES.reduce((sum, spec) => sum + spec.weight, 0);
  let assigned = 0;
  OTHER_AGENCIES.forEach((spec, i) => {
    const n = i === OTHER_AGENCIES.length - 1 ? rest - assigned : Math.round((rest * spec.weight) / totalWeight);
    counts.set(spec, n);
    assigned += n;
  });
  return counts;
}

/**
 * Fills the (empty, migrated) database: agencies and clerks through the data layer, then the
 * applications, their events and their audit rows in bulk, one transaction per agency. Every stored
 * projection (status, reply_due_on, due_provisional, extension_pending, concluded_on, outcome) comes
 * from `evaluate` + `ledgerStatus`, exactly as `refreshProjection` writes it.
 */
export async function generateDataset(options: DatasetOptions, log: (line: string) => void): Promise<{ stats: GenerationStats; clerks: Map<string, Clerk> }> {
  const started = performance.now();
  const random = createRandom(options.seed);
  const today = todayInChina();
  const specs = [BIG_AGENCY, ...OTHER_AGENCIES];
  const clerks = await createAccounts(specs);
  const accountsDone = performance.now();
  log(`机构与经办人账户：${specs.length} 个（${((accountsDone - started) / 1000).toFixed(1)} s）`);

  const calendar = loadWorkingCalendar(db());
  const days = new WorkingDays(calendar, "2020-12-01", addDays(today, 400));
  const generator = new Generator(random, days, today);
  const connection = sqlite();
  const insertApplication = connection.prepare(`insert into applications (
      id, agency_id, receipt_year, serial, tracking_number, channel, arrived_on, received_on, received_on_reason,
      applicant_type, applicant_name, id_number, phone, address, agent_name, agent_phone, description, form_wanted, notes,
      voided_at, void_reason, status, reply_due_on, due_provisional, extension_pending, concluded_on, outcome,
      created_at, created_by, updated_at)
    values (@id, @agencyId, @receiptYear, @serial, @trackingNumber, @channel, @arrivedOn, @receivedOn, @receivedOnReason,
      @applicantType, @applicantName, @idNumber, @phone, @address, @agentName, @agentPhone, @description, @formWanted, @notes,
      @voidedAt, @voidReason, @status, @replyDueOn, @dueProvisional, @extensionPending, @concludedOn, @outcome,
      @createdAt, @createdBy, @updatedAt)`);
  const insertEvent = connection.prepare(
    `insert into application_events (id, application_id, type, occurred_on, details, corrects_event_id, withdrawn, correction_reason, recorded_at, recorded_by)
     values (?, ?, ?, ?, ?, null, 0, null, ?, ?)`,
  );
  const insertAudit = connection.prepare(
    `insert into audit_log (at, actor_user_id, actor_name, action, entity, entity_id, agency_id, before, after, detail) values (?, ?, ?, ?, 'application', ?, ?, null, ?, ?)`,
  );
  const firstId = (table: string) => ((connection.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n ?? 0) + 1;
  let nextApplicationId = firstId("applications");
  let nextEventId = firstId("application_events");

  const summary: GenerationStats = {
    options,
    applications: 0,
    engineEvaluations: 0,
    intendedMismatches: 0,
    seconds: { accounts: (accountsDone - started) / 1000, rows: 0, total: 0 },
  };

  // A reply-only timeline's deadline depends on the receipt date alone: the engine runs once per date,
  // and every 50th such application is evaluated again in full and compared.
  const replyOnly = new Map<IsoDate, { replyDueOn: string | null; dueProvisional: boolean }>();
  let replyOnlySeen = 0;

  const project = (row: ApplicationRow, events: StoredEvent[]) => {
    summary.engineEvaluations += 1;
    const { report, extensionPending } = evaluate(row, events, calendar, null);
    return {
      status: ledgerStatus(report, row.voidedAt !== null),
      replyDueOn: report.reply?.final.date ?? null,
      dueProvisional: report.reply?.final.provisional ?? false,
      extensionPending,
      concludedOn: report.conclusion?.date ?? null,
      outcome: report.conclusion?.outcome ?? null,
    };
  };

  for (const [spec, count] of rowsPerAgency(options)) {
    const clerk = clerks.get(spec.code);
    if (!clerk) throw new Error(`no clerk for ${spec.code}`);
    const big = spec === BIG_AGENCY;
    const drafts = Array.from({ length: count }, () => generator.draft());
    // Serial numbers follow the legal receipt date, gap-free per year, as registration gives them.
    const order = drafts.map((draft, i) => ({ draft, tie: i })).sort((a, b) => (a.draft.receivedOn < b.draft.receivedOn ? -1 : a.draft.receivedOn > b.draft.receivedOn ? 1 : a.tie - b.tie));
    const serials = new Map<number, number>();

    connection.transaction(() => {
      for (const { draft } of order) {
        const receiptYear = Number(draft.receivedOn.slice(0, 4));
        const serial = (serials.get(receiptYear) ?? 0) + 1;
        serials.set(receiptYear, serial);
        const id = nextApplicationId++;
        const createdAt = timestamp(draft.arrivedOn <= draft.receivedOn ? draft.receivedOn : draft.arrivedOn, random);
        const lastEvent = draft.events.at(-1);
        const row: ApplicationRow = {
          id,
          agencyId: clerk.agencyId,
          receiptYear,
          serial,
          trackingNumber: `${receiptYear}-${String(serial).padStart(4, "0")}`,
          externalNumber: null,
          channel: draft.channel,
          arrivedOn: draft.arrivedOn,
          receivedOn: draft.receivedOn,
          receivedOnReason: draft.receivedOnReason,
          applicantType: draft.applicantType,
          applicantName: draft.applicantName,
          idNumber: draft.idNumber,
          phone: draft.phone,
          address: draft.address,
          agentName: draft.agentName,
          agentPhone: draft.agentPhone,
          description: draft.description,
          formWanted: draft.formWanted,
          notes: draft.notes,
          voidedAt: draft.voided ? timestamp(draft.receivedOn, random) : null,
          voidReason: draft.voided ? "重复登记，作废" : null,
          status: "open",
          replyDueOn: null,
          dueProvisional: false,
          extensionPending: false,
          concludedOn: null,
          outcome: null,
          createdAt,
          createdBy: clerk.userId,
          updatedAt: lastEvent ? timestamp(lastEvent.occurredOn, random) : createdAt,
        };
        const stored: StoredEvent[] = [];
        for (const event of draft.events) {
          const eventId = nextEventId++;
          const details = { ...event.details };
          // A consultation's answer names the consultation by its first row's id.
          if (details.consultationId === "#0") details.consultationId = String(stored.find((e) => e.type === "consultation_sent")?.id);
          stored.push({ id: eventId, type: event.type, occurredOn: event.occurredOn, details, correctsEventId: null, withdrawn: false, correctionReason: null, recordedAt: timestamp(event.occurredOn, random), recordedBy: clerk.userId });
        }

        let projection: ReturnType<typeof project>;
        const only = stored.length === 1 ? stored[0] : undefined;
        if (only?.type === "replied" && !row.voidedAt) {
          replyOnlySeen += 1;
          const known = replyOnly.get(row.receivedOn);
          if (!known || replyOnlySeen % 50 === 0) {
            projection = project(row, stored);
            if (projection.concludedOn !== only.occurredOn || projection.outcome !== only.details.outcome || projection.status !== "concluded" || projection.extensionPending) {
              throw new Error(`engine disagrees with a reply-only timeline (${row.trackingNumber})`);
            }
            if (known && (known.replyDueOn !== projection.replyDueOn || known.dueProvisional !== projection.dueProvisional)) {
              throw new Error(`reply deadline depends on more than the receipt date (${row.trackingNumber})`);
            }
            replyOnly.set(row.receivedOn, { replyDueOn: projection.replyDueOn, dueProvisional: projection.dueProvisional });
          } else {
            projection = { ...known, status: "concluded", extensionPending: false, concludedOn: only.occurredOn, outcome: only.details.outcome as ReplyOutcome };
          }
        } else {
          projection = project(row, stored);
        }
        if (projection.status !== draft.intended) summary.intendedMismatches += 1;
        Object.assign(row, projection);

        insertApplication.run({ ...row, dueProvisional: row.dueProvisional ? 1 : 0, extensionPending: row.extensionPending ? 1 : 0 });
        insertAudit.run(
          createdAt,
          clerk.userId,
          clerk.username,
          "application.register",
          String(id),
          clerk.agencyId,
          JSON.stringify({ trackingNumber: row.trackingNumber, receivedOn: row.receivedOn, applicantType: row.applicantType, applicantName: maskApplicantName(row.applicantName, draft.applicantType) }),
          null,
        );
        for (const event of stored) {
          insertEvent.run(event.id, id, event.type, event.occurredOn, JSON.stringify(event.details), event.recordedAt, clerk.userId);
          insertAudit.run(event.recordedAt, clerk.userId, clerk.username, "application.event", String(id), clerk.agencyId, JSON.stringify({ event: { id: event.id, type: event.type, date: event.occurredOn } }), null);
        }
        if (row.voidedAt) insertAudit.run(row.voidedAt, clerk.userId, clerk.username, "application.void", String(id), clerk.agencyId, null, row.voidReason);

        summary.applications += 1;
      }
    })();
    if (big) log(`${spec.name}：${count} 件（${((performance.now() - accountsDone) / 1000).toFixed(1)} s）`);
  }
  connection.pragma("wal_checkpoint(TRUNCATE)");

  const finished = performance.now();
  summary.seconds.rows = (finished - accountsDone) / 1000;
  summary.seconds.total = (finished - started) / 1000;
  return { stats: summary, clerks };
}
