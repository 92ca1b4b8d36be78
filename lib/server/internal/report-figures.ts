import "server-only";
import { and, count, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { applicationEvents, applications, reviewCases, type REVIEW_KINDS } from "@/db/schema";
import { APPLICANT_TYPES, COLUMN_CODES, OUTCOME_CODES, REVIEW_PART_KEYS, type ColumnCode, type OutcomeCode, type ReviewColumnKey, type ReviewGroupKey } from "@/lib/report/labels";
import type { ApplicationRowPath } from "@/lib/report/places";
import type { AnnualReport } from "@/lib/report/schema";
import { perTransaction } from "./applications";

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

/** A year's first and last day: as values for a one-off query, as placeholders in a statement prepared once. */
type YearBounds = { start: string | Placeholder; end: string | Placeholder };
const bounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });
const BOUND_PLACEHOLDERS: YearBounds = { start: sql.placeholder("start"), end: sql.placeholder("end") };
const AGENCY_PLACEHOLDER = sql.placeholder("agencyId");
const parameters = (agencyId: number, year: number) => ({ agencyId, ...bounds(year) });

/** The applications a report of the agency counts at all: its own, never a voided one. */
function countedApplications(agencyId: number | Placeholder): SQL {
  return and(eq(applications.agencyId, agencyId), isNull(applications.voidedAt)) as SQL;
}

/**
 * Which applications a row of table 三 counts (domain.md §4.3): the ONE definition, used both to count
 * the table and to list the applications behind a cell, so the list always has as many rows as the
 * cell says.
 * - 一 received in the year; 二 received earlier and not concluded before 1 January;
 * - 三 concluded in the year (an outcome row: with that outcome; （七）总计: with any);
 * - 四 received by 31 December and not concluded by then.
 */
export function applicationRowCondition(row: ApplicationRowPath, { start, end }: YearBounds): SQL {
  // 「received by 31 December」 is spelled out in 三 too (a conclusion follows the receipt anyway), so every
  // row's condition has it and the count can narrow by the receipt-date index first (`receivedByYearEnd`).
  const concludedInYear = and(lte(applications.receivedOn, end), gte(applications.concludedOn, start), lte(applications.concludedOn, end)) as SQL;
  switch (row) {
    case "received":
      return and(gte(applications.receivedOn, start), lte(applications.receivedOn, end)) as SQL;
    case "carriedOver":
      return and(lt(applications.receivedOn, start), or(isNull(applications.concludedOn), gte(applications.concludedOn, start))) as SQL;
    case "handled":
      return concludedInYear;
    case "carriedForward":
      return and(lte(applications.receivedOn, end), or(isNull(applications.concludedOn), gt(applications.concludedOn, end))) as SQL;
    default:
      return and(concludedInYear, eq(applications.outcome, row.slice("outcomes.".length))) as SQL;
  }
}

/** A cell of table 三: the row's condition, narrowed to one applicant type unless the column is 总计. */
export function applicationCellCondition(agencyId: number, year: number, row: ApplicationRowPath, column: ColumnCode): SQL {
  return and(
    countedApplications(agencyId),
    applicationRowCondition(row, bounds(year)),
    column === "total" ? undefined : eq(applications.applicantType, column),
  ) as SQL;
}

const caseCount = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

// The report's statements are the same for every agency and year: prepared once per connection, not built
// and compiled again on every call (docs/performance.md: the aggregation beside its sqlite3 floor).
const applicationCounts = perTransaction((tx) => {
  const received = applicationRowCondition("received", BOUND_PLACEHOLDERS);
  const carriedOver = applicationRowCondition("carriedOver", BOUND_PLACEHOLDERS);
  const handled = applicationRowCondition("handled", BOUND_PLACEHOLDERS);
  const carriedForward = applicationRowCondition("carriedForward", BOUND_PLACEHOLDERS);
  return tx
    .select({
      applicantType: applications.applicantType,
      outcome: applications.outcome,
      received: caseCount(received),
      carriedOver: caseCount(carriedOver),
      handled: caseCount(handled),
      carriedForward: caseCount(carriedForward),
    })
    .from(applications)
    // The first term is part of every row's condition, factored out so SQLite can use the receipt-date index.
    .where(and(countedApplications(AGENCY_PLACEHOLDER), lte(applications.receivedOn, BOUND_PLACEHOLDERS.end), or(received, carriedOver, handled, carriedForward)))
    .groupBy(applications.applicantType, applications.outcome)
    .prepare();
});

/**
 * Table 三 of one agency and year, counted in SQL: each application once in 一 or 二 and once in 三 or 四,
 * each by exactly the conditions of `applicationRowCondition`. The outcome rows are （七）'s condition
 * grouped by outcome, which is each outcome row's condition.
 */
export function applicationFigures(tx: Db, agencyId: number, year: number): ApplicationFigures {
  const rows = applicationCounts(tx).all(parameters(agencyId, year));
  const figures: ApplicationFigures = {
    received: zeros(),
    carriedOver: zeros(),
    outcomes: Object.fromEntries(OUTCOME_CODES.map((code) => [code, zeros()])) as Record<OutcomeCode, Row7>,
    handled: zeros(),
    carriedForward: zeros(),
  };
  for (const row of rows) {
    addTo(figures.received, row.applicantType, row.received);
    addTo(figures.carriedOver, row.applicantType, row.carriedOver);
    addTo(figures.carriedForward, row.applicantType, row.carriedForward);
    if (row.handled > 0) {
      const outcome = figures.outcomes[row.outcome as OutcomeCode];
      if (!outcome) throw new Error(`unknown outcome ${row.outcome}`);
      addTo(outcome, row.applicantType, row.handled);
      addTo(figures.handled, row.applicantType, row.handled);
    }
  }
  return figures;
}

const REVIEW_GROUP_OF_KIND: Record<(typeof REVIEW_KINDS)[number], ReviewGroupKey> = {
  reconsideration: "reconsideration",
  litigation_direct: "litigationDirect",
  litigation_after_reconsideration: "litigationAfterReconsideration",
};

/**
 * Which review cases a column of table 四 counts for a year (domain.md §4.4): a case concluded in the
 * year under its result; a case filed by 31 December and not concluded by then under 尚未审结.
 */
export function reviewColumnCondition(column: "upheld" | "corrected" | "other" | "pending", { start, end }: YearBounds): SQL {
  if (column === "pending") {
    return and(lte(reviewCases.filedOn, end), or(isNull(reviewCases.concludedOn), gt(reviewCases.concludedOn, end))) as SQL;
  }
  return and(gte(reviewCases.concludedOn, start), lte(reviewCases.concludedOn, end), eq(reviewCases.result, column)) as SQL;
}

/**
 * The review cases one cell of table 四 counts: the group's kind and the column's condition (总计: any of
 * the four), so a listing finds exactly the cases `reviewFigures` counts there.
 */
export function reviewCellCondition(agencyId: number, year: number, group: ReviewGroupKey, column: ReviewColumnKey): SQL {
  const kinds = (Object.keys(REVIEW_GROUP_OF_KIND) as (typeof REVIEW_KINDS)[number][]).filter((kind) => REVIEW_GROUP_OF_KIND[kind] === group);
  const columns = column === "total" ? REVIEW_PART_KEYS : [column];
  return and(eq(reviewCases.agencyId, agencyId), inArray(reviewCases.kind, kinds), or(...columns.map((part) => reviewColumnCondition(part, bounds(year))))) as SQL;
}

/** Table 四 of one agency and year, counted from its review cases. */
const reviewCounts = perTransaction((tx) => {
  const upheld = reviewColumnCondition("upheld", BOUND_PLACEHOLDERS);
  const corrected = reviewColumnCondition("corrected", BOUND_PLACEHOLDERS);
  const other = reviewColumnCondition("other", BOUND_PLACEHOLDERS);
  const pending = reviewColumnCondition("pending", BOUND_PLACEHOLDERS);
  return tx
    .select({ kind: reviewCases.kind, upheld: caseCount(upheld), corrected: caseCount(corrected), other: caseCount(other), pending: caseCount(pending) })
    .from(reviewCases)
    .where(and(eq(reviewCases.agencyId, AGENCY_PLACEHOLDER), or(upheld, corrected, other, pending)))
    .groupBy(reviewCases.kind)
    .prepare();
});

export function reviewFigures(tx: Db, agencyId: number, year: number): AnnualReport["reviews"] {
  const rows = reviewCounts(tx).all(parameters(agencyId, year));
  const empty = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  const reviews: AnnualReport["reviews"] = { reconsideration: empty(), litigationDirect: empty(), litigationAfterReconsideration: empty() };
  for (const row of rows) {
    const group = reviews[REVIEW_GROUP_OF_KIND[row.kind]];
    group.upheld += row.upheld;
    group.corrected += row.corrected;
    group.other += row.other;
    group.pending += row.pending;
    group.total += row.upheld + row.corrected + row.other + row.pending;
  }
  return reviews;
}

/**
 * Section 六's fee figures from the fee events in force: notices sent in the year with their amounts,
 * and the amounts of notices paid in the year. Reading a number out of the JSON details is the one
 * dialect-specific expression here (PostgreSQL: `(details::json->>'amountYuan')::numeric`).
 */
/**
 * The event type written into the SQL, not bound: only then can SQLite prove that the partial fee indexes of
 * migration 0009 (`where type = 'fee_notice_sent'`, `'fee_paid'`) hold the rows.
 */
const isEventType = (column: SQLiteColumn, type: "fee_notice_sent" | "fee_paid") => sql`${column} = ${sql.raw(`'${type}'`)}`;

const feeStatements = perTransaction((tx) => {
  const { start, end } = BOUND_PLACEHOLDERS;
  const successor = alias(applicationEvents, "successor");
  const inForce = sql`${applicationEvents.withdrawn} = 0 and not exists (select 1 from ${applicationEvents} as ${successor} where ${successor.correctsEventId} = ${applicationEvents.id})`;
  const notices = tx
    .select({ n: count(), amount: sql<number>`coalesce(sum(json_extract(${applicationEvents.details}, '$.amountYuan')), 0)` })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(and(countedApplications(AGENCY_PLACEHOLDER), isEventType(applicationEvents.type, "fee_notice_sent"), gte(applicationEvents.occurredOn, start), lte(applicationEvents.occurredOn, end), inForce))
    .prepare();
  const notice = alias(applicationEvents, "notice");
  const collected = tx
    .select({ amount: sql<number>`coalesce(sum(json_extract(${notice.details}, '$.amountYuan')), 0)` })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .innerJoin(notice, and(eq(notice.applicationId, applications.id), isEventType(notice.type, "fee_notice_sent"), sql`${notice.withdrawn} = 0 and not exists (select 1 from ${applicationEvents} as ${successor} where ${successor.correctsEventId} = ${notice.id})`))
    .where(and(countedApplications(AGENCY_PLACEHOLDER), isEventType(applicationEvents.type, "fee_paid"), gte(applicationEvents.occurredOn, start), lte(applicationEvents.occurredOn, end), inForce))
    .prepare();
  return { notices, collected };
});

export function feeFigures(tx: Db, agencyId: number, year: number): FeeFigures {
  const statements = feeStatements(tx);
  const notices = statements.notices.get(parameters(agencyId, year));
  const collected = statements.collected.get(parameters(agencyId, year));
  return { notices: notices?.n ?? 0, notifiedYuan: notices?.amount ?? 0, collectedYuan: collected?.amount ?? 0 };
}
