import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { measure, stats, type Stats } from "./measure";

/**
 * What the writes cannot go below on this machine and file system, measured in the same run.
 */

/**
 * One row inserted in its own `BEGIN IMMEDIATE` transaction and committed, on the benchmark database's own
 * connection (WAL, synchronous=FULL): the commit and its fsync, which every registration pays.
 */
export async function commitFloor(connection: Database.Database, iterations: number): Promise<Stats> {
  connection.exec("create table if not exists bench_commit_floor (id integer primary key, payload text not null)");
  const insert = connection.prepare("insert into bench_commit_floor (payload) values (?)");
  const once = connection.transaction(() => insert.run("x".repeat(400)));
  try {
    return await measure(iterations, 10, async () => once.immediate());
  } finally {
    connection.exec("drop table bench_commit_floor");
  }
}

/**
 * The CSV read into a new table of a new database by the sqlite3 shell's `.import` (WAL, synchronous=FULL):
 * parsing and writing the rows with no checks, no indexes and no ledger around them. Wall-clock time of the
 * shell, start-up included (a few milliseconds). Null without the sqlite3 command line.
 */
export function csvImportFloor(file: string, runs: number): Stats | null {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-bench-floor-"));
    try {
      const script = ["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", `.import --csv '${file.replace(/'/g, "''")}' ledger`, "select count(*) from ledger;"].join("\n");
      const started = performance.now();
      execFileSync("sqlite3", [path.join(dir, "floor.db")], { input: script, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      samples.push(performance.now() - started);
    } catch {
      return null;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return stats(samples);
}
