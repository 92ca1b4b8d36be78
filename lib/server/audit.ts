import "server-only";
import { utf8Chunks } from "@/lib/utf8-stream";
import { Readable } from "node:stream";
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import { db, writeTransaction } from "@/db/client";
import { agencies, auditLog } from "@/db/schema";
import { auditCsv, type AuditExportRow } from "@/lib/audit/export";
import { todayInChina } from "@/lib/calendar";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schemas";
import { requireActor } from "./actor";
import { recordAudit } from "./audit-write";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = typeof auditLog.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight Beijing time of a YYYY-MM-DD day, as the UTC instant the log stores. */
function startOfBeijingDay(date: string, plusDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * DAY_MS).toISOString();
}

function filterConditions(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.user) conditions.push(eq(auditLog.actorName, filter.user));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.at, startOfBeijingDay(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.at, startOfBeijingDay(filter.to, 1)));
  return conditions;
}

/** The audit trail, newest first, for the auditor only; the date filter uses Beijing days. */
export async function listAuditEntries(raw: unknown): Promise<{ filter: AuditFilter; rows: AuditRow[]; total: number }> {
  await requireActor({ roles: ["auditor"] });
  const filter = auditFilterSchema.parse(raw);
  const conditions = filterConditions(filter);
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db().select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db()
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { filter, rows, total };
}

/** Entries a query reads at a time: the export never holds the whole trail, nor keeps the connection between reads. */
const EXPORT_BATCH = 1000;

async function* entriesInChainOrder(conditions: SQL[]): AsyncGenerator<AuditExportRow> {
  let after = 0;
  for (;;) {
    const batch = db()
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorName: auditLog.actorName,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        agencyId: auditLog.agencyId,
        agencyCode: agencies.code,
        detail: auditLog.detail,
        before: auditLog.before,
        after: auditLog.after,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .leftJoin(agencies, eq(agencies.id, auditLog.agencyId))
      .where(and(gt(auditLog.id, after), ...conditions))
      .orderBy(asc(auditLog.id))
      .limit(EXPORT_BATCH)
      .all();
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < EXPORT_BATCH) return;
    after = last.id;
    // Let other requests in between batches: a whole trail is millions of entries.
    await new Promise((resolve) => setImmediate(resolve));
  }
}


export type AuditDownload = { filename: string; displayName: string; contentType: string; stream: Readable };

/**
 * The entries the list's filter selects, oldest first with their hashes, as CSV for the auditor only. The export
 * is itself an entry of the trail (who took which part of it, when).
 */
export async function exportAuditEntries(raw: unknown): Promise<AuditDownload> {
  const actor = await requireActor({ roles: ["auditor"] });
  const filter = auditFilterSchema.parse(raw);
  const described = Object.entries({ 操作人: filter.user, 操作: filter.action, 开始日期: filter.from, 结束日期: filter.to })
    .filter(([, value]) => value)
    .map(([label, value]) => `${label} ${value}`)
    .join("，");
  writeTransaction((tx) => recordAudit(tx, actor, { action: "audit.export", entity: "audit_log", detail: described ? `导出筛选：${described}` : "导出全部" }));
  const stamp = todayInChina();
  return {
    filename: `audit-log-${stamp}.csv`,
    displayName: `审计日志-${stamp}.csv`,
    contentType: "text/csv; charset=utf-8",
    stream: Readable.from(utf8Chunks(auditCsv(entriesInChainOrder(filterConditions(filter))))),
  };
}
