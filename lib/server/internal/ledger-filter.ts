import "server-only";
import { eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { applications } from "@/db/schema";
import { ACTIVE_STATUSES } from "@/lib/ledger/codes";
import type { LedgerFilter } from "@/lib/ledger/list-filter";

/** The trigram index answers searches of at least three characters; shorter ones scan with LIKE. */
const TRIGRAM = 3;

/** The ledger list's filters as SQL conditions on `applications`, scoped to one agency (the list and the export share them). */
export function filterConditions(filter: LedgerFilter, agencyId: number, today: string, dueLimit: string | null): SQL[] {
  const conditions: SQL[] = [eq(applications.agencyId, agencyId)];
  if (filter.year) conditions.push(eq(applications.receiptYear, filter.year));
  if (filter.applicantType) conditions.push(eq(applications.applicantType, filter.applicantType));
  if (filter.outcome) conditions.push(eq(applications.outcome, filter.outcome));
  if (filter.overdue || dueLimit) conditions.push(inArray(applications.status, [...ACTIVE_STATUSES]));
  if (filter.overdue) conditions.push(lt(applications.replyDueOn, today));
  if (filter.extensionPending) conditions.push(eq(applications.extensionPending, true), inArray(applications.status, [...ACTIVE_STATUSES]));
  if (dueLimit) conditions.push(gte(applications.replyDueOn, today), lte(applications.replyDueOn, dueLimit));
  if (filter.q && [...filter.q].length >= TRIGRAM) {
    // The trigram index finds the same rows as LIKE '%q%' on the four columns, without reading them all.
    const phrase = `"${filter.q.replace(/"/g, '""')}"`;
    conditions.push(sql`${applications.id} in (select rowid from applications_search where applications_search match ${phrase})`);
  } else if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    const matches = (column: SQLiteColumn) => sql`${column} like ${pattern} escape '\\'`;
    conditions.push(or(matches(applications.trackingNumber), matches(applications.externalNumber), matches(applications.applicantName), matches(applications.description)) as SQL);
  }
  return conditions;
}
