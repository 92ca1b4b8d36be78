import "server-only";
import { eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { applications } from "@/db/schema";
import { ACTIVE_STATUSES } from "@/lib/ledger/codes";
import type { LedgerFilter } from "@/lib/ledger/list-filter";

const TRIGRAM = 3;
/** Above every character: `term < prefix || LAST` bounds the terms that begin with prefix. */
const LAST_CHARACTER = String.fromCodePoint(0x10ffff);

/**
 * The trigram index finds the rows `LIKE '%q%'` finds on the four columns. Three characters or more are one
 * quoted phrase. A shorter search is every indexed trigram that begins with it, OR-ed: the index pads each
 * value, so every character starts a trigram (migration 0008, docs/decisions/007).
 */
function searchExpression(q: string): SQL {
  if ([...q].length >= TRIGRAM) return sql`${quoted(q)}`;
  const prefix = q.toLowerCase();
  return sql`(select coalesce(group_concat('"' || replace(term, '"', '""') || '"', ' OR '), '""')
    from applications_search_terms where term >= ${prefix} and term < ${prefix + LAST_CHARACTER})`;
}

function quoted(phrase: string): string {
  return `"${phrase.replace(/"/g, '""')}"`;
}

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
  if (filter.q) conditions.push(sql`${applications.id} in (select rowid from applications_search where applications_search match ${searchExpression(filter.q)})`);
  return conditions;
}
