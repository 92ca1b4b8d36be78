import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schemas";
import { requireActor } from "./actor";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = typeof auditLog.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight Beijing time of a YYYY-MM-DD day, as the UTC instant the log stores. */
function startOfBeijingDay(date: string, plusDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * DAY_MS).toISOString();
}

/** The audit trail, newest first, for the auditor only; the date filter uses Beijing days. */
export async function listAuditEntries(raw: unknown): Promise<{ filter: AuditFilter; rows: AuditRow[]; total: number }> {
  await requireActor({ roles: ["auditor"] });
  const filter = auditFilterSchema.parse(raw);
  const conditions: SQL[] = [];
  if (filter.user) conditions.push(eq(auditLog.actorName, filter.user));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.at, startOfBeijingDay(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.at, startOfBeijingDay(filter.to, 1)));
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
