import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { env } from "@/lib/env";
import { chainEntriesFromBeforeTheChain } from "./audit-chain";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

export type Connection = { sqlite: Database.Database; db: Db };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * How long a write waits for another process's write lock before it fails with SQLITE_BUSY. Longer than
 * the longest write transaction: a 100,000-row import holds the lock 6 s on the benchmark machine and 12 s
 * on a loaded one (docs/reliability.md). better-sqlite3 waits synchronously, so a server waiting for a CLI
 * import answers no other request meanwhile; failing would lose the request instead.
 */
const BUSY_TIMEOUT_MS = 60_000;

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

/**
 * Turning a new file to WAL takes a lock SQLite does not wait for (the busy timeout does not apply): a second
 * process opening the same new file at that moment gets SQLITE_BUSY at once. It waits here instead.
 */
function retryWhileBusy<T>(work: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
}

/**
 * Drizzle reads which migrations are applied before its transaction begins, so processes opening a database
 * with pending migrations at the same moment all set out to apply them; all but the first fail (a table that
 * already exists, or SQLITE_BUSY) and roll back. When another process applied migrations meanwhile, trying
 * again finds what is left to do (usually nothing).
 */
function migrateAlongsideOthers(db: Db, sqlite: Database.Database): void {
  for (;;) {
    const applied = appliedMigrations(sqlite);
    try {
      migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return;
    } catch (error) {
      if (retryWhileBusy(() => appliedMigrations(sqlite)) === applied) throw error;
    }
  }
}

// One connection per process; Next.js may load this module more than once in development.
const holder = globalThis as typeof globalThis & { __gongkaiDb?: Connection };

/**
 * Opens a database file as the app uses it, brought up to date: migrations applied and the audit entries
 * from before the hash chain (migration 0007) chained. The configured database, and a file being restored.
 */
export function openDatabaseFile(file: string): Connection {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  retryWhileBusy(() => sqlite.pragma("journal_mode = WAL"));
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = FULL");
  const db = drizzle(sqlite, { schema });
  migrateAlongsideOthers(db, sqlite);
  chainEntriesFromBeforeTheChain(sqlite);
  return { sqlite, db };
}

function connection(): Connection {
  holder.__gongkaiDb ??= openDatabaseFile(env().databasePath);
  return holder.__gongkaiDb;
}

export function db(): Db {
  return connection().db;
}

export function sqlite(): Database.Database {
  return connection().sqlite;
}

/**
 * Every write goes through here: BEGIN IMMEDIATE takes the write lock up front, so two writers
 * queue on the busy timeout instead of failing halfway with SQLITE_BUSY on lock upgrade.
 */
export function writeTransaction<T>(work: (tx: Db) => T): T {
  return db().transaction((tx) => work(tx as unknown as Db), { behavior: "immediate" });
}

/** Applies pending migrations; opening the connection already does, so this is for the CLI's `migrate`. */
export function migrateDatabase(): string {
  connection();
  return env().databasePath;
}

/** When the newest migration this app knows was made: a database migrated later comes from a newer version. */
export function latestMigrationTime(): number {
  return Math.max(0, ...readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((migration) => migration.folderMillis));
}

export function closeDatabase(): void {
  holder.__gongkaiDb?.sqlite.close();
  holder.__gongkaiDb = undefined;
}
