import { randomBytes } from "node:crypto";
import { chainUnhashedAuditEntries } from "@/db/audit-chain";
import { db, sqlite } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { addDays, todayInChina, type IsoDate, type WorkingCalendar } from "@/lib/calendar";
import { computeFee } from "@/lib/fees";
import type { ApplicantType } from "@/lib/identity";
import type { LedgerStatus } from "@/lib/ledger/codes";
import type { EventType, StoredEvent } from "@/lib/ledger/event-input";
import { maskApplicantName } from "@/lib/masking";
import type { Role } from "@/db/schema";
import { createAgency } from "@/lib/server/agencies";
import { withSource } from "@/lib/server/context";
import { publishReport, saveProactive, submitReport } from "@/lib/server/report-drafts";
import { createUser } from "@/lib/server/users";
// The bench writes its bulk data straight into the tables, so it needs the very same code the data layer
// runs for every row: the projection (`projectionOf`, as registration and import store it) and the search
// index's bulk fill. Nothing else may compute those columns.
import { projectionOf, type ApplicationRow } from "@/lib/server/internal/applications";
import { loadWorkingCalendar } from "@/lib/server/internal/calendar";
import { withSearchIndexDeferred } from "@/lib/server/internal/search-index";
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
import { BIG_AGENCY, sizeAgencies, type SizedAgency } from "./province";
import { createRandom, type Random } from "@/lib/seeded-random";

/**
 * The benchmark's data set (`npm run bench:data`, cli/bench/data.ts): a province's agencies with a realistic
 * ledger each, the accounts that work in them, and the annual reports they published. Agencies, the
 * accounts the benchmark signs in with, and every report go through the data layer; the applications, their
 * events and audit rows are bulk-inserted (the data layer would take hours for a million registrations),
 * with every stored projection computed by the data layer's own `projectionOf`.
 */

export type DatasetOptions = {
  seed: number;
  agencies: number;
  applications: number;
  /** Share of all applications in the big agency (`jc-gov`). */
  bigShare: number;
  /** Receipt years: this many, ending with the current one (which runs up to today). */
  years: number;
};

export const FULL_DATASET: DatasetOptions = { seed: 20261129, agencies: 500, applications: 1_000_000, bigShare: 0.15, years: 5 };
/** `--small`: the same shape, fifty times smaller, for CI and for checking the scripts. */
export const SMALL_DATASET: DatasetOptions = { seed: 20261129, agencies: 40, applications: 20_000, bigShare: 0.15, years: 5 };

/** Requests grow year on year; the rate is per day, so the current year gets its share up to today. */
const YEARLY_GROWTH = 0.12;
/** A reply whose outcome was entered wrong and corrected with a reason. */
const CORRECTED_REPLY_SHARE = 0.004;
/** Every 500th report is published a second time as a correction (更正) of the first. */
const CORRECTED_REPORT_EVERY = 500;

export type BenchAccount = { username: string; password: string; role: Role; agencyCode: string | null; agencyName: string | null; agencyRows: number | null };

export type GenerationStats = {
  options: DatasetOptions;
  today: IsoDate;
  years: number[];
  applications: number;
  events: number;
  correctedEvents: number;
  staffAccounts: number;
  reports: { published: number; corrections: number; refused: string[] };
  /** Applications whose engine status differs from the fate the generator meant (should be 0). */
  intendedMismatches: number;
  seconds: { agencies: number; accounts: number; rows: number; searchIndex: number; auditChain: number; reports: number; total: number };
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
  /** The reply's outcome was entered wrong and corrected afterwards (更正, with a reason): the outcome in force. */
  correctedOutcome: string | null;
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
  constructor(
    private readonly random: Random,
    private readonly days: WorkingDays,
    private readonly today: IsoDate,
  ) {}

  /** Offices take paper and in-person requests on working days; online ones arrive any day. */
  private receipt(channel: string, dates: readonly IsoDate[]): { arrivedOn: IsoDate; receivedOn: IsoDate; reason: string | null } {
    const { random, days, today } = this;
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

  /** One application that arrived on one of `dates` (a month of the calendar). */
  draft(dates: readonly IsoDate[]): Draft {
    const { random, days, today } = this;
    const channel = random.weighted(CHANNEL_WEIGHTS);
    const { arrivedOn, receivedOn, reason } = this.receipt(channel, dates);
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
      correctedOutcome: events.at(-1)?.type === "replied" && random.chance(CORRECTED_REPLY_SHARE) ? random.weighted(REPLY_OUTCOME_WEIGHTS) : null,
    };
  }
}

function timestamp(date: IsoDate, random: Random): string {
  // Office hours in China (UTC+8): 08:30–17:30 local is 00:30–09:30 UTC.
  return `${date}T0${random.int(0, 9)}:${String(random.int(0, 59)).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}.000Z`;
}

/** Each agency's rows over the months of the receipt years, in proportion to the days and the year's rate (exact totals). */
function monthlyPlan(agencies: readonly SizedAgency[], years: readonly number[], today: IsoDate): { dates: IsoDate[]; counts: number[] }[] {
  const months: { dates: IsoDate[]; weight: number }[] = [];
  for (const year of years) {
    const rate = 1 + YEARLY_GROWTH * (year - (years[0] ?? year));
    for (let month = 1; month <= 12; month++) {
      const dates: IsoDate[] = [];
      for (let date = `${year}-${String(month).padStart(2, "0")}-01`; date.startsWith(`${year}-${String(month).padStart(2, "0")}`) && date <= today; date = addDays(date, 1)) dates.push(date);
      if (dates.length > 0) months.push({ dates, weight: dates.length * rate });
    }
  }
  const weightSum = months.reduce((sum, month) => sum + month.weight, 0);
  const counts = months.map(() => new Array<number>(agencies.length).fill(0));
  agencies.forEach((agency, a) => {
    const exact = months.map((month) => (agency.rows * month.weight) / weightSum);
    const floors = exact.map(Math.floor);
    let left = agency.rows - floors.reduce((sum, n) => sum + n, 0);
    const order = exact.map((value, m) => ({ m, remainder: value - Math.floor(value) })).sort((x, y) => y.remainder - x.remainder || x.m - y.m);
    for (const { m } of order) {
      if (left === 0) break;
      floors[m] = (floors[m] ?? 0) + 1;
      left -= 1;
    }
    floors.forEach((n, m) => {
      const row = counts[m];
      if (row) row[a] = n;
    });
  });
  return months.map((month, m) => ({ dates: month.dates, counts: counts[m] ?? [] }));
}

/**
 * A password hash in the stored format that matches no password anyone knows: the bulk accounts exist (the
 * admin's lists, the audit trail) but cannot sign in, and cost no scrypt run each.
 */
function unusableHash(template: string): string {
  const [scheme, n, r, p, salt, key] = template.split("$");
  if (!scheme || !salt || !key) throw new Error("unexpected password hash format");
  return [scheme, n, r, p, randomBytes(Buffer.from(salt, "base64").length).toString("base64"), randomBytes(Buffer.from(key, "base64").length).toString("base64")].join("$");
}

type Staff = { agencyId: number; clerkId: number; clerkName: string };

/**
 * The accounts: through the data layer (`createUser`, real passwords) those the benchmark signs in with — an
 * admin, an auditor, the big agency's clerk and reviewer, and the clerks of the second largest, a middling
 * and the smallest agency; in bulk one clerk and one reviewer for every other agency.
 */
async function createAccounts(agencies: readonly SizedAgency[], agencyIds: ReadonlyMap<string, number>): Promise<{ accounts: BenchAccount[]; staff: Map<string, Staff>; bulk: number }> {
  const bySize = [...agencies].sort((a, b) => b.rows - a.rows);
  const pickedAgencies = [bySize[0], bySize[1], bySize[Math.floor(bySize.length / 2)], bySize[bySize.length - 1]].filter((agency): agency is SizedAgency => agency !== undefined);
  const specs: { username: string; displayName: string; role: Role; agency: SizedAgency | null }[] = [
    { username: "admin.bench", displayName: "基准测试管理员", role: "admin", agency: null },
    { username: "auditor.bench", displayName: "基准测试审计员", role: "auditor", agency: null },
    ...[...new Set(pickedAgencies)].map((agency) => ({ username: `clerk.${agency.code}`, displayName: `经办人（${agency.name}）`, role: "clerk" as const, agency })),
    { username: `reviewer.${BIG_AGENCY.code}`, displayName: `审核人（${BIG_AGENCY.name}）`, role: "reviewer", agency: agencies.find((agency) => agency.code === BIG_AGENCY.code) ?? null },
  ];
  // scrypt dominates; the thread pool runs the hashes side by side.
  const created = await withSource({ kind: "system" }, () =>
    Promise.all(specs.map((spec) => createUser({ username: spec.username, displayName: spec.displayName, role: spec.role, agencyCode: spec.agency?.code ?? "" }, { mustChangePassword: false }))),
  );
  const accounts = specs.map((spec, i) => ({
    username: spec.username,
    password: created[i]?.password ?? "",
    role: spec.role,
    agencyCode: spec.agency?.code ?? null,
    agencyName: spec.agency?.name ?? null,
    agencyRows: spec.agency?.rows ?? null,
  }));

  const connection = sqlite();
  const template = await hashPassword(randomBytes(18).toString("base64"));
  const insertUser = connection.prepare(
    `insert into users (username, display_name, role, agency_id, password_hash, must_change_password, created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertAudit = connection.prepare(
    `insert into audit_log (at, actor_user_id, actor_name, action, entity, entity_id, agency_id, before, after, detail) values (?, null, 'system', 'user.create', 'user', ?, ?, null, ?, null)`,
  );
  const userId = connection.prepare("select id from users where username = ?").pluck();
  const staff = new Map<string, Staff>();
  let bulk = 0;
  connection.transaction(() => {
    const now = new Date().toISOString();
    for (const agency of agencies) {
      const agencyId = agencyIds.get(agency.code);
      if (agencyId === undefined) throw new Error(`agency ${agency.code} missing`);
      for (const role of ["clerk", "reviewer"] as const) {
        const username = `${role}.${agency.code}`;
        if (userId.get(username) !== undefined) continue;
        const displayName = `${role === "clerk" ? "经办人" : "审核人"}（${agency.name}）`;
        const id = Number(insertUser.run(username, displayName, role, agencyId, unusableHash(template), now, now).lastInsertRowid);
        insertAudit.run(now, String(id), agencyId, JSON.stringify({ id, username, displayName, role, agencyId }));
        bulk += 1;
      }
      const clerkName = `clerk.${agency.code}`;
      staff.set(agency.code, { agencyId, clerkId: Number(userId.get(clerkName)), clerkName });
    }
  })();
  // The bulk entries join the audit hash chain before the data layer appends to it again.
  chainUnhashedAuditEntries(connection);
  return { accounts, staff, bulk };
}

/** Table 二 of each finished year, as a clerk types it, and the report submitted and published. */
async function publishReports(agencies: readonly SizedAgency[], years: readonly number[], random: Random, log: (line: string) => void): Promise<GenerationStats["reports"]> {
  const result: GenerationStats["reports"] = { published: 0, corrections: 0, refused: [] };
  const finished = years.filter((year) => year < Number(todayInChina().slice(0, 4)));
  await withSource({ kind: "system" }, async () => {
    for (const [index, agency] of agencies.entries()) {
      const options = { agencyCode: agency.code };
      let inForce = random.int(5, 60);
      for (const year of finished) {
        const issued = random.int(0, 8);
        const abolished = random.int(0, Math.min(3, inForce));
        inForce += issued - abolished;
        try {
          await saveProactive(
            {
              year,
              regulationsIssued: 0,
              regulationsAbolished: 0,
              regulationsInForce: 0,
              normativeDocumentsIssued: issued,
              normativeDocumentsAbolished: abolished,
              normativeDocumentsInForce: inForce,
              licensing: random.int(0, 400),
              penalties: random.int(0, 120),
              enforcement: random.int(0, 10),
              feesTenThousandYuan: 0,
            },
            options,
          );
          await submitReport({ year }, options);
          await publishReport({ year }, options);
          result.published += 1;
          if ((result.published + result.corrections) % CORRECTED_REPORT_EVERY === 0) {
            await publishReport({ year, correctionNote: "更正第一部分总体情况中的文字表述。" }, options);
            result.corrections += 1;
          }
        } catch (error) {
          result.refused.push(`${agency.code}/${year}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if ((index + 1) % 100 === 0) log(`  年度报告：${index + 1}/${agencies.length} 个机构`);
    }
  });
  return result;
}

/**
 * Fills an empty, migrated database (the data layer's connection, GONGKAI_DB). Returns what it made and the
 * accounts with their passwords, for the caller to keep beside the database.
 */
export async function generateDataset(options: DatasetOptions, log: (line: string) => void): Promise<{ stats: GenerationStats; accounts: BenchAccount[] }> {
  const started = performance.now();
  const random = createRandom(options.seed);
  const today = todayInChina();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: options.years }, (_, i) => thisYear - options.years + 1 + i);
  const agencies = sizeAgencies(random, options.agencies, options.applications, options.bigShare);
  const connection = sqlite();
  // A throw-away file being filled: no fsync per transaction (restored to FULL, as the app runs it, at the end).
  connection.pragma("synchronous = OFF");

  await withSource({ kind: "system" }, async () => {
    for (const agency of agencies) await createAgency({ code: agency.code, name: agency.name, parentCode: agency.parentCode ?? "" });
  });
  const agencyIds = new Map((connection.prepare("select code, id from agencies").all() as { code: string; id: number }[]).map((row) => [row.code, row.id]));
  const agenciesDone = performance.now();
  log(`机构：${agencies.length} 个（${((agenciesDone - started) / 1000).toFixed(1)} s）`);

  const { accounts, staff, bulk } = await createAccounts(agencies, agencyIds);
  const accountsDone = performance.now();
  log(`账户：${accounts.length} 个可登录的基准账户，另 ${bulk} 个经办人和审核人（${((accountsDone - agenciesDone) / 1000).toFixed(1)} s）`);

  const calendar = loadWorkingCalendar(db());
  const days = new WorkingDays(calendar, addDays(`${years[0]}-01-01`, -40), addDays(today, 400));
  const generator = new Generator(random, days, today);
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
     values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const insertAudit = connection.prepare(
    `insert into audit_log (at, actor_user_id, actor_name, action, entity, entity_id, agency_id, before, after, detail) values (?, ?, ?, ?, 'application', ?, ?, ?, ?, ?)`,
  );
  const firstId = (table: string) => ((connection.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n ?? 0) + 1;
  let nextApplicationId = firstId("applications");
  let nextEventId = firstId("application_events");

  const stats: GenerationStats = {
    options,
    today,
    years,
    applications: 0,
    events: 0,
    correctedEvents: 0,
    staffAccounts: accounts.length + bulk,
    reports: { published: 0, corrections: 0, refused: [] },
    intendedMismatches: 0,
    seconds: { agencies: (agenciesDone - started) / 1000, accounts: (accountsDone - agenciesDone) / 1000, rows: 0, searchIndex: 0, auditChain: 0, reports: 0, total: 0 },
  };
  const serials = new Map<string, number>();

  const insertOne = (agency: SizedAgency, draft: Draft) => {
    const clerk = staff.get(agency.code);
    if (!clerk) throw new Error(`no clerk for ${agency.code}`);
    const receiptYear = Number(draft.receivedOn.slice(0, 4));
    // Serial numbers follow the legal receipt date, gap-free per agency and year, as registration gives them.
    const serialKey = `${clerk.agencyId}/${receiptYear}`;
    const serial = (serials.get(serialKey) ?? 0) + 1;
    serials.set(serialKey, serial);
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
      createdBy: clerk.clerkId,
      updatedAt: lastEvent ? timestamp(lastEvent.occurredOn, random) : createdAt,
    };
    const stored: StoredEvent[] = [];
    for (const event of draft.events) {
      const details = { ...event.details };
      // A consultation's answer names the consultation by its first row's id.
      if (details.consultationId === "#0") details.consultationId = String(stored.find((e) => e.type === "consultation_sent")?.id);
      stored.push({ id: nextEventId++, type: event.type, occurredOn: event.occurredOn, details, correctsEventId: null, withdrawn: false, correctionReason: null, recordedAt: timestamp(event.occurredOn, random), recordedBy: clerk.clerkId });
    }
    const reply = stored.at(-1);
    if (draft.correctedOutcome && reply?.type === "replied") {
      const noticed = addDays(reply.occurredOn, random.int(1, 20));
      const recordedAt = timestamp(noticed > today ? today : noticed, random);
      stored.push({ ...reply, id: nextEventId++, details: { ...reply.details, outcome: draft.correctedOutcome }, correctsEventId: reply.id, correctionReason: "答复结果登记有误，予以更正", recordedAt });
      stats.correctedEvents += 1;
    }

    Object.assign(row, projectionOf(row, stored, calendar));
    if (row.status !== draft.intended) stats.intendedMismatches += 1;

    insertApplication.run({ ...row, dueProvisional: row.dueProvisional ? 1 : 0, extensionPending: row.extensionPending ? 1 : 0 });
    const audit = (at: string, action: string, before: unknown, after: unknown, detail: string | null) =>
      insertAudit.run(at, clerk.clerkId, clerk.clerkName, action, String(id), clerk.agencyId, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after), detail);
    audit(createdAt, "application.register", null, { trackingNumber: row.trackingNumber, receivedOn: row.receivedOn, applicantType: row.applicantType, applicantName: maskApplicantName(row.applicantName, draft.applicantType) }, null);
    for (const event of stored) {
      insertEvent.run(event.id, id, event.type, event.occurredOn, JSON.stringify(event.details), event.correctsEventId, event.correctionReason, event.recordedAt, clerk.clerkId);
      if (event.correctsEventId === null) audit(event.recordedAt, "application.event", null, { event: { id: event.id, type: event.type, date: event.occurredOn } }, null);
      else audit(event.recordedAt, "application.event_correct", { event: { id: event.correctsEventId } }, { event: { id: event.id, type: event.type, date: event.occurredOn } }, event.correctionReason);
    }
    if (row.voidedAt) audit(row.voidedAt, "application.void", null, null, row.voidReason);
    stats.applications += 1;
    stats.events += stored.length;
  };

  // Month by month, every agency's applications of the month in receipt order: ids interleave the agencies
  // as they would in a shared database, so one agency's rows are spread over the whole table.
  const plan = monthlyPlan(agencies, years, today);
  let rowsDone = 0;
  withSearchIndexDeferred(db(), () => {
    for (const month of plan) {
      const drafts: { agency: SizedAgency; draft: Draft; tie: number }[] = [];
      month.counts.forEach((count, a) => {
        const agency = agencies[a];
        if (!agency) return;
        for (let i = 0; i < count; i++) drafts.push({ agency, draft: generator.draft(month.dates), tie: random.next() });
      });
      drafts.sort((x, y) => (x.draft.receivedOn < y.draft.receivedOn ? -1 : x.draft.receivedOn > y.draft.receivedOn ? 1 : x.tie - y.tie));
      connection.transaction(() => {
        for (const { agency, draft } of drafts) insertOne(agency, draft);
      })();
      if (month.dates[0]?.endsWith("-12-01") || month === plan.at(-1)) log(`  ${month.dates[0]?.slice(0, 4)} 年底：${stats.applications} 件（${((performance.now() - accountsDone) / 1000).toFixed(1)} s）`);
    }
    rowsDone = performance.now();
  });
  const indexDone = performance.now();
  stats.seconds.rows = (rowsDone - accountsDone) / 1000;
  stats.seconds.searchIndex = (indexDone - rowsDone) / 1000;
  log(`检索索引：一条语句 ${stats.seconds.searchIndex.toFixed(1)} s`);
  // The applications' audit entries were written around `recordAudit`: chain them (db/audit-chain.ts), as
  // the app would have, before the reports' entries are appended through it.
  const chained = chainUnhashedAuditEntries(connection);
  const chainDone = performance.now();
  stats.seconds.auditChain = (chainDone - indexDone) / 1000;
  log(`审计哈希链：${chained} 条（${stats.seconds.auditChain.toFixed(1)} s）`);

  stats.reports = await publishReports(agencies, years, random, log);
  stats.seconds.reports = (performance.now() - chainDone) / 1000;
  log(`年度报告：发布 ${stats.reports.published} 份，更正 ${stats.reports.corrections} 份，被拒 ${stats.reports.refused.length} 份（${stats.seconds.reports.toFixed(1)} s）`);

  connection.pragma("synchronous = FULL");
  connection.pragma("wal_checkpoint(TRUNCATE)");
  stats.seconds.total = (performance.now() - started) / 1000;
  return { stats, accounts };
}
