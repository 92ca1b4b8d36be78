import { expect, test, type Page } from "@playwright/test";
import { base32Decode, hotp, timeStep } from "../lib/auth/totp";
import { readAccounts } from "./accounts";
import { CODE_REFUSED, freshCode, navigationLinks, REFUSED, signInAs, submitCode, submitSignIn } from "./support";

/** Six digits that are the code of no step the server would take right now. */
function wrongCode(secret: string): string {
  const key = base32Decode(secret) ?? Buffer.alloc(0);
  const step = timeStep(Date.now());
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => hotp(key, step + offset)));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

/** Enrols on the security page as its owner would: reads the secret shown, types the app's code. */
async function enrol(page: Page, username: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "开始绑定" }).click();
  await expect(page.getByRole("img", { name: /二维码/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("动态验证码").fill(wrongCode(secret));
  await page.getByRole("button", { name: "完成绑定" }).click();
  await expect(page.getByText("动态验证码不正确")).toBeVisible();

  await page.getByLabel("动态验证码").fill(await freshCode(username, secret));
  await page.getByRole("button", { name: "完成绑定" }).click();
  await expect(page.getByText("二次验证已启用")).toBeVisible();
  const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test("a clerk enrols, then signs in with a code or, once each, a recovery code; the admin's reset lets the password alone in", async ({ page, browser }) => {
  // Codes are accepted once each, so the test may wait for the authenticator's next 30-second step.
  test.setTimeout(180_000);
  const account = await signInAs(page, "tfaclerk");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "二次验证" }).click();
  await expect(page.getByText("未启用")).toBeVisible();
  const { secret, recoveryCodes } = await enrol(page, account.username);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10");
  await signOut(page);

  // The right password alone opens nothing: the form asks for the code.
  await submitSignIn(page, account.username, account.password);
  await expect(page.getByLabel("动态验证码")).toBeVisible();
  await expect(page.getByText(account.username, { exact: true })).toBeVisible();
  await submitCode(page, wrongCode(secret));
  await expect(page.getByRole("alert").filter({ hasText: CODE_REFUSED })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await submitCode(page, await freshCode(account.username, secret));
  await expect(page).toHaveURL(/\/staff$/);
  await signOut(page);

  // A wrong password gets the one answer for every refusal, and no code field.
  await submitSignIn(page, account.username, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  await expect(page.getByLabel("动态验证码")).toHaveCount(0);

  const [recoveryCode = ""] = recoveryCodes;
  await submitSignIn(page, account.username, account.password);
  await submitCode(page, recoveryCode);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/account/security");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9");
  await signOut(page);
  await submitSignIn(page, account.username, account.password);
  await submitCode(page, recoveryCode);
  await expect(page.getByRole("alert").filter({ hasText: CODE_REFUSED })).toBeVisible();
  await submitCode(page, recoveryCodes[1] ?? "");
  await expect(page).toHaveURL(/\/staff$/);

  // Phone and codes lost: the admin resets the second factor after checking who asks; the clerk's session ends.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: account.username }).click();
  await admin.getByRole("button", { name: "重置二次验证" }).click();
  await expect(admin.getByText("请勾选确认：已核实本人身份")).toBeVisible();
  await admin.getByLabel("已核实本人身份，确认重置").check();
  await admin.getByRole("button", { name: "重置二次验证" }).click();
  await expect(admin.getByText(`已重置 ${account.username} 的二次验证`)).toBeVisible();
  await adminContext.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await submitSignIn(page, account.username, account.password);
  await expect(page).toHaveURL(/\/staff$/);
});

test("an admin without a second factor can do nothing but enrol one, which works without JavaScript", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const account = await signInAs(page, "tfaadmin");
  expect(readAccounts().tfaadmin.totpSecret).toBeUndefined();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("alert").filter({ hasText: "管理员和审计员必须启用二次验证" })).toBeVisible();
  expect(await navigationLinks(page)).toEqual(["修改密码", "二次验证"]);
  for (const path of ["/admin/users", "/admin/agencies", "/start"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/security$/);
  }

  // Signing in needs JavaScript (docs/decisions/002); the security page does not.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.addCookies(await page.context().cookies());
  const bare = await noScript.newPage();
  await bare.goto("/account/security");
  await enrol(bare, account.username);
  await bare.getByRole("link", { name: "我已保存恢复码，继续" }).click();
  await expect(bare).toHaveURL(/\/admin\/users$/);
  await expect(bare.getByRole("heading", { name: "用户管理" })).toBeVisible();
  expect(await navigationLinks(bare)).toEqual(["用户管理", "机构管理", "工作日历", "修改密码", "二次验证"]);

  // An admin keeps it on: there is no switch-off, only new recovery codes.
  await bare.goto("/account/security");
  await expect(bare.getByText("已启用")).toBeVisible();
  await expect(bare.getByRole("button", { name: "关闭二次验证" })).toHaveCount(0);
  await expect(bare.getByRole("button", { name: "重新生成恢复码" })).toBeVisible();
  await noScript.close();
});
