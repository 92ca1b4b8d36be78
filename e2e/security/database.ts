import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_DIR } from "../accounts";

/**
 * The test server's database (e2e/serve.ts), opened read-only: to find the ids the pages are asked
 * for, and to prove that a refused request changed nothing. Writes only ever go through the app.
 */
export function readDatabase<T>(read: (database: Database.Database) => T): T {
  const database = new Database(path.join(E2E_DIR, "gongkai.db"), { readonly: true, fileMustExist: true });
  try {
    return read(database);
  } finally {
    database.close();
  }
}

/**
 * A hash of every row of every table, per table. A session's last-seen time is left out: the app
 * updates it (at most once a minute) on any request of a signed-in user, refused or not. Full-text
 * index tables follow their content table and are left out too.
 */
export function databaseFingerprint(): Record<string, string> {
  return readDatabase((database) => {
    const tables = database
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    const virtual = tables.filter((table) => /^create virtual/i.test(table.sql)).map((table) => table.name);
    const fingerprint: Record<string, string> = {};
    for (const { name } of tables) {
      if (virtual.some((index) => name === index || name.startsWith(`${index}_`))) continue;
      const columns = (database.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[])
        .map((column) => column.name)
        .filter((column) => !(name === "sessions" && column === "last_seen_at"));
      const hash = createHash("sha256");
      const rows = database.prepare(`SELECT ${columns.map((column) => `"${column}"`).join(", ")} FROM "${name}" ORDER BY rowid`).raw().iterate();
      for (const row of rows as Iterable<unknown[]>) {
        for (const value of row) hash.update(Buffer.isBuffer(value) ? value : `${typeof value}:${String(value)}`).update("\u0000");
        hash.update("\u0001");
      }
      fingerprint[name] = hash.digest("hex");
    }
    return fingerprint;
  });
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}
