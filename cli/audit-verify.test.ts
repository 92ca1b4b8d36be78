import { beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "@/db/client";
import { entryHash, type StoredEntry } from "@/lib/audit/chain";
import { runCli } from "./commands";

const ENTRY = `select id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity, entity_id as entityId,
  agency_id as agencyId, before, after, detail, prev_hash as prevHash, hash from audit_log`;

const entryAt = (id: number) => sqlite().prepare(`${ENTRY} where id = ?`).get(id) as StoredEntry;
const entryCount = () => sqlite().prepare("select count(*) from audit_log").pluck().get() as number;
const beijing = (at: string) => new Date(at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/**
 * Tampers with the trail as someone with the database file could (the append-only triggers dropped), runs
 * `audit verify`, and puts everything back as it was, triggers included.
 */
function tampered(tamper: () => void): Promise<{ code: number; output: string }> {
  const triggers = sqlite().prepare("select sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").pluck().all() as string[];
  const entries = sqlite().prepare(`select * from audit_log order by id`).all() as Record<string, unknown>[];
  const sequence = sqlite().prepare("select seq from sqlite_sequence where name = 'audit_log'").pluck().get();
  sqlite().exec("drop trigger audit_log_no_update; drop trigger audit_log_no_delete");
  tamper();
  return runCli(["audit", "verify"]).finally(() => {
    sqlite().exec("delete from audit_log");
    const columns = Object.keys(entries[0] ?? {});
    const insert = sqlite().prepare(`insert into audit_log (${columns.join(", ")}) values (${columns.map((c) => `@${c}`).join(", ")})`);
    for (const entry of entries) insert.run(entry);
    sqlite().prepare("update sqlite_sequence set seq = ? where name = 'audit_log'").run(sequence);
    for (const trigger of triggers) sqlite().exec(trigger);
  });
}

describe("audit verify", () => {
  beforeAll(async () => {
    for (const code of ["verify-a", "verify-b", "verify-c", "verify-d"]) {
      expect((await runCli(["create-agency", "--code", code, "--name", `校验测试机构 ${code}`])).code).toBe(0);
    }
  });

  it("reports an intact chain with its length and last hash", async () => {
    const result = await runCli(["audit", "verify"]);
    expect(result.code).toBe(0);
    const head = entryAt(entryCount());
    expect(result.output).toBe(`审计链完整：共 ${entryCount()} 条，最后一条为第 ${head.id} 条（${beijing(head.at)}），哈希 ${head.hash}`);
  });

  it("names an edited entry and exits non-zero", async () => {
    const target = entryAt(2);
    const result = await tampered(() => sqlite().prepare("update audit_log set detail = '没有发生过' where id = 2").run());
    expect(result.code).toBe(1);
    expect(result.output).toContain(`审计链在第 2 条（${beijing(target.at)}）处断开`);
    expect(result.output).toContain("被改动");
  });

  it("names the entry after one that was edited and given a matching hash", async () => {
    const result = await tampered(() => {
      const forged = { ...entryAt(2), actorName: "someone-else" };
      sqlite().prepare("update audit_log set actor_name = ?, hash = ? where id = 2").run(forged.actorName, entryHash(forged, forged.prevHash));
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`审计链在第 3 条（${beijing(entryAt(3).at)}）处断开`);
  });

  it("names where an entry was deleted", async () => {
    const result = await tampered(() => sqlite().prepare("delete from audit_log where id = 3").run());
    expect(result.code).toBe(1);
    expect(result.output).toContain(`审计链在第 4 条（${beijing(entryAt(4).at)}）处断开：此前的第 3 条已被删除`);
  });

  it("finds the last entries deleted", async () => {
    const last = entryCount();
    const result = await tampered(() => sqlite().prepare("delete from audit_log where id >= ?").run(last - 1));
    expect(result.code).toBe(1);
    expect(result.output).toContain(`之后断开：其后的第 ${last - 1}–${last} 条已被删除`);
  });

  it("is whole again once the tampering is undone, and refuses other words", async () => {
    expect((await runCli(["audit", "verify"])).code).toBe(0);
    expect((await runCli(["audit"])).code).toBe(1);
    expect((await runCli(["audit", "fix"])).output).toContain("audit verify");
  });
});
