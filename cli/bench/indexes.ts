import type Database from "better-sqlite3";

/**
 * The indexes this benchmark found missing at province scale, tried on the working copy only (the schema and
 * its migrations are not the benchmark's to change). Two widen an existing index with the columns its queries
 * read, so those queries never visit the table; two are new.
 *
 * Why: an agency's applications are spread over the whole table (they arrive among every other agency's), so
 * a query that must read the row of each of an agency's 150,000 applications reads 150,000 scattered pages.
 */
export const PROPOSED_INDEXES: { name: string; columns: string; on: string; replaces: string | null; serves: string }[] = [
  {
    name: "applications_agency_status_due_idx",
    on: "applications",
    columns: "agency_id, status, reply_due_on, receipt_year, applicant_type, outcome",
    replaces: "(agency_id, status, reply_due_on)",
    serves: "the ledger's status counts (tabs and total) for every filter and any combination of them, from the index alone",
  },
  {
    name: "applications_agency_received_idx",
    on: "applications",
    // `id` right after the date keeps the list's order (received_on desc, id desc) in the index, so a page, however deep, is
    // found without sorting and without reading the rows it skips.
    columns: "agency_id, received_on, id, concluded_on, applicant_type, outcome, voided_at, receipt_year, status",
    replaces: "(agency_id, received_on)",
    serves: "table 三 of the annual report from the index alone; the ledger page (newest first, any depth) skips non-matching rows inside the index",
  },
  {
    name: "application_events_type_date_idx",
    on: "application_events",
    columns: "type, occurred_on",
    replaces: null,
    serves: "the report's fee figures: the year's fee notices and payments directly, instead of every event of every application of the agency",
  },
  {
    name: "applications_agency_due_order_idx",
    on: "applications",
    columns: "agency_id, (reply_due_on is null), reply_due_on",
    replaces: null,
    serves: "the ledger sorted by reply deadline (`sort=due_asc`): the first page without sorting all the agency's rows",
  },
];

export const indexStatement = (index: (typeof PROPOSED_INDEXES)[number]) => `create index ${index.name} on ${index.on} (${index.columns})`;

/** Bytes of each index and table, where SQLite has the dbstat table (better-sqlite3 does). */
export function objectSizes(connection: Database.Database): Map<string, number> {
  try {
    const rows = connection.prepare("select name, sum(pgsize) as bytes from dbstat group by name").all() as { name: string; bytes: number }[];
    return new Map(rows.map((row) => [row.name, row.bytes]));
  } catch {
    return new Map();
  }
}

/** Creates the proposed indexes on this (working-copy) database; returns the seconds each took. */
export function applyProposedIndexes(connection: Database.Database): { name: string; seconds: number }[] {
  return PROPOSED_INDEXES.map((index) => {
    const started = performance.now();
    connection.transaction(() => {
      if (index.replaces) connection.exec(`drop index if exists ${index.name}`);
      connection.exec(indexStatement(index));
    })();
    return { name: index.name, seconds: (performance.now() - started) / 1000 };
  });
}
