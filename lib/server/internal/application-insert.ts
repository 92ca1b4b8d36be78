import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { WorkingCalendar } from "@/lib/calendar";
import type Database from "better-sqlite3";
import { sqlite, type Db } from "@/db/client";
import { applications } from "@/db/schema";
import type { EventType, StoredEvent } from "@/lib/ledger/event-input";
import type { Registration } from "@/lib/ledger/registration";
import type { Actor } from "../actor";
import { recordAudit } from "../audit-write";
import { projectionOf, type ApplicationRow } from "./applications";

/**
 * What the audit trail keeps of an application. The personal fields are handed over whole, so that a change
 * of any of their digits shows; recordAudit replaces them with markers before anything is written
 * (lib/audit/personal-fields.ts): the trail says that a field was filled in or changed, never its value.
 */
export function auditView(application: ApplicationRow) {
  return {
    trackingNumber: application.trackingNumber,
    externalNumber: application.externalNumber,
    channel: application.channel,
    arrivedOn: application.arrivedOn,
    receivedOn: application.receivedOn,
    receivedOnReason: application.receivedOnReason,
    applicantType: application.applicantType,
    applicantName: application.applicantName,
    idNumber: application.idNumber,
    phone: application.phone,
    address: application.address,
    agentName: application.agentName,
    agentPhone: application.agentPhone,
    formWanted: application.formWanted,
    status: application.status,
    replyDueOn: application.replyDueOn,
    outcome: application.outcome,
    concludedOn: application.concludedOn,
    voidReason: application.voidReason,
  };
}

export function formatTrackingNumber(year: number, serial: number): string {
  return `${year}-${String(serial).padStart(4, "0")}`;
}

/** `2026-0007` → year 2026, serial 7; anything not written exactly as formatTrackingNumber writes it → null. */
export function parseTrackingNumber(text: string): { year: number; serial: number } | null {
  const match = /^(\d{4})-(\d{4,})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const serial = Number(match[2]);
  if (!Number.isSafeInteger(serial) || serial < 1 || formatTrackingNumber(year, serial) !== text) return null;
  return { year, serial };
}

/**
 * The next serial of each receipt year of one agency, taken inside the write transaction (decision 004). One
 * allocator serves a whole import, so a file of many rows asks the database once per year, not once per row.
 */
export class TrackingNumbers {
  private readonly last = new Map<number, number>();

  constructor(
    private readonly tx: Db,
    private readonly agencyId: number,
  ) {}

  private current(year: number): number {
    let last = this.last.get(year);
    if (last === undefined) {
      const row = this.tx
        .select({ serial: sql<number>`coalesce(max(${applications.serial}), 0)` })
        .from(applications)
        .where(and(eq(applications.agencyId, this.agencyId), eq(applications.receiptYear, year)))
        .get();
      last = row?.serial ?? 0;
      this.last.set(year, last);
    }
    return last;
  }

  /** A serial given outright (an imported 编号 in this system's form): later ones are numbered after it. */
  reserve(year: number, serial: number): void {
    if (serial > this.current(year)) this.last.set(year, serial);
  }

  next(year: number): number {
    const serial = this.current(year) + 1;
    this.last.set(year, serial);
    return serial;
  }
}

export type InitialEvent = { type: EventType; occurredOn: string; details: Record<string, unknown> };

export type NewApplication = {
  registration: Registration;
  /** The agency's own number, from an import. */
  externalNumber?: string | null;
  /** A serial fixed in advance (an imported 编号 of this system's form); otherwise the next one. */
  serial?: number;
  /** Events already known at registration (an imported conclusion). */
  events?: InitialEvent[];
};

export type InsertContext = {
  tx: Db;
  agencyId: number;
  actor: Actor;
  calendar: WorkingCalendar;
  numbers: TrackingNumbers;
  now: string;
  /** Each registration is its own audit entry; an import writes one entry for the whole file instead. */
  audit: boolean;
};

/** The columns a new application is inserted with, in the order of the statement's parameters. */
const INSERTED_COLUMNS = [
  "agency_id",
  "receipt_year",
  "serial",
  "tracking_number",
  "external_number",
  "channel",
  "arrived_on",
  "received_on",
  "received_on_reason",
  "applicant_type",
  "applicant_name",
  "id_number",
  "phone",
  "address",
  "agent_name",
  "agent_phone",
  "description",
  "form_wanted",
  "notes",
  "status",
  "reply_due_on",
  "due_provisional",
  "extension_pending",
  "concluded_on",
  "outcome",
  "created_at",
  "created_by",
  "updated_at",
] as const;

/**
 * The two inserts of a new application as plain prepared statements of the connection, made once: an import
 * runs them for every row, where the query builder would cost more than the inserts themselves. They run
 * inside the caller's write transaction (same connection).
 */
const statements = new WeakMap<Database.Database, { application: Database.Statement; event: Database.Statement }>();
function insertStatements(connection: Database.Database) {
  let prepared = statements.get(connection);
  if (!prepared) {
    prepared = {
      application: connection.prepare(`insert into applications (${INSERTED_COLUMNS.join(", ")}) values (${INSERTED_COLUMNS.map(() => "?").join(", ")})`),
      event: connection.prepare("insert into application_events (application_id, type, occurred_on, details, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)"),
    };
    statements.set(connection, prepared);
  }
  return prepared;
}

/**
 * The one way an application enters the ledger, typed in or imported: its tracking number, the row with the
 * projection of the deadline engine over its first events (`projectionOf`, as `refreshProjection` computes
 * it), those events, and (for a registration) its audit entry, all in the caller's write transaction.
 */
export function insertApplication(context: InsertContext, application: NewApplication): { id: number; trackingNumber: string } {
  const { tx, agencyId, actor, now } = context;
  const r = application.registration;
  const receiptYear = Number(r.receivedOn.slice(0, 4));
  const serial = application.serial ?? context.numbers.next(receiptYear);
  const trackingNumber = formatTrackingNumber(receiptYear, serial);
  const recordedBy = actor.kind === "user" ? actor.userId : null;
  // The engine only orders events by id (a new application's cannot correct one another): number them as inserted.
  const initial = application.events ?? [];
  const events: StoredEvent[] = initial.map((event, i) => ({ id: i + 1, type: event.type, occurredOn: event.occurredOn, details: event.details, correctsEventId: null, withdrawn: false, correctionReason: null, recordedAt: now, recordedBy }));
  const p = projectionOf({ receivedOn: r.receivedOn, voidedAt: null }, events, context.calendar);
  // Positional, in the order of INSERTED_COLUMNS (no intermediate row object: spreading one per row is what cost most).
  const { application: insertRow, event: insertEvent } = insertStatements(sqlite());
  const id = Number(
    insertRow.run(
      agencyId,
      receiptYear,
      serial,
      trackingNumber,
      application.externalNumber ?? null,
      r.channel,
      r.arrivedOn,
      r.receivedOn,
      r.receivedOnReason,
      r.applicantType,
      r.applicantName,
      r.idNumber,
      r.phone,
      r.address,
      r.agentName,
      r.agentPhone,
      r.description,
      r.formWanted,
      r.notes,
      p.status,
      p.replyDueOn,
      p.dueProvisional ? 1 : 0,
      p.extensionPending ? 1 : 0,
      p.concludedOn,
      p.outcome,
      now,
      recordedBy,
      now,
    ).lastInsertRowid,
  );
  for (const event of initial) insertEvent.run(id, event.type, event.occurredOn, JSON.stringify(event.details), now, recordedBy);
  if (context.audit) {
    const stored = tx.select().from(applications).where(eq(applications.id, id)).get();
    if (!stored) throw new Error("application vanished inside its own transaction");
    recordAudit(tx, actor, { action: "application.register", entity: "application", entityId: id, agencyId, after: auditView(stored) });
  }
  return { id, trackingNumber };
}
