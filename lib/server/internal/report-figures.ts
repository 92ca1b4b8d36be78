import "server-only";
import { and, count, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { applicationEvents, applications } from "@/db/schema";
import { APPLICANT_TYPES, COLUMN_CODES, OUTCOME_CODES, type OutcomeCode } from "@/lib/report/labels";

type Row7 = number[];

export type ApplicationFigures = {
  received: Row7;
  carriedOver: Row7;
  outcomes: Record<OutcomeCode, Row7>;
  handled: Row7;
  carriedForward: Row7;
};

export type FeeFigures = { notices: number; notifiedYuan: number; collectedYuan: number };

const zeros = (): Row7 => COLUMN_CODES.map(() => 0);
const columnOf = (applicantType: string) => APPLICANT_TYPES.findIndex((type) => type.code === applicantType);

function addTo(row: Row7, applicantType: string, n: number): void {
  const column = columnOf(applicantType);
  if (column < 0) throw new Error(`unknown applicant type ${applicantType}`);
  row[column] = (row[column] ?? 0) + n;
  row[row.length - 1] = (row[row.length - 1] ?? 0) + n;
}

/**
 * Table 三 of one agency and year, counted in SQL (domain.md §4.3): each application once in 一 or 二 by
 * its receipt date, and once in 三 or 四 by its conclusion date; voided applications never.
 */
export function applicationFigures(tx: Db, agencyId: number, year: number): ApplicationFigures {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const inYear = and(
    eq(applications.agencyId, agencyId),
    isNull(applications.voidedAt),
    lte(applications.receivedOn, end),
    or(isNull(applications.concludedOn), gte(applications.concludedOn, start)),
  );
  const flows = tx
    .select({
      applicantType: applications.applicantType,
      received: sql<number>`sum(case when ${applications.receivedOn} >= ${start} then 1 else 0 end)`,
      carriedOver: sql<number>`sum(case when ${applications.receivedOn} < ${start} then 1 else 0 end)`,
      carriedForward: sql<number>`sum(case when ${applications.concludedOn} is null or ${applications.concludedOn} > ${end} then 1 else 0 end)`,
    })
    .from(applications)
    .where(inYear)
    .groupBy(applications.applicantType)
    .all();
  const concluded = tx
    .select({ applicantType: applications.applicantType, outcome: applications.outcome, n: count() })
    .from(applications)
    .where(and(eq(applications.agencyId, agencyId), isNull(applications.voidedAt), gte(applications.concludedOn, start), lte(applications.concludedOn, end)))
    .groupBy(applications.applicantType, applications.outcome)
    .all();

  const figures: ApplicationFigures = {
    received: zeros(),
    carriedOver: zeros(),
    outcomes: Object.fromEntries(OUTCOME_CODES.map((code) => [code, zeros()])) as Record<OutcomeCode, Row7>,
    handled: zeros(),
    carriedForward: zeros(),
  };
  for (const row of flows) {
    addTo(figures.received, row.applicantType, row.received);
    addTo(figures.carriedOver, row.applicantType, row.carriedOver);
    addTo(figures.carriedForward, row.applicantType, row.carriedForward);
  }
  for (const row of concluded) {
    const outcome = figures.outcomes[row.outcome as OutcomeCode];
    if (!outcome) throw new Error(`unknown outcome ${row.outcome}`);
    addTo(outcome, row.applicantType, row.n);
    addTo(figures.handled, row.applicantType, row.n);
  }
  return figures;
}

/**
 * Section 六's fee figures from the fee events in force: notices sent in the year with their amounts,
 * and the amounts of notices paid in the year. Reading a number out of the JSON details is the one
 * dialect-specific expression here (PostgreSQL: `(details::json->>'amountYuan')::numeric`).
 */
export function feeFigures(tx: Db, agencyId: number, year: number): FeeFigures {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const successor = alias(applicationEvents, "successor");
  const inForce = sql`${applicationEvents.withdrawn} = 0 and not exists (select 1 from ${applicationEvents} as ${successor} where ${successor.correctsEventId} = ${applicationEvents.id})`;
  const notices = tx
    .select({ n: count(), amount: sql<number>`coalesce(sum(json_extract(${applicationEvents.details}, '$.amountYuan')), 0)` })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(and(eq(applications.agencyId, agencyId), isNull(applications.voidedAt), eq(applicationEvents.type, "fee_notice_sent"), gte(applicationEvents.occurredOn, start), lte(applicationEvents.occurredOn, end), inForce))
    .get();
  const notice = alias(applicationEvents, "notice");
  const collected = tx
    .select({ amount: sql<number>`coalesce(sum(json_extract(${notice.details}, '$.amountYuan')), 0)` })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .innerJoin(notice, and(eq(notice.applicationId, applications.id), eq(notice.type, "fee_notice_sent"), sql`${notice.withdrawn} = 0 and not exists (select 1 from ${applicationEvents} as ${successor} where ${successor.correctsEventId} = ${notice.id})`))
    .where(and(eq(applications.agencyId, agencyId), isNull(applications.voidedAt), eq(applicationEvents.type, "fee_paid"), gte(applicationEvents.occurredOn, start), lte(applicationEvents.occurredOn, end), inForce))
    .get();
  return { notices: notices?.n ?? 0, notifiedYuan: notices?.amount ?? 0, collectedYuan: collected?.amount ?? 0 };
}
