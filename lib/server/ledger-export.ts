import "server-only";
import { utf8Chunks } from "@/lib/utf8-stream";
import { PassThrough, Readable } from "node:stream";
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, writeTransaction } from "@/db/client";
import { applications } from "@/db/schema";
import { todayInChina, type IsoDate } from "@/lib/calendar";
import { ledgerFilterSchema, type LedgerFilter } from "@/lib/ledger/list-filter";
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  exportShowsPersonalData,
  exportValues,
  ledgerCsv,
  ledgerJson,
  writeLedgerXlsx,
  type ExportApplication,
  type ExportFormat,
  type ExportValues,
} from "@/lib/ledger-io/export";
import { ledgerTemplate } from "@/lib/ledger-io/template";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor } from "./actor";
import { recordAudit } from "./audit-write";
import { agencyOfActor } from "./internal/agency-scope";
import { loadWorkingCalendar } from "./internal/calendar";
import { filterConditions } from "./internal/ledger-filter";

export type LedgerDownload = {
  /** ASCII name for old clients, and the Chinese one (RFC 6266 filename*). */
  filename: string;
  displayName: string;
  contentType: string;
  stream: Readable;
  /** Applications written so far (all of them once the stream has ended). */
  rows(): number;
};

const formatSchema = z.enum(EXPORT_FORMATS, { error: "格式应为 xlsx、csv 或 json" });

/** Rows a query reads at a time: the export never holds the whole ledger, nor keeps the connection busy between reads. */
const BATCH = 1000;

/** The agency's applications that match the filter, in tracking-number order, read in batches by keyset. */
async function* matchingApplications(conditions: SQL[]): AsyncGenerator<ExportApplication> {
  let after: { year: number; serial: number } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after
      ? or(gt(applications.receiptYear, after.year), and(eq(applications.receiptYear, after.year), gt(applications.serial, after.serial)))
      : undefined;
    const batch = db()
      .select({
        receiptYear: applications.receiptYear,
        serial: applications.serial,
        trackingNumber: applications.trackingNumber,
        externalNumber: applications.externalNumber,
        receivedOn: applications.receivedOn,
        channel: applications.channel,
        applicantType: applications.applicantType,
        applicantName: applications.applicantName,
        idNumber: applications.idNumber,
        phone: applications.phone,
        address: applications.address,
        description: applications.description,
        outcome: applications.outcome,
        concludedOn: applications.concludedOn,
        notes: applications.notes,
        status: applications.status,
        replyDueOn: applications.replyDueOn,
        dueProvisional: applications.dueProvisional,
      })
      .from(applications)
      .where(and(...conditions, cursor))
      .orderBy(asc(applications.receiptYear), asc(applications.serial))
      .limit(BATCH)
      .all();
    for (const row of batch) {
      yield {
        number: row.externalNumber ?? row.trackingNumber,
        receivedOn: row.receivedOn,
        channel: row.channel,
        applicantType: row.applicantType,
        applicantName: row.applicantName,
        idNumber: row.idNumber,
        phone: row.phone,
        address: row.address,
        description: row.description,
        outcome: row.outcome,
        concludedOn: row.concludedOn,
        notes: row.notes,
        status: row.status,
        replyDueOn: row.replyDueOn,
        dueProvisional: row.dueProvisional,
      };
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = { year: last.receiptYear, serial: last.serial };
    // Let other requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function* asValues(rows: AsyncIterable<ExportApplication>, options: { mask: boolean; today: IsoDate }, counter: { rows: number }): AsyncGenerator<ExportValues> {
  for await (const row of rows) {
    counter.rows += 1;
    yield exportValues(row, options);
  }
}

function toStream(format: ExportFormat, rows: AsyncIterable<ExportValues>): Readable {
  if (format === "csv") return Readable.from(utf8Chunks(ledgerCsv(rows)));
  if (format === "json") return Readable.from(utf8Chunks(ledgerJson(rows)));
  const output = new PassThrough();
  writeLedgerXlsx(rows, output).catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}


/**
 * The agency's ledger, filtered as the list is (interfaces.md §3), as XLSX, CSV (UTF-8 with BOM) or JSON: the
 * import's columns in the import's order, then 状态, 答复期限, 期限说明, 是否逾期. Streamed. Clerks, reviewers
 * and the system see personal data whole; the export is in the audit trail.
 */
export async function exportApplications(rawFilter: unknown, rawFormat: unknown, options: { agencyCode?: string } = {}): Promise<LedgerDownload> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const agency = agencyOfActor(db(), actor, options.agencyCode);
  const format = formatSchema.parse(rawFormat);
  const filter: LedgerFilter = ledgerFilterSchema.parse(rawFilter ?? {});
  const today = todayInChina();
  const dueLimit = filter.dueWithin === undefined ? null : loadWorkingCalendar(db()).addWorkingDays(today, filter.dueWithin).date;
  const conditions = filterConditions(filter, agency.id, today, dueLimit);
  if (filter.status) conditions.push(eq(applications.status, filter.status));
  const mask = !exportShowsPersonalData(actor.kind === "system" ? "system" : actor.role);
  const applied = Object.fromEntries(Object.entries(filter).filter(([key, value]) => key !== "page" && key !== "sort" && value !== undefined));
  writeTransaction((tx) =>
    recordAudit(tx, actor, { action: "application.export", entity: "ledger", agencyId: agency.id, after: { format, filter: applied, masked: mask }, detail: `台账导出（${format}）` }),
  );
  const stamp = today.replaceAll("-", "");
  const counter = { rows: 0 };
  return {
    filename: `ledger-${agency.code.replace(/[^A-Za-z0-9_-]/g, "_")}-${stamp}.${format}`,
    displayName: `${agency.name}台账-${stamp}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    stream: toStream(format, asValues(matchingApplications(conditions), { mask, today }, counter)),
    rows: () => counter.rows,
  };
}

/** The blank import template (header row, marked examples, drop-down lists) for the agency's staff. */
export async function ledgerImportTemplate(): Promise<{ filename: string; displayName: string; contentType: string; body: Buffer }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  agencyOfActor(db(), actor);
  return { filename: "ledger-template.xlsx", displayName: "台账导入模板.xlsx", contentType: EXPORT_CONTENT_TYPES.xlsx, body: await ledgerTemplate() };
}
