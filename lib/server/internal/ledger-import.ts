import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { applicationEvents, applications } from "@/db/schema";
import type { IsoDate, WorkingCalendar } from "@/lib/calendar";
import type { LedgerRecord, ImportIssue } from "@/lib/ledger-io/validate-row";
import { HEADER_OF } from "@/lib/ledger-io/columns";
import { OUTCOME_WORDS } from "@/lib/ledger-io/vocabulary";
import type { OutcomeCode } from "@/lib/report/labels";
import type { Actor } from "../actor";
import { evaluate, refreshProjection, storedEvents, type ApplicationRow } from "./applications";
import { insertApplication, parseTrackingNumber, TrackingNumbers, type InitialEvent } from "./application-insert";

/** What an imported conclusion is recorded as: a reply on the 办结日期, its delivery not known from the file. */
export const IMPORT_EVENT_NOTE = "由台账导入";

export function importedReply(outcome: OutcomeCode, on: IsoDate): InitialEvent {
  return { type: "replied", occurredOn: on, details: { outcome, delivery: "unknown", note: IMPORT_EVENT_NOTE } };
}

/** The registration fields a ledger row carries, as the application's columns. */
type RowFields = Pick<ApplicationRow, "channel" | "receivedOn" | "applicantType" | "applicantName" | "idNumber" | "phone" | "address" | "description" | "notes">;
const ROW_FIELDS = ["channel", "receivedOn", "applicantType", "applicantName", "idNumber", "phone", "address", "description", "notes"] as const satisfies readonly (keyof RowFields)[];

export type PlannedRow =
  | { kind: "create"; record: LedgerRecord; serial: number | null; externalNumber: string | null }
  | {
      kind: "update";
      record: LedgerRecord;
      application: ApplicationRow;
      fields: Partial<ApplicationRow>;
      reply: InitialEvent | null;
      correction: { eventId: number; occurredOn: IsoDate; details: Record<string, unknown> } | null;
    }
  | { kind: "unchanged"; record: LedgerRecord; application: ApplicationRow };

export type ImportPlan = { rows: PlannedRow[]; issues: ImportIssue[]; warnings: ImportIssue[] };

const CONCLUDING = new Set(["replied", "correction_abandoned", "fee_abandoned"]);

/**
 * Checks the rows that passed on their own against the agency's ledger, and decides what each does: a row
 * whose 编号 is an application's tracking number or external number updates it; any other row creates one
 * (an unknown 编号 of this system's form, in the row's receipt year, becomes its tracking number; any other
 * 编号 is kept as the external number). Nothing is written here.
 */
export function planImport(tx: Db, agencyId: number, records: readonly LedgerRecord[], options: { calendar: WorkingCalendar; fileName: string }): ImportPlan {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const rows: PlannedRow[] = [];
  const byTracking = tx
    .select()
    .from(applications)
    .where(and(eq(applications.agencyId, sql.placeholder("agencyId")), eq(applications.receiptYear, sql.placeholder("year")), eq(applications.serial, sql.placeholder("serial"))))
    .prepare();
  const byExternal = tx
    .select()
    .from(applications)
    .where(and(eq(applications.agencyId, sql.placeholder("agencyId")), eq(applications.externalNumber, sql.placeholder("number"))))
    .prepare();
  const targets = new Map<number, number>();

  for (const record of records) {
    const { row, number } = record;
    const receiptYear = Number(record.registration.receivedOn.slice(0, 4));
    const problem = (column: string, message: string) => issues.push({ row, column, message });
    let target: ApplicationRow | undefined;
    let serial: number | null = null;
    let externalNumber: string | null = null;
    if (number !== null) {
      const tracking = parseTrackingNumber(number);
      if (tracking) {
        target = byTracking.get({ agencyId, year: tracking.year, serial: tracking.serial });
        if (!target && tracking.year !== receiptYear) {
          problem(HEADER_OF.number, `本机关没有编号为 ${number} 的申请；这是本系统编号的格式，但年份与收到日期（${receiptYear} 年）不符，不能作为新申请的编号`);
          continue;
        }
        if (!target) serial = tracking.serial;
      } else {
        target = byExternal.get({ agencyId, number });
        if (!target) externalNumber = number;
      }
    }
    if (!target) {
      rows.push({ kind: "create", record, serial, externalNumber });
      continue;
    }

    const earlier = targets.get(target.id);
    if (earlier !== undefined) {
      problem(HEADER_OF.number, `与第 ${earlier} 行是同一件申请（${target.trackingNumber}）`);
      continue;
    }
    targets.set(target.id, row);
    if (target.voidedAt !== null) {
      problem(HEADER_OF.number, `编号 ${number} 的申请（${target.trackingNumber}）已作废，不能用导入修改`);
      continue;
    }
    const incoming: RowFields = {
      channel: record.registration.channel,
      receivedOn: record.registration.receivedOn,
      applicantType: record.registration.applicantType,
      applicantName: record.registration.applicantName,
      idNumber: record.registration.idNumber,
      phone: record.registration.phone,
      address: record.registration.address,
      description: record.registration.description,
      notes: record.registration.notes,
    };
    if (receiptYear !== target.receiptYear) {
      problem(HEADER_OF.receivedOn, `不能把 ${target.trackingNumber} 的收到日期改到另一年（编号按年编排）；请在系统中作废后重新登记`);
      continue;
    }
    const events = storedEvents(tx, target.id);
    const evaluated = evaluate(target, events, options.calendar, null);
    const steps = evaluated.inForce.filter((event) => !CONCLUDING.has(event.type));
    const firstStep = steps[0]?.occurredOn ?? null;
    const lastStep = steps.at(-1)?.occurredOn ?? null;
    if (firstStep !== null && incoming.receivedOn > firstStep) {
      problem(HEADER_OF.receivedOn, `收到日期不能晚于该申请已记录的办理事项（${firstStep}）`);
      continue;
    }

    const current = evaluated.report.conclusion;
    let reply: InitialEvent | null = null;
    let correction: Extract<PlannedRow, { kind: "update" }>["correction"] = null;
    const wanted = record.conclusion;
    if (wanted && lastStep !== null && wanted.on < lastStep) {
      problem(HEADER_OF.concludedOn, `办结日期不能早于该申请已记录的办理事项（${lastStep}）`);
      continue;
    }
    if (wanted && current === null) {
      reply = importedReply(wanted.outcome, wanted.on);
    } else if (wanted && current !== null && (current.outcome !== wanted.outcome || current.date !== wanted.on)) {
      const replied = evaluated.inForce.find((event) => event.type === "replied");
      if (current.kind !== "replied" || !replied) {
        problem(HEADER_OF.outcome, `该申请已于 ${current.date} 以「${OUTCOME_WORDS[current.outcome]}」办结（视为放弃申请），导入不能改变；如有错误请在申请页面更正`);
        continue;
      }
      correction = { eventId: replied.id, occurredOn: wanted.on, details: { ...replied.details, outcome: wanted.outcome } };
    } else if (!wanted && current !== null) {
      // The conclusion is kept, so the application must not be received after it.
      if (incoming.receivedOn > current.date) {
        problem(HEADER_OF.receivedOn, `收到日期不能晚于该申请的办结日期（${current.date}）`);
        continue;
      }
      warnings.push({ row, column: HEADER_OF.outcome, message: `系统中该申请（${target.trackingNumber}）已于 ${current.date} 办结，文件中办理结果为空：保留系统中的办结记录` });
    }

    const fields: Partial<ApplicationRow> = {};
    for (const key of ROW_FIELDS) if (target[key] !== incoming[key]) Object.assign(fields, { [key]: incoming[key] });
    if (fields.receivedOn !== undefined) Object.assign(fields, { arrivedOn: incoming.receivedOn, receivedOnReason: null });
    if (Object.keys(fields).length === 0 && reply === null && correction === null) rows.push({ kind: "unchanged", record, application: target });
    else rows.push({ kind: "update", record, application: target, fields, reply, correction });
  }
  return { rows, issues, warnings };
}

export type ApplyContext = { tx: Db; agencyId: number; actor: Actor; calendar: WorkingCalendar; now: string; fileName: string };
export type ApplyResult = { created: number; updated: number; unchanged: number; firstCreated: string | null; lastCreated: string | null; updatedNumbers: string[] };

/** Writes a plan without problems, inside the caller's write transaction. */
export function applyImport(context: ApplyContext, plan: ImportPlan): ApplyResult {
  const { tx, agencyId, actor, calendar, now } = context;
  if (plan.issues.length > 0) throw new Error("a plan with problems must not be written");
  const numbers = new TrackingNumbers(tx, agencyId);
  for (const row of plan.rows) {
    if (row.kind === "create" && row.serial !== null) numbers.reserve(Number(row.record.registration.receivedOn.slice(0, 4)), row.serial);
  }
  const recordedBy = actor.kind === "user" ? actor.userId : null;
  const result: ApplyResult = { created: 0, updated: 0, unchanged: 0, firstCreated: null, lastCreated: null, updatedNumbers: [] };
  const reason = `台账导入更正（${context.fileName.slice(-80)}）`;
  for (const row of plan.rows) {
    if (row.kind === "unchanged") {
      result.unchanged += 1;
      continue;
    }
    if (row.kind === "create") {
      const { record } = row;
      const created = insertApplication(
        { tx, agencyId, actor, calendar, numbers, now, audit: false },
        {
          registration: record.registration,
          externalNumber: row.externalNumber,
          serial: row.serial ?? undefined,
          events: record.conclusion ? [importedReply(record.conclusion.outcome, record.conclusion.on)] : [],
        },
      );
      result.created += 1;
      result.firstCreated ??= created.trackingNumber;
      result.lastCreated = created.trackingNumber;
      continue;
    }
    const { application } = row;
    if (Object.keys(row.fields).length > 0) tx.update(applications).set({ ...row.fields, updatedAt: now }).where(eq(applications.id, application.id)).run();
    if (row.reply) {
      tx.insert(applicationEvents)
        .values({ applicationId: application.id, type: row.reply.type, occurredOn: row.reply.occurredOn, details: JSON.stringify(row.reply.details), recordedAt: now, recordedBy })
        .run();
    }
    if (row.correction) {
      tx.insert(applicationEvents)
        .values({
          applicationId: application.id,
          type: "replied",
          occurredOn: row.correction.occurredOn,
          details: JSON.stringify(row.correction.details),
          correctsEventId: row.correction.eventId,
          correctionReason: `${reason} 第 ${row.record.row} 行`,
          recordedAt: now,
          recordedBy,
        })
        .run();
    }
    refreshProjection(tx, { ...application, ...row.fields }, calendar);
    result.updated += 1;
    result.updatedNumbers.push(application.trackingNumber);
  }
  return result;
}
