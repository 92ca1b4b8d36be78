import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
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

export function storedEvents(tx: Db, applicationId: number): StoredEvent[] {
  return tx
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.id))
    .all()
    .map((row) => ({ ...row, type: row.type as EventType, details: JSON.parse(row.details) as Record<string, unknown> }));
}

/** Everything the engine and the state machine know about one application. */
export function evaluate(application: ApplicationRow, rows: StoredEvent[], calendar: WorkingCalendar, today: string | null) {
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

/**
 * Rebuilds the stored projection (status, reply deadline, conclusion) of one application from its
 * events and the calendar. Called in the transaction of every change that can move it.
 */
export function refreshProjection(tx: Db, application: ApplicationRow, calendar: WorkingCalendar): void {
  const { report, extensionPending } = evaluate(application, storedEvents(tx, application.id), calendar, null);
  tx.update(applications)
    .set({
      status: ledgerStatus(report, application.voidedAt !== null),
      replyDueOn: report.reply?.final.date ?? null,
      dueProvisional: report.reply?.final.provisional ?? false,
      extensionPending,
      concludedOn: report.conclusion?.date ?? null,
      outcome: report.conclusion?.outcome ?? null,
    })
    .where(eq(applications.id, application.id))
    .run();
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
