import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db, writeTransaction, type Db } from "@/db/client";
import { agencies, applicationEvents, applications, users } from "@/db/schema";
import { todayInChina } from "@/lib/calendar";
import { computeFee } from "@/lib/fees";
import { ACTIVE_STATUSES, LEDGER_STATUSES, type LedgerStatus } from "@/lib/ledger/codes";
import { eventCorrectionSchema, eventInputSchema, voidSchema, type EventInput } from "@/lib/ledger/event-input";
import { ledgerFilterSchema, LEDGER_PAGE_SIZE, type LedgerFilter } from "@/lib/ledger/list-filter";
import { registrationSchema } from "@/lib/ledger/registration";
import { allowedEventTypes, refuseEvent } from "@/lib/ledger/rules";
import { maskApplicantName, maskIdNumber, maskPhone } from "@/lib/masking";
import type { ApplicantType } from "@/lib/identity";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";
import { loadWorkingCalendar } from "./internal/calendar";
import { eventContext, evaluate, findScopedApplication, refreshProjection, storedEvents, type ApplicationRow } from "./internal/applications";
import { auditView, insertApplication, TrackingNumbers } from "./internal/application-insert";
import { filterConditions } from "./internal/ledger-filter";
import { z } from "zod";

/** The agency a caller works in: a clerk's or reviewer's own; the system names one. */
async function staffScope(options: { agencyCode?: string } = {}): Promise<{ actor: Actor; agencyId: number; role: "clerk" | "reviewer" }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  if (actor.kind === "user") {
    if (actor.agencyId === null || (actor.role !== "clerk" && actor.role !== "reviewer")) deny("forbidden");
    return { actor, agencyId: actor.agencyId, role: actor.role };
  }
  const agency = options.agencyCode ? db().select({ id: agencies.id }).from(agencies).where(eq(agencies.code, options.agencyCode)).get() : undefined;
  if (!agency) throw new InputError({ agency: "机构不存在" });
  // The system acts with a reviewer's powers, so imports can carry approvals.
  return { actor, agencyId: agency.id, role: "reviewer" };
}

const idSchema = z.coerce.number().int().positive();

function scopedApplication(tx: Db, rawId: unknown, agencyId: number): ApplicationRow {
  const id = idSchema.safeParse(rawId);
  const application = id.success ? findScopedApplication(tx, id.data, agencyId) : undefined;
  // Another agency's application answers exactly as a missing one.
  if (!application) deny("not_found");
  return application;
}

function reload(tx: Db, id: number): ApplicationRow {
  const row = tx.select().from(applications).where(eq(applications.id, id)).get();
  if (!row) throw new Error("application vanished inside its own transaction");
  return row;
}

export type RegisterResult = { id: number; trackingNumber: string };

/** Registers an application and gives it the next gap-free tracking number of its agency and year. */
export async function registerApplication(raw: unknown, options: { agencyCode?: string } = {}): Promise<RegisterResult> {
  const { actor, agencyId } = await staffScope(options);
  const input = registrationSchema().parse(raw);
  return writeTransaction((tx) =>
    insertApplication(
      { tx, agencyId, actor, calendar: loadWorkingCalendar(tx), numbers: new TrackingNumbers(tx, agencyId), now: new Date().toISOString(), audit: true },
      { registration: input },
    ),
  );
}

const registrationChangeSchema = z.object({
  changeReason: z.string({ error: "请填写修改理由" }).trim().min(2, { error: "请填写修改理由" }).max(500),
});

/** Corrects the registration itself (a typo in a name, a wrong date), always with a reason. */
export async function updateRegistration(rawId: unknown, raw: unknown): Promise<void> {
  const { actor, agencyId } = await staffScope();
  const input = registrationSchema().parse(raw);
  const { changeReason } = registrationChangeSchema.parse(raw);
  writeTransaction((tx) => {
    const application = scopedApplication(tx, rawId, agencyId);
    if (application.voidedAt) throw new InputError({ _form: "申请已作废，不能修改" });
    const firstEvent = storedEvents(tx, application.id).reduce<string | null>((min, event) => (min === null || event.occurredOn < min ? event.occurredOn : min), null);
    if (firstEvent && input.receivedOn > firstEvent) throw new InputError({ receivedOn: `收到申请日期不能晚于已记录的办理事项（${firstEvent}）` });
    if (Number(input.receivedOn.slice(0, 4)) !== application.receiptYear) {
      throw new InputError({ receivedOn: "不能把收到申请日期改到另一年：编号按年编排。请作废后重新登记" });
    }
    tx.update(applications).set({ ...input, updatedAt: new Date().toISOString() }).where(eq(applications.id, application.id)).run();
    refreshProjection(tx, reload(tx, application.id), loadWorkingCalendar(tx));
    recordAudit(tx, actor, {
      action: "application.update",
      entity: "application",
      entityId: application.id,
      agencyId,
      before: auditView(application),
      after: auditView(reload(tx, application.id)),
      detail: changeReason,
    });
  });
}

/** Staff-typed event plus what only the server decides (the fee per 109号). */
function eventDetails(tx: Db, application: ApplicationRow, event: EventInput): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...event };
  delete fields.type;
  delete fields.date;
  if (event.type !== "fee_notice_sent") return fields;
  const fee =
    event.method === "per_page"
      ? computeFee({ method: "per_page", pages: event.pages })
      : computeFee({ method: "per_application", applications: 1, earlierInMonth: applicationsEarlierInMonth(tx, application) });
  return { ...fields, amountYuan: fee.amount, feeExplanation: fee.explanation };
}

/** Applications by the same applicant received earlier in the same calendar month (109号 counts per month). */
function applicationsEarlierInMonth(tx: Db, application: ApplicationRow): number {
  const month = application.receivedOn.slice(0, 7);
  const sameApplicant = application.idNumber
    ? eq(applications.idNumber, application.idNumber)
    : eq(applications.applicantName, application.applicantName);
  const row = tx
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.agencyId, application.agencyId),
        sameApplicant,
        isNull(applications.voidedAt),
        gte(applications.receivedOn, `${month}-01`),
        lte(applications.receivedOn, `${month}-31`),
        or(lt(applications.receivedOn, application.receivedOn), and(eq(applications.receivedOn, application.receivedOn), lt(applications.id, application.id))),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** Records one event on the timeline, if the state allows it now. */
export async function recordEvent(rawId: unknown, raw: unknown): Promise<void> {
  const { actor, agencyId, role } = await staffScope();
  const event = eventInputSchema.parse(raw);
  const today = todayInChina();
  writeTransaction((tx) => {
    const application = scopedApplication(tx, rawId, agencyId);
    const calendar = loadWorkingCalendar(tx);
    const evaluated = evaluate(application, storedEvents(tx, application.id), calendar, today);
    const refusal = refuseEvent(event, eventContext(application, evaluated, role, today));
    if (refusal) throw new InputError({ [refusal.field]: refusal.message });
    const details = eventDetails(tx, application, event);
    const inserted = tx
      .insert(applicationEvents)
      .values({
        applicationId: application.id,
        type: event.type,
        occurredOn: event.date,
        details: JSON.stringify(details),
        recordedAt: new Date().toISOString(),
        recordedBy: actor.kind === "user" ? actor.userId : null,
      })
      .returning({ id: applicationEvents.id })
      .get();
    refreshProjection(tx, application, calendar);
    recordAudit(tx, actor, {
      action: "application.event",
      entity: "application",
      entityId: application.id,
      agencyId,
      before: auditView(application),
      after: { ...auditView(reload(tx, application.id)), event: { id: inserted.id, type: event.type, date: event.date } },
    });
  });
}

/**
 * Corrects an event already recorded: a new row names the one it replaces and why, or withdraws it.
 * The old row stays. Allowed after conclusion too: that is how a wrong reply date is put right.
 */
export async function correctEvent(rawId: unknown, raw: unknown): Promise<void> {
  const { actor, agencyId, role } = await staffScope();
  const correction = eventCorrectionSchema.parse(raw);
  const replacement = correction.withdraw ? null : eventInputSchema.parse(raw);
  const today = todayInChina();
  writeTransaction((tx) => {
    const application = scopedApplication(tx, rawId, agencyId);
    if (application.voidedAt) throw new InputError({ _form: "申请已作废，不能更正" });
    const rows = storedEvents(tx, application.id);
    const target = rows.find((row) => row.id === correction.correctsEventId);
    if (!target) throw new InputError({ _form: "要更正的记录不存在" });
    if (rows.some((row) => row.correctsEventId === target.id)) throw new InputError({ _form: "这条记录已被更正过，请更正最新的一条" });
    if (replacement && replacement.type !== target.type) throw new InputError({ type: "更正时不能改变事项类型；请撤销后另行记录" });
    if (target.type === "extension_approved" && role !== "reviewer") throw new InputError({ _form: "只有审核人可以更正延期批准" });
    if (replacement) {
      if (replacement.date < application.receivedOn) throw new InputError({ date: `日期不能早于收到申请之日 ${application.receivedOn}` });
      if (replacement.date > today) throw new InputError({ date: "日期不能晚于今天" });
    }
    tx.insert(applicationEvents)
      .values({
        applicationId: application.id,
        type: target.type,
        occurredOn: replacement?.date ?? target.occurredOn,
        details: JSON.stringify(replacement ? eventDetails(tx, application, replacement) : target.details),
        correctsEventId: target.id,
        withdrawn: correction.withdraw,
        correctionReason: correction.correctionReason,
        recordedAt: new Date().toISOString(),
        recordedBy: actor.kind === "user" ? actor.userId : null,
      })
      .run();
    const calendar = loadWorkingCalendar(tx);
    // The corrected timeline must still make sense as a whole; the engine refuses impossible ones.
    try {
      evaluate(application, storedEvents(tx, application.id), calendar, today);
    } catch {
      throw new InputError({ _form: "更正后的办理记录前后矛盾，请检查日期" });
    }
    refreshProjection(tx, application, calendar);
    recordAudit(tx, actor, {
      action: "application.event_correct",
      entity: "application",
      entityId: application.id,
      agencyId,
      before: { ...auditView(application), event: { id: target.id, type: target.type, date: target.occurredOn, details: target.details } },
      after: { ...auditView(reload(tx, application.id)), withdrawn: correction.withdraw, event: replacement ? { type: replacement.type, date: replacement.date } : null },
      detail: correction.correctionReason,
    });
  });
}

/** An application entered by mistake: kept, marked void with a reason, left out of every report. */
export async function voidApplication(rawId: unknown, raw: unknown): Promise<void> {
  const { actor, agencyId } = await staffScope();
  const { reason } = voidSchema.parse(raw);
  writeTransaction((tx) => {
    const application = scopedApplication(tx, rawId, agencyId);
    if (application.voidedAt) throw new InputError({ _form: "申请已作废" });
    tx.update(applications).set({ voidedAt: new Date().toISOString(), voidReason: reason, status: "voided" }).where(eq(applications.id, application.id)).run();
    recordAudit(tx, actor, { action: "application.void", entity: "application", entityId: application.id, agencyId, before: auditView(application), after: auditView(reload(tx, application.id)), detail: reason });
  });
}

export type LedgerRow = {
  id: number;
  trackingNumber: string;
  receivedOn: string;
  applicantType: string;
  applicantName: string;
  idNumber: string | null;
  phone: string | null;
  description: string;
  status: LedgerStatus;
  replyDueOn: string | null;
  dueProvisional: boolean;
  outcome: string | null;
  concludedOn: string | null;
};

export type LedgerPage = {
  filter: LedgerFilter;
  rows: LedgerRow[];
  total: number;
  statusCounts: Record<LedgerStatus, number>;
  today: string;
};

const ORDER = {
  received_desc: [desc(applications.receivedOn), desc(applications.id)],
  received_asc: [asc(applications.receivedOn), asc(applications.id)],
  due_asc: [sql`${applications.replyDueOn} is null`, asc(applications.replyDueOn), asc(applications.id)],
  tracking_desc: [desc(applications.receiptYear), desc(applications.serial)],
} as const;

/** The agency's ledger, filtered, sorted and paginated; personal data masked. */
export async function listApplications(raw: unknown): Promise<LedgerPage> {
  const { agencyId } = await staffScope();
  const filter = ledgerFilterSchema.parse(raw);
  const today = todayInChina();
  const dueLimit = filter.dueWithin === undefined ? null : loadWorkingCalendar(db()).addWorkingDays(today, filter.dueWithin).date;
  const base = filterConditions(filter, agencyId, today, dueLimit);
  const where = and(...base, filter.status ? eq(applications.status, filter.status) : undefined);

  const counted = db().select({ status: applications.status, n: count() }).from(applications).where(and(...base)).groupBy(applications.status).all();
  const statusCounts = Object.fromEntries(LEDGER_STATUSES.map((status) => [status, 0])) as Record<LedgerStatus, number>;
  for (const row of counted) statusCounts[row.status as LedgerStatus] = row.n;
  const total = filter.status ? statusCounts[filter.status] : counted.reduce((sum, row) => sum + row.n, 0);

  const rows = db()
    .select({
      id: applications.id,
      trackingNumber: applications.trackingNumber,
      receivedOn: applications.receivedOn,
      applicantType: applications.applicantType,
      applicantName: applications.applicantName,
      idNumber: applications.idNumber,
      phone: applications.phone,
      description: applications.description,
      status: applications.status,
      replyDueOn: applications.replyDueOn,
      dueProvisional: applications.dueProvisional,
      outcome: applications.outcome,
      concludedOn: applications.concludedOn,
    })
    .from(applications)
    .where(where)
    .orderBy(...ORDER[filter.sort])
    .limit(LEDGER_PAGE_SIZE)
    .offset((filter.page - 1) * LEDGER_PAGE_SIZE)
    .all();

  return {
    filter,
    total,
    statusCounts,
    today,
    rows: rows.map((row) => ({
      ...row,
      status: row.status as LedgerStatus,
      applicantName: maskApplicantName(row.applicantName, row.applicantType as ApplicantType),
      idNumber: row.idNumber ? maskIdNumber(row.idNumber) : null,
      phone: row.phone ? maskPhone(row.phone) : null,
      description: row.description.length > 60 ? `${row.description.slice(0, 60)}…` : row.description,
    })),
  };
}

/** One application in full, for the staff of its agency: fields, timeline, deadlines and what may be done next. */
export async function getApplication(rawId: unknown) {
  const { agencyId, role } = await staffScope();
  const today = todayInChina();
  const tx = db();
  const application = scopedApplication(tx, rawId, agencyId);
  const rows = storedEvents(tx, application.id);
  const evaluated = evaluate(application, rows, loadWorkingCalendar(tx), today);
  const context = eventContext(application, evaluated, role, today);
  return {
    application,
    events: rows,
    recorders: recorderNames(tx, [application.createdBy, ...rows.map((row) => row.recordedBy)]),
    inForce: evaluated.inForce,
    report: evaluated.report,
    pendingConsultations: evaluated.pendingConsultations,
    allowed: allowedEventTypes(context),
    role,
    today,
  };
}
export type ApplicationDetail = Awaited<ReturnType<typeof getApplication>>;

/** Who registered the application and recorded each event, by name; a missing id means the system (an import or the CLI). */
function recorderNames(tx: Db, ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted)).all();
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

export type WorkbenchCounts = {
  overdue: number;
  dueSoon: number;
  awaitingCorrection: number;
  consulting: number;
  extensionPending: number;
  active: number;
};

/** The staff home's counts, each matching a filter of the list. */
export async function workbenchCounts(): Promise<WorkbenchCounts & { dueSoonLimit: string }> {
  const { agencyId } = await staffScope();
  const today = todayInChina();
  const dueSoonLimit = loadWorkingCalendar(db()).addWorkingDays(today, 3).date;
  const active = and(eq(applications.agencyId, agencyId), inArray(applications.status, [...ACTIVE_STATUSES]));
  const row = db()
    .select({
      active: count(),
      overdue: sql<number>`coalesce(sum(case when ${applications.replyDueOn} < ${today} then 1 else 0 end), 0)`,
      dueSoon: sql<number>`coalesce(sum(case when ${applications.replyDueOn} >= ${today} and ${applications.replyDueOn} <= ${dueSoonLimit} then 1 else 0 end), 0)`,
      awaitingCorrection: sql<number>`coalesce(sum(case when ${applications.status} = 'awaiting_correction' then 1 else 0 end), 0)`,
      consulting: sql<number>`coalesce(sum(case when ${applications.status} = 'consulting' then 1 else 0 end), 0)`,
      extensionPending: sql<number>`coalesce(sum(case when ${applications.extensionPending} then 1 else 0 end), 0)`,
    })
    .from(applications)
    .where(active)
    .get();
  return {
    active: row?.active ?? 0,
    overdue: row?.overdue ?? 0,
    dueSoon: row?.dueSoon ?? 0,
    awaitingCorrection: row?.awaitingCorrection ?? 0,
    consulting: row?.consulting ?? 0,
    extensionPending: row?.extensionPending ?? 0,
    dueSoonLimit,
  };
}
