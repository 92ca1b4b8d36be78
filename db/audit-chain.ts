import "server-only";
import type Database from "better-sqlite3";
import { chainWalker, entryHash, type ChainReport, type StoredEntry } from "@/lib/audit/chain";

/**
 * The audit hash chain (lib/audit/chain.ts) against a connection: plain statements, because the backfill
 * runs while the database is being opened and the verification streams a million rows through cursors.
 */

const ENTRY_COLUMNS = `id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity, entity_id as entityId,
  agency_id as agencyId, before, after, detail, prev_hash as prevHash, hash`;

const BACKFILL_BATCH = 1000;

/**
 * Chains the entries after the last chained one, in one write transaction; run again it finds nothing to
 * do. For a bulk load that writes entries around `recordAudit` (the benchmark's generator), right after
 * it. Entries without a hash before a chained one are left as they are, for `audit verify` to report.
 * Returns how many entries it chained.
 */
export function chainUnhashedAuditEntries(connection: Database.Database): number {
  const lastChained = connection.prepare("select id, hash from audit_log where hash is not null order by id desc limit 1");
  const unchained = connection.prepare(`select ${ENTRY_COLUMNS} from audit_log where id > ? order by id limit ${BACKFILL_BATCH}`);
  const setHash = connection.prepare("update audit_log set prev_hash = ?, hash = ? where id = ?");
  const chain = connection.transaction(() => {
    const tail = lastChained.get() as { id: number; hash: string } | undefined;
    let afterId = tail?.id ?? 0;
    let prevHash = tail?.hash ?? null;
    let chained = 0;
    for (;;) {
      const batch = unchained.all(afterId) as StoredEntry[];
      for (const entry of batch) {
        const hash = entryHash(entry, prevHash);
        setHash.run(prevHash, hash, entry.id);
        prevHash = hash;
        afterId = entry.id;
      }
      chained += batch.length;
      if (batch.length < BACKFILL_BATCH) return chained;
    }
  });
  return chain.immediate();
}

/**
 * Run each time the database is opened, after the migrations: chains the entries written before the chain
 * existed (migration 0007), the first time only. Once any entry has a hash, an entry without one was
 * written around the app, and stays as it is for `audit verify` to report rather than being vouched for.
 */
export function chainEntriesFromBeforeTheChain(connection: Database.Database): number {
  const started = connection.prepare("select 1 from audit_log where hash is not null limit 1").get();
  return started ? 0 : chainUnhashedAuditEntries(connection);
}

/** How many entries are read in one go (about 10 ms of work), after which other requests get their turn. */
const VERIFY_CHUNK = 2000;

/**
 * Walks the whole chain through a cursor, one entry in memory at a time. Read in chunks, each in its own
 * read transaction, yielding to the event loop between them, so a server verifying a million entries
 * keeps answering (better-sqlite3 is synchronous: one long walk would hold the process). Entries appended
 * meanwhile are walked too; the last chunk and the highest id SQLite ever issued (AUTOINCREMENT's sequence,
 * kept even when the entry is gone) are read in the same transaction, so the end is checked consistently.
 */
export async function verifyAuditChainOf(connection: Database.Database): Promise<ChainReport> {
  const walker = chainWalker();
  const chunk = connection.prepare(`select ${ENTRY_COLUMNS} from audit_log where id > ? order by id limit ${VERIFY_CHUNK}`);
  const lastIssued = connection.prepare("select seq from sqlite_sequence where name = 'audit_log'").pluck();
  let afterId = 0;
  for (;;) {
    const walked = connection.transaction((): ChainReport | "more" => {
      const issued = (lastIssued.get() as number | undefined) ?? null;
      let read = 0;
      for (const entry of chunk.iterate(afterId) as IterableIterator<StoredEntry>) {
        const broken = walker.add(entry);
        if (broken) return broken;
        afterId = entry.id;
        read += 1;
      }
      return read < VERIFY_CHUNK ? walker.finish(issued) : "more";
    })();
    if (walked !== "more") return walked;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
