import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/**
 * A new database file as an older version of the app left it: every migration before `tag` applied, none
 * from it on. For tests of what opening (or restoring) an old database brings up to date.
 */
export function databaseMigratedBefore(tag: string, file: string): void {
  const folder = `${file}-migrations`;
  fs.mkdirSync(path.join(folder, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((entry) => entry.tag === tag);
  if (upTo < 0) throw new Error(`no migration ${tag}`);
  const before = journal.entries.slice(0, upTo);
  for (const entry of before) fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: before }));
  const connection = new Database(file);
  try {
    migrate(drizzle(connection), { migrationsFolder: folder });
  } finally {
    connection.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
