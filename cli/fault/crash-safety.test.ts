import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { closeDatabase } from "@/db/client";
import { todayInChina } from "@/lib/calendar";
import { env } from "@/lib/env";
import { createRandom } from "@/lib/seeded-random";
import { ensureAgency, signedInUser } from "@/lib/server/testing/callers";
import { bundleWriter } from "./bundle";
import { checkDatabase, trackingRange } from "./check-database";
import type { Ack, WriteKind } from "./protocol";
import { startProcess, startWriter, type WriterOptions, type WriterProcess } from "./writer-process";

/**
 * Crash safety and concurrent writers (issue 6, item 8), with real processes on one database file: writers
 * (writer.ts) work through the data layer as the CLI does and are killed with SIGKILL at random moments; after
 * every kill the database must hold everything they acknowledged and nothing half-written. The figures go to
 * docs/reliability.md.
 */

const KILLS = 110;
/** Most kills land while the writer writes; some while it opens the database (migrations) and starts. */
const STARTUP_KILL_CHANCE = 0.1;
const MAX_STARTUP_KILL_DELAY_MS = 40;
const MAX_KILL_DELAY_MS = 400;
const MIGRATION_KILLS = 15;
/** Opening a new file and migrating it takes 15–60 ms: the kills land before, inside and after. */
const MAX_MIGRATION_KILL_DELAY_MS = 40;
const CONCURRENT_WRITERS = 4;
const WRITES_EACH = 100;

const CRASH_AGENCY = "fault-crash";
const CONCURRENT_AGENCY = "fault-concurrent";
const root = process.cwd();
const year = Number(todayInChina().slice(0, 4)) - 1;
const databasePath = env().databasePath;
let workDir = "";
let script = "";
let clerkSession = "";

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-fault-"));
  script = await bundleWriter(root, workDir);
  await ensureAgency(CRASH_AGENCY);
  await ensureAgency(CONCURRENT_AGENCY);
  clerkSession = (await signedInUser("clerk", { agencyCode: CRASH_AGENCY })).sessionId;
  // The writers alone hold the database; every check opens it afresh, as after a crash.
  closeDatabase();
}, 60_000);

/** Every writer started, so none outlives a failed test. */
const started: WriterProcess[] = [];
function launch(options: WriterOptions, file = databasePath): WriterProcess {
  const child = startWriter(script, { cwd: root, databasePath: file }, options);
  started.push(child);
  return child;
}

afterAll(async () => {
  await Promise.all(started.map((child) => child.kill()));
  fs.rmSync(workDir, { recursive: true, force: true });
});

const serialOf = (trackingNumber: string) => Number(trackingNumber.slice(5));

function countBy<T extends string>(items: readonly T[]): Record<string, number> {
  return items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [item]: (counts[item] ?? 0) + 1 }), {});
}

describe("crash safety", () => {
  it(`keeps every acknowledged write and no half-written one through ${KILLS} SIGKILLs`, async () => {
    const random = createRandom(20261129);
    const acks: Ack[] = [];
    const begun = new Map<string, WriteKind>();
    const inFlight: { kind: WriteKind; committed: boolean }[] = [];
    let startupKills = 0;
    const spent = { loading: 0, opening: 0, checking: 0 };
    const timed = async <T>(phase: keyof typeof spent, work: () => Promise<T> | T): Promise<T> => {
      const from = performance.now();
      try {
        return await work();
      } finally {
        spent[phase] += performance.now() - from;
      }
    };
    const startedAt = performance.now();
    const load = (run: number) => launch({ seed: run, agencyCode: CRASH_AGENCY, year, session: clerkSession, waitForGo: true });
    let next = load(1);
    for (let run = 1; run <= KILLS; run++) {
      const writer = next;
      await timed("loading", () => writer.waiting);
      writer.go();
      // The next writer loads (the slow part of a start, ~0.3 s) while this one writes.
      if (run < KILLS) next = load(run + 1);
      if (random.chance(STARTUP_KILL_CHANCE)) {
        startupKills++;
        await sleep(random.int(0, MAX_STARTUP_KILL_DELAY_MS));
      } else {
        await timed("opening", () => writer.ready);
        await sleep(random.int(0, MAX_KILL_DELAY_MS));
      }
      const exit = await writer.kill();
      // It died of the kill, not of an error of its own.
      expect(writer.errors, `writer ${run}`).toEqual([]);
      expect(exit.signal, `writer ${run}`).toBe("SIGKILL");
      for (const [token, kind] of writer.begun()) begun.set(token, kind);
      acks.push(...writer.acks());
      const pending = writer.unacknowledged();
      const check = await timed("checking", () => checkDatabase(databasePath, { agencyCode: CRASH_AGENCY, acks, begun, inFlight: pending }));
      expect(check.problems, `after kill ${run}`).toEqual([]);
      if (pending) inFlight.push({ kind: pending.kind, committed: check.inFlightCommitted === true });
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const final = await checkDatabase(databasePath, { agencyCode: CRASH_AGENCY, acks, begun });
    // Proof that the writers got to every kind of write, and that kills fell both before and after commits.
    expect(Object.keys(countBy([...begun.values()])).sort()).toEqual(["edit", "import", "register", "reply"]);
    expect(inFlight.filter((write) => write.committed).length).toBeGreaterThan(0);
    expect(inFlight.filter((write) => !write.committed).length).toBeGreaterThan(0);
    console.log(
      `crash safety: ${KILLS} SIGKILLs (${startupKills} during start-up) in ${seconds.toFixed(1)} s (waiting for the next writer to load ${(spent.loading / 1000).toFixed(1)} s, to open the database ${(spent.opening / 1000).toFixed(1)} s, checks ${(spent.checking / 1000).toFixed(1)} s); acknowledged writes ${JSON.stringify(countBy(acks.map((ack) => ack.kind)))}` +
        ` (${acks.filter((ack) => ack.kind === "import").reduce((rows, ack) => rows + (ack.kind === "import" ? ack.rows : 0), 0)} imported rows);` +
        ` killed mid-write ${inFlight.length} times ${JSON.stringify(countBy(inFlight.map((write) => write.kind)))}, of which committed before the kill ${inFlight.filter((write) => write.committed).length};` +
        ` ${final.applications} applications, ${(final.bytes / 1024 / 1024).toFixed(1)} MiB; problems found: ${final.problems.length}`,
    );
  }, 600_000);
});

describe("crash during migration", () => {
  it(`a new database killed while it is migrated is migrated whole by the next start (${MIGRATION_KILLS} kills)`, async () => {
    const random = createRandom(711);
    const migrations = readMigrationFiles({ migrationsFolder: path.join(root, "db", "migrations") }).length;
    const appliedIn = (file: string) => {
      const connection = new Database(file, { fileMustExist: true });
      try {
        const integrity = connection.pragma("integrity_check", { simple: true });
        const table = connection.prepare("select 1 from sqlite_master where name = '__drizzle_migrations'").get();
        const applied = table ? (connection.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
        return { integrity, applied };
      } finally {
        connection.close();
      }
    };
    const afterKill: number[] = [];
    for (let round = 1; round <= MIGRATION_KILLS; round++) {
      const fresh = path.join(workDir, `migrating-${round}.db`);
      const first = launch({ seed: 4000 + round, agencyCode: CRASH_AGENCY, year, writes: 0, waitForGo: true }, fresh);
      await first.waiting;
      first.go();
      await sleep(random.int(0, MAX_MIGRATION_KILL_DELAY_MS));
      await first.kill();
      expect(first.errors).toEqual([]);
      // Migrations are one transaction: none or all of them, never some.
      const killed = fs.existsSync(fresh) ? appliedIn(fresh) : { integrity: "ok", applied: 0 };
      expect(killed.integrity, `round ${round}`).toBe("ok");
      expect([0, migrations], `round ${round}`).toContain(killed.applied);
      afterKill.push(killed.applied);
      const second = launch({ seed: 5000 + round, agencyCode: CRASH_AGENCY, year, writes: 0 }, fresh);
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.errors).toEqual([]);
      expect(appliedIn(fresh)).toEqual({ integrity: "ok", applied: migrations });
    }
    // Proof that kills fell inside the migration, not only before or after it.
    expect(afterKill.filter((applied) => applied === 0).length).toBeGreaterThan(0);
    console.log(`crash during migration: ${MIGRATION_KILLS} kills, ${afterKill.filter((applied) => applied === 0).length} before the migrations committed, ${afterKill.filter((applied) => applied === migrations).length} after; every next start completed them`);
  }, 120_000);
});

describe("concurrent writers", () => {
  it(`${CONCURRENT_WRITERS} processes registering and importing into one agency and year at once: no error, numbers without gap or repeat`, async () => {
    const writers = Array.from({ length: CONCURRENT_WRITERS }, (_, i) =>
      launch({ seed: 1000 + i, agencyCode: CONCURRENT_AGENCY, year, kinds: ["register", "import"], writes: WRITES_EACH, waitForGo: true }),
    );
    await Promise.all(writers.map((writer) => writer.waiting));
    const startedAt = performance.now();
    for (const writer of writers) writer.go();
    const exits = await Promise.all(writers.map((writer) => writer.exited));
    const seconds = (performance.now() - startedAt) / 1000;
    expect(writers.flatMap((writer) => writer.errors)).toEqual([]);
    expect(exits).toEqual(writers.map(() => ({ code: 0, signal: null })));

    const numbersOf = (acks: Ack[]) => acks.flatMap((ack) => (ack.kind === "register" ? [ack.trackingNumber] : ack.kind === "import" ? trackingRange(ack.firstCreated, ack.lastCreated) : []));
    const owner = new Map(writers.flatMap((writer, i) => numbersOf(writer.acks()).map((number) => [number, i] as const)));
    const numbers = writers.flatMap((writer) => numbersOf(writer.acks())).sort((a, b) => serialOf(a) - serialOf(b));
    expect(owner.size, "no number given twice").toBe(numbers.length);
    expect(numbers).toEqual(numbers.map((_, i) => `${year}-${String(i + 1).padStart(4, "0")}`));
    // The writers really wrote at the same time: consecutive numbers went to different writers.
    const handovers = numbers.filter((number, i) => i > 0 && owner.get(number) !== owner.get(numbers[i - 1] ?? "")).length;
    expect(handovers).toBeGreaterThan(CONCURRENT_WRITERS);

    const check = await checkDatabase(databasePath, { agencyCode: CONCURRENT_AGENCY, acks: writers.flatMap((writer) => writer.acks()), begun: new Map(writers.flatMap((writer) => writer.begun())) });
    expect(check.problems).toEqual([]);
    expect(check.applications).toBe(numbers.length);
    console.log(
      `concurrent writers: ${CONCURRENT_WRITERS} processes × ${WRITES_EACH} writes (${writers.flatMap((writer) => writer.acks()).length} transactions, ${numbers.length} applications numbered ${numbers[0]}…${numbers.at(-1)}) in ${seconds.toFixed(1)} s;` +
        ` ${handovers} hand-overs between writers; errors: 0`,
    );
  }, 300_000);
});

describe("opening and waiting", () => {
  const ROUNDS = 10;
  /** Time for the openers to load before they open the file, all at once. */
  const OPEN_AFTER_MS = 1000;
  it(`${CONCURRENT_WRITERS} processes opening one new database file at the same moment all start (${ROUNDS} rounds)`, async () => {
    const opener = await bundleWriter(root, workDir, "opener");
    const failures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const fresh = path.join(workDir, `fresh-${round}.db`);
      const at = Date.now() + OPEN_AFTER_MS;
      const openers = Array.from({ length: CONCURRENT_WRITERS }, () => startProcess(opener, { cwd: root, databasePath: fresh }, ["--at", String(at)]));
      const exits = await Promise.all(openers.map((process) => process.exited));
      failures.push(...openers.flatMap((process, i) => (exits[i]?.code === 0 ? [] : [`round ${round}: ${process.errors.join("").split("\n")[0]}`])));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("a write waits for another process's long transaction instead of failing with SQLITE_BUSY", async () => {
    // Longer than the 5 s the busy timeout was; a 100,000-row import holds the write lock 6–12 s.
    const LOCK_HELD_MS = 8000;
    const writer = launch({ seed: 3000, agencyCode: CONCURRENT_AGENCY, year, kinds: ["register"], writes: 1, waitForGo: true });
    await writer.waiting;
    const other = new Database(databasePath);
    other.exec("BEGIN IMMEDIATE");
    writer.go();
    await sleep(LOCK_HELD_MS);
    other.exec("COMMIT");
    other.close();
    const exit = await writer.exited;
    expect(writer.errors).toEqual([]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(writer.acks().map((ack) => ack.kind)).toEqual(["register"]);
  }, 60_000);
});
