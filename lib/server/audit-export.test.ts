import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { entryHash } from "@/lib/audit/chain";
import { restoreFormula } from "@/lib/ledger-io/cells";
import { exportAuditEntries } from "./audit";
import { verifyAuditTrail } from "./audit-chain";
import { AccessError } from "./errors";
import { registerApplication, voidApplication } from "./ledger";
import { anonymous, asSession, signedInUser } from "./testing/callers";

async function csvOf(sessionId: string, filter: Record<string, string> = {}): Promise<string[][]> {
  const file = await asSession(sessionId, () => exportAuditEntries(filter));
  let text = "";
  for await (const chunk of file.stream) text += String(chunk);
  return parse(text, { bom: true }) as string[][];
}

describe("exporting the audit trail", () => {
  let auditor: Awaited<ReturnType<typeof signedInUser>>;
  let clerk: Awaited<ReturnType<typeof signedInUser>>;
  beforeAll(async () => {
    auditor = await signedInUser("auditor");
    clerk = await signedInUser("clerk");
    await asSession(clerk.sessionId, async () => {
      for (let i = 0; i < 3; i++) {
        await registerApplication({ channel: "in_person", arrivedOn: "2026-11-02", applicantType: "natural_person", applicantName: "张三", idNumber: "11010519491231002X", description: `文件${i}`, formWanted: "paper" });
      }
    });
  });

  it("gives every entry in chain order, each row's hash recomputable from the copy alone", async () => {
    // A payload a spreadsheet would run travels defused and must come back exact.
    await asSession(clerk.sessionId, async () => {
      const { id } = await registerApplication({ channel: "in_person", arrivedOn: "2026-11-03", applicantType: "natural_person", applicantName: "李四", description: "重复", formWanted: "paper" });
      await voidApplication(id, { reason: "=重复登记" });
    });
    const [header, ...rows] = await csvOf(auditor.sessionId);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const cell = (row: string[], name: string) => restoreFormula(row[column(name)] ?? "");
    const orNull = (value: string) => (value === "" ? null : value);
    const stored = db().select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).all();
    // The export's own entry is written before the entries are read, so it is the last line.
    expect(rows.map((row) => Number(row[0]))).toEqual(stored.map((entry) => entry.id));
    let previous: string | null = null;
    for (const row of rows) {
      const entry = {
        id: Number(cell(row, "序号")),
        at: cell(row, "时间（UTC，原值）"),
        actorUserId: orNull(cell(row, "操作人编号")) === null ? null : Number(cell(row, "操作人编号")),
        actorName: cell(row, "操作人"),
        action: cell(row, "操作代码"),
        entity: cell(row, "对象"),
        entityId: orNull(cell(row, "对象编号")),
        agencyId: orNull(cell(row, "机构内部编号")) === null ? null : Number(cell(row, "机构内部编号")),
        before: orNull(cell(row, "变更前")),
        after: orNull(cell(row, "变更后")),
        detail: orNull(cell(row, "说明")),
      };
      expect(orNull(cell(row, "前一条哈希")), `entry ${entry.id}`).toBe(previous);
      expect(entryHash(entry, previous), `entry ${entry.id}`).toBe(cell(row, "哈希"));
      previous = cell(row, "哈希");
    }
    expect(rows.map((row) => row[column("说明")])).toContain("'=重复登记");
    expect(rows.at(-1)?.slice(column("操作"), column("操作代码") + 1)).toEqual(["导出审计日志", "audit.export"]);
    expect((await asSession(auditor.sessionId, verifyAuditTrail)).ok).toBe(true);
  });

  it("takes the list's filters and records what was taken", async () => {
    const rows = (await csvOf(auditor.sessionId, { user: clerk.username, action: "application.register" })).slice(1);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row[3]))).toEqual(new Set([clerk.username]));
    // Personal fields are markers in the trail, so in the export too.
    expect(rows.map((row) => row.join(" ")).join("\n")).not.toContain("11010519491231002X");
    const recorded = db().select().from(auditLog).where(eq(auditLog.action, "audit.export")).all().at(-1);
    expect(recorded?.detail).toBe(`导出筛选：操作人 ${clerk.username}，操作 application.register`);
    expect(recorded?.actorName).toBe(auditor.username);
  });

  it("is for the auditor only", async () => {
    const admin = await signedInUser("admin");
    for (const sessionId of [clerk.sessionId, admin.sessionId]) {
      await expect(asSession(sessionId, () => exportAuditEntries({}))).rejects.toBeInstanceOf(AccessError);
    }
    await expect(anonymous(() => exportAuditEntries({}))).rejects.toBeInstanceOf(AccessError);
  });
});
