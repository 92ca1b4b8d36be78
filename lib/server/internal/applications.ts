import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { WorkingCalendar } from "@/lib/calendar";
import type { Db } from "@/db/client";
import { applicationEvents, applications } from "@/db/schema";
import { computeDeadlines, type DeadlineReport } from "@/lib/deadlines";
import { ACTIVE_STATUSES } from "@/lib/ledger/codes";
import { effectiveEvents, toEngineEvent, type EventType, type StoredEvent } from "@/lib/ledger/event-input";
import type { EventContext } from "@/lib/ledger/rules";
import { ledgerStatus } from "@/lib/ledger/status";
import type { Role } from "@/lib/roles";

export type ApplicationRow = typeof applications.$inferSelect;

/**
 * A prepared statement made once per transaction (or per connection, outside one) instead of once per call:
 * a ledger import runs the same few statements for every one of its rows.
 */
export function perTransaction<T>(prepare: (tx: Db) => T): (tx: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (tx) => {
    let statement = prepared.get(tx);
    if (statement === undefined) {
      statement = prepare(tx);
      prepared.set(tx, statement);
    }
    return statement;
  };
}

const eventsOf = perTransaction((tx) =>
  tx
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, sql.placeholder("applicationId")))
    .orderBy(asc(applicationEvents.id))
    .prepare(),
);

// Placeholders inside sql`` reach the driver as they are: the two flags go in as 0/1.
const projectionUpdate = perTransaction((tx) =>
  tx
    .update(applications)
    .set({
      status: sql`${sql.placeholder("status")}`,
      replyDueOn: sql`${sql.placeholder("replyDueOn")}`,
      dueProvisional: sql`${sql.placeholder("dueProvisional")}`,
      extensionPending: sql`${sql.placeholder("extensionPending")}`,
      concludedOn: sql`${sql.placeholder("concludedOn")}`,
      outcome: sql`${sql.placeholder("outcome")}`,
    })
    .where(eq(applications.id, sql.placeholder("id")))
    .prepare(),
);

export function storedEvents(tx: Db, applicationId: number): StoredEvent[] {
  return eventsOf(tx)
    .all({ applicationId })
    .map((row) => ({ ...row, type: row.type as EventType, details: JSON.parse(row.details) as Record<string, unknown> }));
}

/** Everything the engine and the state machine know about one application. */
export function evaluate(application: Pick<ApplicationRow, "receivedOn">, rows: StoredEvent[], calendar: WorkingCalendar, today: string | null) {
  const inForce = effectiveEvents(rows);
  const report: DeadlineReport = computeDeadlines({
    receivedOn: application.receivedOn,
    events: inForce.map(toEngineEvent),
    calendar,
    today,
  });
  const answered = new Set(inForce.filter((event) => event.type === "consultation_answered").map((event) => String(event.details.consultationId)));
  const pendingConsultations = inForce
    .filter((event) => event.type === "consultation_sent" && !answered.has(String(event.rootId)))
    .map((event) => ({ id: String(event.rootId), sentOn: event.occurredOn, details: event.details }));
  const types = inForce.map((event) => event.type);
  const extensionPending = types.includes("extension_requested") && !types.includes("extension_approved");
  return { inForce, report, pendingConsultations, extensionPending, eventTypes: types };
}

export function eventContext(application: ApplicationRow, evaluated: ReturnType<typeof evaluate>, role: Role, today: string): EventContext {
  return {
    report: evaluated.report,
    eventTypes: evaluated.eventTypes,
    pendingConsultations: evaluated.pendingConsultations,
    extensionPending: evaluated.extensionPending,
    voided: application.voidedAt !== null,
    role,
    today,
  };
}

export type Projection = Pick<ApplicationRow, "status" | "replyDueOn" | "dueProvisional" | "extensionPending" | "concludedOn" | "outcome">;

/**
 * The engine is a pure function of the receipt date, the events and the calendar. The timelines an import
 * brings in (none, or one reply) repeat across rows received on the same day: their projections are kept per
 * calendar object (a calendar change makes a new one), keyed by everything the engine reads of them.
 */
const remembered = new WeakMap<WorkingCalendar, Map<string, Projection>>();

function rememberKey(application: Pick<ApplicationRow, "receivedOn" | "voidedAt">, events: StoredEvent[]): string | null {
  const head = `${application.receivedOn}|${application.voidedAt === null ? "" : "void"}`;
  if (events.length === 0) return head;
  const [event] = events;
  if (events.length !== 1 || !event || event.type !== "replied" || event.withdrawn || event.correctsEventId !== null) return null;
  return `${head}|replied|${event.occurredOn}|${String(event.details.outcome)}|${String(event.details.delivery)}`;
}

/** The projection of one application: what the engine says of its events, as the list's columns. */
export function projectionOf(application: Pick<ApplicationRow, "receivedOn" | "voidedAt">, events: StoredEvent[], calendar: WorkingCalendar): Projection {
  const key = rememberKey(application, events);
  let known = remembered.get(calendar);
  const hit = key === null ? undefined : known?.get(key);
  if (hit) return { ...hit };
  const projection = computeProjection(application, events, calendar);
  if (key !== null) {
    if (!known || known.size >= 200_000) remembered.set(calendar, (known = new Map()));
    known.set(key, projection);
  }
  return { ...projection };
}

function computeProjection(application: Pick<ApplicationRow, "receivedOn" | "voidedAt">, events: StoredEvent[], calendar: WorkingCalendar): Projection {
  const { report, extensionPending } = evaluate(application, events, calendar, null);
  return {
    status: ledgerStatus(report, application.voidedAt !== null),
    replyDueOn: report.reply?.final.date ?? null,
    dueProvisional: report.reply?.final.provisional ?? false,
    extensionPending,
    concludedOn: report.conclusion?.date ?? null,
    outcome: report.conclusion?.outcome ?? null,
  };
}

/**
 * Rebuilds the stored projection (status, reply deadline, conclusion) of one application from its
 * events and the calendar. Called in the transaction of every change that can move it; a new application
 * gets it from `projectionOf` as it is inserted (`insertApplication`).
 */
export function refreshProjection(tx: Db, application: ApplicationRow, calendar: WorkingCalendar): void {
  const projection = projectionOf(application, storedEvents(tx, application.id), calendar);
  projectionUpdate(tx).run({ ...projection, id: application.id, dueProvisional: projection.dueProvisional ? 1 : 0, extensionPending: projection.extensionPending ? 1 : 0 });
}

/** After a calendar change: every application still running gets its deadlines recounted. */
export function refreshActiveProjections(tx: Db, calendar: WorkingCalendar): number {
  const active = tx.select().from(applications).where(inArray(applications.status, [...ACTIVE_STATUSES])).all();
  for (const application of active) refreshProjection(tx, application, calendar);
  return active.length;
}

export function findScopedApplication(tx: Db, id: number, agencyId: number): ApplicationRow | undefined {
  return tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.agencyId, agencyId))).get();
}
