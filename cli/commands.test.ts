import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { signInWithPassword } from "@/lib/server/sign-in";
import { asSession, signedInUser } from "@/lib/server/testing/callers";
import { currentUser } from "@/lib/server/users";
import { runCli } from "./commands";

describe("the gongkai command line", () => {
  it("lists its commands", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["migrate", "create-user", "reset-second-factor", "create-agency", "demo", "backup", "restore", "audit verify"]) expect(help.output).toContain(command);
  });

  it("creates an agency and a user who signs in with the printed password", async () => {
    expect((await runCli(["create-agency", "--code", "cli-agency", "--name", "命令行测试机构"])).code).toBe(0);
    const created = await runCli(["create-user", "--username", "cliclerk", "--name", "命令行经办", "--role", "clerk", "--agency", "cli-agency"]);
    expect(created.code).toBe(0);
    const password = created.output.match(/：([A-Za-z0-9]{16})$/)?.[1];
    expect(password).toBeDefined();
    expect((await signInWithPassword({ username: "cliclerk", password })).ok).toBe(true);
    expect(db().select().from(users).where(eq(users.username, "cliclerk")).get()?.mustChangePassword).toBe(true);
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "user.create")).orderBy(desc(auditLog.id)).get();
    expect(entry?.actorName).toBe("system");
  });

  it("clears a lost second factor, so an administrator can enrol again", async () => {
    const admin = await signedInUser("admin");
    expect(admin.totpSecret).not.toBeNull();
    const reset = await runCli(["reset-second-factor", "--username", admin.username]);
    expect(reset.code, reset.output).toBe(0);
    expect(reset.output).toContain("须重新绑定");
    expect(db().select().from(users).where(eq(users.id, admin.userId)).get()).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    // Every session of the user ended; the password alone opens a session that can only enrol.
    await expect(asSession(admin.sessionId, () => currentUser())).rejects.toMatchObject({ reason: "unauthenticated" });
    const again = await signInWithPassword({ username: admin.username, password: admin.password });
    expect(again.ok).toBe(true);
    const unknown = await runCli(["reset-second-factor", "--username", "nobody-here"]);
    expect(unknown.code).not.toBe(0);
  });

  it("exits non-zero with a Chinese message naming the flag", async () => {
    const missingAgency = await runCli(["create-user", "--username", "clerk2", "--name", "某", "--role", "clerk"]);
    expect(missingAgency.code).not.toBe(0);
    expect(missingAgency.output).toContain("--agency：经办人和审核人必须属于一个机构");
    const badRole = await runCli(["create-user", "--username", "clerk3", "--name", "某", "--role", "boss"]);
    expect(badRole.output).toContain("--role");
    const unknownFlag = await runCli(["create-agency", "--colour", "red"]);
    expect(unknownFlag.code).not.toBe(0);
    expect(unknownFlag.output).toContain("未知选项");
    expect((await runCli(["frobnicate"])).code).not.toBe(0);
  });

  it("seeds the demo agency only into an empty database", async () => {
    const demo = await runCli(["demo"]);
    expect(demo.output).toMatch(/已有数据|已创建演示/);
  });

  it("backs up to a file that opens as a complete database", async () => {
    const target = path.join(os.tmpdir(), `gongkai-backup-${process.pid}-${Date.now()}.db`);
    const result = await runCli(["backup", target]);
    expect(result.code).toBe(0);
    const copy = new Database(target, { readonly: true });
    const copied = copy.prepare("select count(*) as n from users").get() as { n: number };
    expect(copied.n).toBe(db().select().from(users).all().length);
    copy.close();
    expect((await runCli(["backup", target])).output).toContain("已存在");
    fs.rmSync(target);
  });
});

describe("the report command", () => {
  it("prints the report JSON of an agency and year, with its checks", async () => {
    await runCli(["create-agency", "--code", "report-agency", "--name", "报告测试机构"]);
    const result = await runCli(["report", "--agency", "report-agency", "--year", "2025", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.output) as { format: string; agency: { code: string }; checks: { ok: boolean }[] };
    expect(report.format).toBe("gongkai.annual-report/1");
    expect(report.agency.code).toBe("report-agency");
    expect(report.checks.length).toBeGreaterThan(0);
  });

  it("refuses an unknown agency or format in Chinese", async () => {
    expect((await runCli(["report", "--agency", "nowhere", "--year", "2025", "--format", "json"])).output).toContain("机构不存在");
    expect((await runCli(["report", "--agency", "report-agency", "--year", "2025", "--format", "pdf"])).output).toContain("格式应为 json、csv、docx 或 html");
  });
});

describe("the report command's documents", () => {
  it("writes a Word file and a standalone HTML page", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-report-"));
    const docx = path.join(dir, "report.docx");
    expect((await runCli(["report", "--agency", "report-agency", "--year", "2025", "--format", "docx", "--out", docx])).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
    const html = await runCli(["report", "--agency", "report-agency", "--year", "2025", "--format", "html"]);
    expect(html.code).toBe(0);
    expect(html.output).toContain("三、收到和处理政府信息公开申请情况");
    fs.rmSync(dir, { recursive: true });
  });
});
