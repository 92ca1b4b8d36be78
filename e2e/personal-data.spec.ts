import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_DIR } from "./accounts";
import { IMPORTED_APPLICANT, SESSION_APPLICANT, SESSION_CANARIES } from "./canaries";
import { readSecurityAccounts } from "./security-seed";
import { submitSignIn } from "./support";

/**
 * Personal data and passwords stay out of the audit trail and the server's log: the clerk of e2e-privacy
 * registers an applicant, corrects the ID number and phone, imports a ledger file with another applicant, and
 * changes the password, all through the pages; then every audit entry written meanwhile (before, after, detail)
 * and everything the server printed (.e2e/server.log, written by e2e/serve.ts) are searched for the values.
 */

const SERVER_LOG = path.join(E2E_DIR, "server.log");
const NEW_PASSWORD = "Privacy-Session-Passwort-2026";

function auditSince(id: number): { id: number; action: string; entityId: string | null; before: string | null; after: string | null; detail: string | null }[] {
  const database = new Database(path.join(E2E_DIR, "gongkai.db"), { readonly: true, fileMustExist: true });
  try {
    return database.prepare("SELECT id, action, entity_id AS entityId, before, after, detail FROM audit_log WHERE id > ? ORDER BY id").all(id) as ReturnType<typeof auditSince>;
  } finally {
    database.close();
  }
}

const lastAuditId = () => auditSince(0).at(-1)?.id ?? 0;

test("a working session leaves no ID number, phone or password in the audit trail or the server's log", async ({ page }) => {
  test.setTimeout(120_000);
  const account = readSecurityAccounts().privacyclerk;
  const since = lastAuditId();
  await submitSignIn(page, account.username, account.password);
  await expect(page.getByTestId("current-user")).toBeVisible();

  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  await page.goto("/staff/applications/new");
  await page.getByLabel("申请方式").selectOption("in_person");
  await page.getByLabel("实际收到日期").fill(today);
  await page.getByLabel("申请人类型").selectOption("natural_person");
  await page.getByLabel("申请人姓名或名称").fill(SESSION_APPLICANT.applicantName);
  await page.getByLabel("证件号码").fill(SESSION_APPLICANT.idNumber);
  await page.getByLabel("联系电话").fill(SESSION_APPLICANT.phone);
  await page.getByLabel("通讯地址").fill(SESSION_APPLICANT.address);
  await page.getByLabel("代理人", { exact: true }).fill(SESSION_APPLICANT.agentName);
  await page.getByLabel("代理人电话").fill(SESSION_APPLICANT.agentPhone);
  await page.getByLabel("所需信息").fill("请求公开某文件");
  await page.getByLabel("获取信息的方式").selectOption("paper");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已登记，编号" })).toBeVisible();
  const applicationId = /\/staff\/applications\/(\d+)/.exec(page.url())?.[1];
  expect(applicationId).toBeDefined();

  await page.getByRole("link", { name: "修改登记信息" }).click();
  await page.getByLabel("证件号码").fill(SESSION_APPLICANT.changedIdNumber);
  await page.getByLabel("联系电话").fill(SESSION_APPLICANT.changedPhone);
  await page.getByLabel("修改理由").fill(`证件号码出生月份录错，申请人电话 ${SESSION_APPLICANT.changedPhone}`);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  const csv = `收到日期,申请人类型,申请人,证件号码,联系电话,通讯地址,申请内容\r\n${today},自然人,${IMPORTED_APPLICANT.applicantName},${IMPORTED_APPLICANT.idNumber},${IMPORTED_APPLICANT.phone},${IMPORTED_APPLICANT.address},某文件\r\n`;
  await page.goto("/staff/applications/import");
  await page.getByLabel("台账文件", { exact: true }).setInputFiles({ name: "台账.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByText("检查通过，尚未写入。")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "确认导入这 1 行" }).click();
  await expect(page.getByText(/已导入：新增 1 件/)).toBeVisible({ timeout: 30_000 });

  await page.goto("/account/password");
  await page.getByLabel("当前密码").fill(account.password);
  await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();

  const secrets = [...SESSION_CANARIES, account.password, NEW_PASSWORD];
  const entries = auditSince(since);
  expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["application.register", "application.update", "application.import", "user.change_password"]));
  for (const entry of entries) {
    const kept = [entry.before, entry.after, entry.detail].join("\n");
    for (const secret of secrets) expect(kept.includes(secret), `audit entry ${entry.id} (${entry.action}) holds ${secret}`).toBe(false);
  }
  // What the auditor still learns: the ID number and the phone were changed.
  // (Other tests run alongside and update their own applications: take this one's.)
  const update = entries.find((entry) => entry.action === "application.update" && entry.entityId === applicationId);
  expect(JSON.parse(update?.after ?? "{}")).toMatchObject({ idNumber: expect.stringContaining("已修改"), phone: expect.stringContaining("已修改") });

  expect(fs.existsSync(SERVER_LOG), "e2e/serve.ts writes the server's output to .e2e/server.log").toBe(true);
  const log = fs.readFileSync(SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(log.includes(secret), `the server's log holds ${secret}`).toBe(false);
});
