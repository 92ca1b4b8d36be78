import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { BenchAccount, GenerationStats } from "./generate";

/**
 * The benchmark database and what is kept beside it: `<db>.accounts.json` holds the accounts the benchmark
 * signs in with (generated passwords, so the file is readable by its owner only), how the data was made, and
 * a fingerprint of the migrations it was made with, so a database from before a schema change is made again
 * instead of measured.
 */

export type BenchData = {
  migrations: string;
  generatedAt: string;
  stats: GenerationStats;
  accounts: BenchAccount[];
};

export function defaultDataPath(small: boolean): string {
  return path.resolve("data", "bench", small ? "gongkai-small.db" : "gongkai-1m.db");
}

export function accountsFileOf(databasePath: string): string {
  return `${databasePath}.accounts.json`;
}

export function migrationsFingerprint(folder = path.join(process.cwd(), "db", "migrations")): string {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".sql")).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(folder, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

export function writeBenchData(databasePath: string, data: BenchData): void {
  fs.writeFileSync(accountsFileOf(databasePath), `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
}

/** The database's record, or why it cannot be used: missing, not made by `bench:data`, or made before a migration changed. */
export function readBenchData(databasePath: string): { data: BenchData } | { problem: string } {
  if (!fs.existsSync(databasePath)) return { problem: `${databasePath} 不存在` };
  const file = accountsFileOf(databasePath);
  if (!fs.existsSync(file)) return { problem: `${file} 不存在：不是 bench:data 生成的数据库` };
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as BenchData;
  if (data.migrations !== migrationsFingerprint()) return { problem: "数据库生成之后迁移文件有变化" };
  return { data };
}

/** Removes the database with its WAL companions and its record. */
export function removeBenchData(databasePath: string): void {
  for (const suffix of ["", "-wal", "-shm", ".accounts.json"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
}
