import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, latestMigrationTime, sqlite } from "@/db/client";
import { verifyAuditChainOf } from "@/db/audit-chain";
import { databaseMigratedBefore } from "@/db/testing/migrated-before";
import { DEMO_AGENCY } from "@/lib/server/system";
import { listApplications } from "@/lib/server/ledger";
import { AccessError } from "@/lib/server/errors";
import { asSession, signedInUser } from "@/lib/server/testing/callers";
import { runCli } from "./commands";

const DATABASE = path.resolve(process.env.GONGKAI_DB ?? "");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-backup-restore-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const scratchFile = (name: string) => path.join(scratch, name);

type Rows = Map<string, Map<number, string>>;

/** Every row of every table (the full-text index's own tables aside: they follow `applications`), by rowid. */
function tableRows(connection: Database.Database): Rows {
  const tables = connection.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string; sql: string }[];
  const virtual = tables.filter((table) => /^create virtual/i.test(table.sql)).map((table) => table.name);
  const rows: Rows = new Map();
  for (const { name } of tables.filter((table) => !virtual.some((index) => table.name === index || table.name.startsWith(`${index}_`)))) {
    const byRowid = new Map<number, string>();
    for (const row of connection.prepare(`select rowid as "rowid*", * from "${name}"`).all() as Record<string, unknown>[]) {
      const { "rowid*": rowid, ...fields } = row;
      byRowid.set(Number(rowid), JSON.stringify(fields));
    }
    rows.set(name, byRowid);
  }
  return rows;
}

const plain = (rows: Rows) => Object.fromEntries([...rows].map(([table, byRowid]) => [table, Object.fromEntries(byRowid)]));

function integrityOf(connection: Database.Database) {
  return { integrity: connection.pragma("integrity_check", { simple: true }), foreignKeys: connection.pragma("foreign_key_check") };
}

/** The registration writer (load/registration-writer.ts) in its own process, and the acknowledgements it printed. */
function startWriter(agencyCode: string) {
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--tsconfig", "cli/tsconfig.json", "cli/load/registration-writer.ts", "--agency", agencyCode, "--seed", "7"], {
    env: { ...process.env, GONGKAI_DB: DATABASE },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const acked: number[] = [];
  const waiting: { until: () => boolean; resolve: () => void }[] = [];
  let done = false;
  let synced = 0;
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const ack = /^ack (\d+)$/.exec(line);
    if (ack) acked.push(Number(ack[1]));
    else if (line === "done") done = true;
    else if (line === "synced") synced += 1;
    else if (line !== "ready") throw new Error(`unexpected writer output: ${line}`);
    for (const wait of waiting.splice(0)) (wait.until() ? wait.resolve : () => waiting.push(wait))();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    acked,
    until: (condition: () => boolean) => (condition() ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ until: condition, resolve }))),
    /** Every acknowledgement the writer printed so far, once they have all arrived (a busy test process reads them late). */
    async sync(): Promise<number> {
      const target = synced + 1;
      child.stdin.write("sync\n");
      await this.until(() => synced >= target);
      return acked.length;
    },
    async stop() {
      child.stdin.write("stop\n");
      const code = await exited;
      expect(done).toBe(true);
      expect(code).toBe(0);
    },
  };
}

describe("backup under a write load", () => {
  it(
    "copies the database as of one moment while another process keeps registering applications",
    async () => {
      expect((await runCli(["demo"])).code).toBe(0);
      const applicationsBefore = sqlite().prepare("select max(id) from applications").pluck().get() as number;
      const writer = startWriter(DEMO_AGENCY.code);
      await writer.until(() => writer.acked.length >= 10);

      const backups: { file: string; ackedBefore: number[]; ackedAfter: number }[] = [];
      for (let i = 0; i < 6; i++) {
        const file = scratchFile(`load-${i}.db`);
        const ackedBefore = [...writer.acked];
        const result = await runCli(["backup", file]);
        expect(result.code, result.output).toBe(0);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        backups.push({ file, ackedBefore, ackedAfter: await writer.sync() });
        await writer.until(() => writer.acked.length >= ackedBefore.length + 5);
      }
      await writer.stop();
      // The load ran during the backups, not only between them.
      expect(backups.reduce((sum, b) => sum + (b.ackedAfter - b.ackedBefore.length), 0)).toBeGreaterThan(0);

      const source = tableRows(sqlite());
      const sourceAudit = sqlite().prepare("select id, action, entity_id as entityId from audit_log order by id").all() as { id: number; action: string; entityId: string }[];
      for (const backup of backups) {
        const copy = new Database(backup.file, { readonly: true });
        expect(integrityOf(copy)).toEqual({ integrity: "ok", foreignKeys: [] });
        const head = copy.prepare("select max(id) from audit_log").pluck().get() as number;
        expect(await verifyAuditChainOf(copy)).toMatchObject({ ok: true, entries: head });

        // Every write acknowledged before the backup began is in it; of those acknowledged later, at most the one in flight.
        const written = copy.prepare("select id from applications where id > ? order by id").pluck().all(applicationsBefore) as number[];
        expect(written).toEqual(expect.arrayContaining(backup.ackedBefore));
        expect(written.length).toBeLessThanOrEqual(backup.ackedAfter + 1);

        // The source as of that moment: its final state without what the writes after the backup's last audit entry added.
        const later = sourceAudit.filter((entry) => entry.id > head);
        expect(later.every((entry) => entry.action === "application.register" || entry.action === "system.backup")).toBe(true);
        const addedLater = new Set(later.filter((entry) => entry.action === "application.register").map((entry) => Number(entry.entityId)));
        const asOfBackup: Rows = new Map();
        for (const [table, rows] of source) {
          const kept = [...rows].filter(([rowid, json]) => {
            if (table === "audit_log") return rowid <= head;
            if (table === "applications") return !addedLater.has(rowid);
            if (table === "application_events") return !addedLater.has((JSON.parse(json) as { application_id: number }).application_id);
            return true;
          });
          asOfBackup.set(table, new Map(kept));
        }
        expect(plain(tableRows(copy))).toEqual(plain(asOfBackup));
        copy.close();
      }
    },
    180_000,
  );
});

/** Files the restore may leave beside the database: only the database itself and copies kept on purpose. */
const strayFiles = () => fs.readdirSync(path.dirname(DATABASE)).filter((name) => name.startsWith(`${path.basename(DATABASE)}.restoring`));

describe("restore", () => {
  let good: string;
  let clerkSession: string;

  beforeAll(async () => {
    clerkSession = (await signedInUser("clerk", { agencyCode: DEMO_AGENCY.code })).sessionId;
    good = scratchFile("good.db");
    expect((await runCli(["backup", good])).code).toBe(0);
  }, 60_000);

  function copyOfGood(name: string, change?: (connection: Database.Database) => void): string {
    const file = scratchFile(name);
    fs.copyFileSync(good, file);
    if (change) {
      const connection = new Database(file);
      change(connection);
      connection.close();
    }
    return file;
  }

  /** Rewrites the keys in the page of the username index, so the index no longer matches its table. */
  function damagedIndex(name: string): string {
    let root = 0;
    let pageSize = 0;
    let username = "";
    const file = copyOfGood(name, (connection) => {
      root = connection.prepare("select rootpage from sqlite_master where name = 'users_username_unique'").pluck().get() as number;
      pageSize = connection.pragma("page_size", { simple: true }) as number;
      username = connection.prepare("select username from users order by id limit 1").pluck().get() as string;
      connection.pragma("journal_mode = DELETE");
    });
    const page = Buffer.alloc(pageSize);
    const fd = fs.openSync(file, "r+");
    fs.readSync(fd, page, 0, pageSize, (root - 1) * pageSize);
    const at = page.indexOf(username, 0, "utf8");
    expect(at).toBeGreaterThan(0);
    page.fill("~", at, at + Buffer.byteLength(username));
    fs.writeSync(fd, page, 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    return file;
  }

  function truncated(name: string, bytes: (size: number, pageSize: number) => number): string {
    const file = copyOfGood(name);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, bytes(size, 4096));
    return file;
  }

  it(
    "refuses each kind of bad file, says why, exits non-zero and leaves the database as it was",
    async () => {
      const notGongkai = scratchFile("other-app.db");
      new Database(notGongkai).exec("create table notes (text)").close();
      const withWal = copyOfGood("with-wal.db");
      fs.writeFileSync(`${withWal}-wal`, Buffer.alloc(4096, 1));
      const cases: [string, string, RegExp][] = [
        ["missing", scratchFile("nowhere.db"), /找不到备份文件/],
        ["the database itself", DATABASE, /就是当前数据库本身/],
        ["not SQLite", (fs.writeFileSync(scratchFile("text.db"), "这不是数据库。\n".repeat(500)), scratchFile("text.db")), /不是 SQLite 数据库文件/],
        ["empty", (fs.writeFileSync(scratchFile("empty.db"), ""), scratchFile("empty.db")), /不是 SQLite 数据库文件/],
        ["cut mid-page", truncated("cut-mid-page.db", (size) => Math.floor(size / 2) + 100), /被截断/],
        ["cut at a page boundary", truncated("cut-at-page.db", (size, pageSize) => Math.floor(size / 2 / pageSize) * pageSize), /被截断/],
        ["damaged index", damagedIndex("damaged-index.db"), /完整性检查（integrity_check）未通过：.*users_username_unique/],
        ["broken foreign key", copyOfGood("foreign-key.db", (c) => c.pragma("foreign_keys = OFF") && c.prepare("update users set agency_id = 999999 where agency_id is not null").run()), /外键检查（foreign_key_check）未通过：表 users/],
        ["from a newer version", copyOfGood("newer.db", (c) => c.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', ?)").run(latestMigrationTime() + 86_400_000)), /更新版本的 gongkai/],
        ["edited audit entry", copyOfGood("edited-audit.db", (c) => c.exec("drop trigger audit_log_no_update; update audit_log set detail = '没有发生过' where id = 5")), /审计日志被改动过。审计链在第 5 条（.+）处断开/],
        ["deleted audit entry", copyOfGood("deleted-audit.db", (c) => c.exec("drop trigger audit_log_no_delete; delete from audit_log where id = 7")), /审计链在第 8 条（.+）处断开：此前的第 7 条已被删除/],
        ["another application's database", notGongkai, /不是 gongkai 的数据库/],
        ["a WAL not merged", withWal, /-wal/],
      ];
      const before = plain(tableRows(sqlite()));
      for (const [name, file, message] of cases) {
        const result = await runCli(["restore", file]);
        expect(result.code, name).toBe(1);
        expect(result.output, name).toMatch(message);
        expect(strayFiles(), name).toEqual([]);
      }
      expect(plain(tableRows(sqlite()))).toEqual(before);
    },
    120_000,
  );

  it("refuses while anything else has the database open", async () => {
    const server = new Database(DATABASE);
    server.prepare("select count(*) from users").get();
    const result = await runCli(["restore", good]);
    server.close();
    expect(result.code).toBe(1);
    expect(result.output).toContain("数据库正在被使用（服务是否仍在运行？）");
    expect(strayFiles()).toEqual([]);
  });

  it(
    "brings the backup back, keeps the replaced database beside it and ends every session",
    async () => {
      const backedUp = new Database(good, { readonly: true });
      const expected = tableRows(backedUp);
      backedUp.close();
      expect((await runCli(["create-agency", "--code", "after-backup", "--name", "备份之后建立的机构"])).code).toBe(0);
      expect((await asSession(clerkSession, () => listApplications({}))).total).toBeGreaterThan(0);

      const result = await runCli(["restore", good]);
      expect(result.code, result.output).toBe(0);
      const kept = /恢复前的数据库另存为 (.+)$/m.exec(result.output)?.[1] ?? "";
      expect(kept.startsWith(`${DATABASE}.before-restore-`)).toBe(true);

      const restored = tableRows(sqlite());
      expect(integrityOf(sqlite())).toEqual({ integrity: "ok", foreignKeys: [] });
      // The backup as it was, plus the restore's own audit entry, with the sessions it held ended.
      const restoreEntry = [...(restored.get("audit_log")?.values() ?? [])].at(-1) ?? "";
      expect(JSON.parse(restoreEntry)).toMatchObject({ action: "system.restore", actor_name: "system" });
      const lastBackedUp = Math.max(...(expected.get("audit_log")?.keys() ?? []));
      expect(new Map([...(restored.get("audit_log") ?? [])].filter(([id]) => id <= lastBackedUp))).toEqual(expected.get("audit_log"));
      expect(restored.get("audit_log")?.size).toBe((expected.get("audit_log")?.size ?? 0) + 1);
      for (const table of [...expected.keys()].filter((name) => name !== "audit_log" && name !== "sessions")) {
        expect(restored.get(table), table).toEqual(expected.get(table));
      }
      await expect(asSession(clerkSession, () => listApplications({}))).rejects.toBeInstanceOf(AccessError);
      expect((await runCli(["audit", "verify"])).code).toBe(0);

      const replaced = new Database(kept, { readonly: true });
      expect(integrityOf(replaced)).toEqual({ integrity: "ok", foreignKeys: [] });
      expect(replaced.prepare("select name from agencies where code = 'after-backup'").pluck().get()).toBe("备份之后建立的机构");
      replaced.close();
      expect(strayFiles()).toEqual([]);
    },
    60_000,
  );

  it("restores over a database too damaged to open, and where there is none", async () => {
    closeDatabase();
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${DATABASE}${suffix}`, { force: true });
    fs.writeFileSync(DATABASE, "SQLite format 3\0 然后是一堆乱码".repeat(300));
    const overDamaged = await runCli(["restore", good]);
    expect(overDamaged.code, overDamaged.output).toBe(0);
    const kept = /恢复前的数据库另存为 (.+)$/m.exec(overDamaged.output)?.[1] ?? "";
    expect(fs.readFileSync(kept, "utf8")).toContain("然后是一堆乱码");
    expect(sqlite().pragma("integrity_check", { simple: true })).toBe("ok");

    closeDatabase();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DATABASE}${suffix}`, { force: true });
    const intoNothing = await runCli(["restore", good]);
    expect(intoNothing.code, intoNothing.output).toBe(0);
    expect(intoNothing.output).not.toContain("另存为");
    expect((await runCli(["audit", "verify"])).code).toBe(0);
  });

  it("brings a backup of an older version up to date, its audit entries chained", async () => {
    const old = scratchFile("before-the-chain.db");
    databaseMigratedBefore("0007_security", old);
    const connection = new Database(old);
    const insert = connection.prepare("insert into audit_log (at, actor_name, action, entity, detail) values (?, 'system', 'user.create', 'user', ?)");
    for (let i = 1; i <= 20; i++) insert.run(new Date(Date.UTC(2025, 0, i)).toISOString(), `旧条目 ${i}`);
    connection.close();

    const result = await runCli(["restore", old]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("审计链完整，共 21 条");
    const migrations = sqlite().prepare("select max(created_at) from __drizzle_migrations").pluck().get();
    expect(migrations).toBe(latestMigrationTime());
    expect((await runCli(["audit", "verify"])).output).toContain("共 21 条");
  });
});
