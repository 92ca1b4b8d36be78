import { desc, eq, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { db, sqlite } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { InputError } from "./errors";
import { asSession, asSystem, signedInUser } from "./testing/callers";
import { createUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from "./users";
import { createAgency, updateAgency } from "./agencies";

function lastAudit(action: string) {
  return db().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1).get();
}

describe("accounts", () => {
  it("refuse a clerk without an agency and an admin with one, in Chinese, on the right field", async () => {
    await expect(asSystem(() => createUser({ username: "noagency", displayName: "某", role: "clerk", agencyCode: "" }))).rejects.toSatisfy(
      (error) => error instanceof ZodError && error.issues.some((issue) => issue.path[0] === "agencyCode" && issue.message.includes("必须属于")),
    );
    await signedInUser("clerk"); // makes sure testagency exists
    await expect(asSystem(() => createUser({ username: "adminwithagency", displayName: "某", role: "admin", agencyCode: "testagency" }))).rejects.toBeInstanceOf(ZodError);
  });

  it("refuse a username that is taken", async () => {
    const existing = await signedInUser("auditor");
    await expect(asSystem(() => createUser({ username: existing.username, displayName: "重名", role: "auditor" }))).rejects.toEqual(
      new InputError({ username: "该用户名已被使用" }),
    );
  });

  it("are audited with before and after, never the hash", async () => {
    const admin = await signedInUser("admin");
    const target = await signedInUser("clerk");
    await asSession(admin.sessionId, () => updateUser(target.userId, { displayName: "改过的名字", role: "clerk", agencyCode: "testagency" }));
    const entry = lastAudit("user.update");
    expect(entry?.actorName).toBe(admin.username);
    expect(JSON.parse(entry?.before ?? "{}")).toMatchObject({ displayName: "测试clerk" });
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ displayName: "改过的名字" });
    expect(`${entry?.before}${entry?.after}`).not.toMatch(/scrypt|passwordHash/);
  });

  it("keep at least one active admin", async () => {
    const admins = db().select().from(users).where(eq(users.role, "admin")).all();
    for (const admin of admins) await asSystem(() => setUserDisabled(admin.id, true)).catch(() => undefined);
    const lastOne = await asSystem(async () => {
      const created = await createUser({ username: `lastadmin${Date.now()}`, displayName: "唯一管理员", role: "admin" });
      for (const admin of admins) await setUserDisabled(admin.id, true).catch(() => undefined);
      return created;
    });
    await expect(asSystem(() => setUserDisabled(lastOne.userId, true))).rejects.toBeInstanceOf(InputError);
    await expect(asSystem(() => updateUser(lastOne.userId, { displayName: "x", role: "auditor", agencyCode: "" }))).rejects.toBeInstanceOf(InputError);
  });

  it("reset gives a new password that must be changed and lifts a lockout", async () => {
    const user = await signedInUser("clerk");
    db().update(users).set({ lockedUntil: new Date(Date.now() + 60_000).toISOString() }).where(eq(users.id, user.userId)).run();
    const reset = await asSystem(() => resetUserPassword(user.userId));
    const row = db().select().from(users).where(eq(users.id, user.userId)).get();
    expect(reset.password).not.toBe(user.password);
    expect(row).toMatchObject({ mustChangePassword: true, lockedUntil: null });
  });

  it("list only for the admin", async () => {
    const reviewer = await signedInUser("reviewer");
    await expect(asSession(reviewer.sessionId, () => listUsers())).rejects.toMatchObject({ reason: "forbidden" });
  });
});

describe("agencies", () => {
  it("may have a parent, but never themselves as an ancestor", async () => {
    await asSystem(() => createAgency({ code: "county", name: "某县人民政府" }));
    await asSystem(() => createAgency({ code: "county-edu", name: "某县教育局", parentCode: "county" }));
    await expect(asSystem(() => updateAgency("county", { name: "某县人民政府", parentCode: "county-edu", active: "true" }))).rejects.toEqual(
      new InputError({ parentCode: "上级机构不能是本机构或其下级机构" }),
    );
  });
});

describe("the audit trail", () => {
  it("refuses UPDATE and DELETE", async () => {
    await signedInUser("auditor");
    const before = db().all(sql`select * from audit_log order by id`);
    expect(before.length).toBeGreaterThan(0);
    expect(() => sqlite().prepare("update audit_log set actor_name = 'someone else'").run()).toThrow(/append-only/);
    expect(() => sqlite().prepare("delete from audit_log").run()).toThrow(/append-only/);
    expect(db().all(sql`select * from audit_log order by id`)).toEqual(before);
  });
});
