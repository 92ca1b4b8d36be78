import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { exportAuditEntries } from "./audit";
import { verifyAuditTrail } from "./audit-chain";
import { AccessError } from "./errors";
import { registerApplication } from "./ledger";
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

  it("gives every entry in chain order with its hashes, so the copy checks against the chain", async () => {
    const [header, ...rows] = await csvOf(auditor.sessionId);
    expect(header?.[0]).toBe("序号");
    const stored = db().select({ id: auditLog.id, hash: auditLog.hash, prevHash: auditLog.prevHash }).from(auditLog).orderBy(auditLog.id).all();
    // The export's own entry is written before the entries are read, so it is the last line.
    expect(rows.map((row) => Number(row[0]))).toEqual(stored.map((entry) => entry.id));
    for (const [index, row] of rows.entries()) {
      expect(row[12]).toBe(stored[index]?.hash);
      expect(row[11]).toBe(stored[index]?.prevHash ?? "");
      if (index > 0) expect(row[11]).toBe(rows[index - 1]?.[12]);
    }
    expect(rows.at(-1)?.slice(3, 5)).toEqual(["导出审计日志", "audit.export"]);
    expect((await asSession(auditor.sessionId, verifyAuditTrail)).ok).toBe(true);
  });

  it("takes the list's filters and records what was taken", async () => {
    const rows = (await csvOf(auditor.sessionId, { user: clerk.username, action: "application.register" })).slice(1);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set([clerk.username]));
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
