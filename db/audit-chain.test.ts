import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { chainUnhashedAuditEntries, verifyAuditChainOf } from "./audit-chain";
import { openDatabaseFile } from "./client";
import { databaseMigratedBefore } from "./testing/migrated-before";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-chain-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A database as it stood before the hash chain. */
function databaseBeforeTheChain(name: string): string {
  const file = path.join(scratch, `${name}.db`);
  databaseMigratedBefore("0007_security", file);
  return file;
}

const insertOld = `insert into audit_log (at, actor_user_id, actor_name, action, entity, entity_id, agency_id, before, after, detail)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function oldEntries(connection: Database.Database, count: number): void {
  const insert = connection.prepare(insertOld);
  connection.transaction(() => {
    for (let i = 1; i <= count; i++) {
      insert.run(`2025-0${(i % 9) + 1}-01T00:00:00.000Z`, i % 3 ? i : null, i % 3 ? `user${i}` : "system", "user.update", "user", String(i), null, JSON.stringify({ n: i - 1 }), JSON.stringify({ n: i }), i === 2 ? "旧说明 😀 \u0007" : null);
    }
  })();
}

const hashes = (connection: Database.Database) => connection.prepare("select id, prev_hash, hash from audit_log order by id").all();

describe("chaining the audit entries written before the chain", () => {
  it("chains every old entry when the database is opened, once", async () => {
    const file = databaseBeforeTheChain("backfill");
    const old = new Database(file);
    // More than one chunk of the backfill and of the verification.
    oldEntries(old, 12_001);
    old.close();

    const { sqlite } = openDatabaseFile(file);
    const report = await verifyAuditChainOf(sqlite);
    expect(report).toMatchObject({ ok: true, entries: 12_001, head: { id: 12_001 } });
    expect(sqlite.prepare("select count(*) from audit_log where hash is null").pluck().get()).toBe(0);
    expect(sqlite.prepare("select prev_hash from audit_log where id = 1").pluck().get()).toBeNull();
    const first = hashes(sqlite);
    sqlite.close();

    const again = openDatabaseFile(file).sqlite;
    expect(hashes(again)).toEqual(first);
    expect(chainUnhashedAuditEntries(again)).toBe(0);
    again.close();
  });

  it("lets the hash be set once on an entry without one, and nothing else be changed or removed", async () => {
    const file = databaseBeforeTheChain("trigger");
    const old = new Database(file);
    oldEntries(old, 3);
    old.close();
    const { sqlite } = openDatabaseFile(file);
    expect(() => sqlite.prepare("update audit_log set detail = 'x' where id = 2").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("update audit_log set hash = 'x' where id = 2").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log where id = 3").run()).toThrow(/append-only/);

    // A bulk load around recordAudit leaves entries without a hash, and chains them on after the last one.
    sqlite.prepare(insertOld).run("2026-01-01T00:00:00.000Z", null, "system", "user.create", "user", "9", null, null, null, null);
    const unhashed = sqlite.prepare("select max(id) from audit_log").pluck().get();
    expect(() => sqlite.prepare("update audit_log set detail = 'x', hash = 'y' where id = ?").run(unhashed)).toThrow(/append-only/);
    expect(chainUnhashedAuditEntries(sqlite)).toBe(1);
    expect(await verifyAuditChainOf(sqlite)).toMatchObject({ ok: true, entries: 4 });
    sqlite.close();
  });

  it("does not vouch for an entry written around the app once the chain has started", async () => {
    const file = databaseBeforeTheChain("around");
    const old = new Database(file);
    oldEntries(old, 3);
    old.close();
    openDatabaseFile(file).sqlite.close();
    const raw = new Database(file);
    raw.prepare(insertOld).run("2026-01-01T00:00:00.000Z", null, "system", "user.create", "user", "9", null, null, null, "伪造的记录");
    raw.close();
    const { sqlite } = openDatabaseFile(file);
    expect(await verifyAuditChainOf(sqlite)).toMatchObject({ ok: false, break: { kind: "unchained", entryId: 4 } });
    sqlite.close();
  });

  it("leaves an entry without a hash before a chained one for verification to report", async () => {
    const file = databaseBeforeTheChain("gap");
    const old = new Database(file);
    oldEntries(old, 3);
    old.close();
    const { sqlite } = openDatabaseFile(file);
    sqlite.exec("drop trigger audit_log_no_update");
    sqlite.prepare("update audit_log set hash = null where id = 2").run();
    expect(chainUnhashedAuditEntries(sqlite)).toBe(0);
    expect(await verifyAuditChainOf(sqlite)).toMatchObject({ ok: false, break: { kind: "unchained", entryId: 2 } });
    sqlite.close();
  });
});
