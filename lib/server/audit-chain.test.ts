import { describe, expect, it } from "vitest";
import { sqlite, writeTransaction } from "@/db/client";
import { verifyAuditTrail } from "./audit-chain";
import { AccessError } from "./errors";
import { recordAudit } from "./audit-write";
import { anonymous, asSession, asSystem, signedInUser } from "./testing/callers";

const entryCount = () => sqlite().prepare("select count(*) from audit_log").pluck().get() as number;

describe("verifying the audit trail through the data layer", () => {
  it("is open to the auditor, the admin and the system, and to nobody else", async () => {
    const auditor = await signedInUser("auditor");
    const admin = await signedInUser("admin");
    const clerk = await signedInUser("clerk");
    expect((await asSession(auditor.sessionId, verifyAuditTrail)).ok).toBe(true);
    expect((await asSession(admin.sessionId, verifyAuditTrail)).ok).toBe(true);
    expect((await asSystem(verifyAuditTrail)).ok).toBe(true);
    await expect(asSession(clerk.sessionId, verifyAuditTrail)).rejects.toBeInstanceOf(AccessError);
    await expect(anonymous(verifyAuditTrail)).rejects.toBeInstanceOf(AccessError);
  });

  it("finds every entry the data layer wrote chained, whatever text they hold", async () => {
    // Whatever text an entry carries — lone surrogate halves, NUL, emoji, direction marks — is chained as stored.
    writeTransaction((tx) => {
      for (const text of ["\uD800半个代理对", "nul\u0000name", "表情😀\u202E"]) recordAudit(tx, { kind: "system" }, { action: "agency.update", entity: "test", detail: text });
    });
    const stored = sqlite().prepare("select detail from audit_log where entity = 'test'").pluck().all();
    expect(stored).toEqual(expect.arrayContaining([expect.stringContaining("\uFFFD半个代理对"), expect.stringContaining("nul\u0000name")]));
    const report = await asSystem(verifyAuditTrail);
    expect(report).toMatchObject({ ok: true, entries: entryCount() });
    const head = sqlite().prepare("select id, hash from audit_log order by id desc limit 1").get();
    expect(report.ok && report.head).toMatchObject(head as object);
  });
});
