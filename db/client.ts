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

// One connection per process; Next.js may load this module more than once in development.
const holder = globalThis as typeof globalThis & { __gongkaiDb?: Connection };

/**
 * Opens a database file as the app uses it, brought up to date: migrations applied and the audit entries
 * from before the hash chain (migration 0007) chained. The configured database, and a file being restored.
 */
export function openDatabaseFile(file: string): Connection {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
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
