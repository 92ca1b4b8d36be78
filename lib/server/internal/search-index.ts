import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Runs a bulk insert of applications with the search index's per-row trigger paused, then indexes all the
 * new rows in one statement — in the caller's transaction, so a failure leaves neither rows nor index
 * entries behind (docs/decisions/007).
 */
export function withSearchIndexDeferred<T>(tx: Db, work: () => T): T {
  const before = tx.get<{ id: number }>(sql`select coalesce(max(id), 0) as id from applications`)?.id ?? 0;
  tx.run(sql`insert into search_index_paused (paused) values (1)`);
  const result = work();
  tx.run(sql`delete from search_index_paused`);
  tx.run(sql`insert into applications_search (rowid, tracking_number, external_number, applicant_name, description)
    select id, tracking_number, external_number, applicant_name, description from applications_search_rows where id > ${before}`);
  return result;
}
