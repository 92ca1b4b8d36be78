import { expect, test } from "@playwright/test";
import { readAccounts } from "./accounts";
import { navigationLinks, REFUSED, signInAs, submitSignIn } from "./support";

test.describe("signing in", () => {
  const menus = {
    admin: ["用户管理", "机构管理", "工作日历", "修改密码", "二次验证"],
    clerk: ["工作台", "台账", "年度报告", "修改密码", "二次验证"],
    reviewer: ["工作台", "台账", "年度报告", "修改密码", "二次验证"],
    auditor: ["审计日志", "修改密码", "二次验证"],
  } as const;

  for (const [role, menu] of Object.entries(menus)) {
    test(`${role} sees only its own menu`, async ({ page }) => {
      await signInAs(page, role as keyof typeof menus);
      expect(await navigationLinks(page)).toEqual(menu);
    });
  }

  test("the clerk lands on the workbench of its agency", async ({ page }) => {
    await signInAs(page, "clerk");
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByText("晋城市城区人民政府办公室").first()).toBeVisible();
  });

  test("a refused sign-in keeps the username, not the password, and says why in Chinese", async ({ page }) => {
    const { clerk } = readAccounts();
    await submitSignIn(page, clerk.username, "definitely-wrong");
    await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
    await expect(page.getByLabel("用户名")).toHaveValue(clerk.username);
    await expect(page.getByLabel("密码")).toHaveValue("");
  });

  test("an empty form is refused field by field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入用户名")).toBeVisible();
    await expect(page.getByText("请输入密码")).toBeVisible();
  });

  test("five wrong passwords lock the account, and the answer stays the same", async ({ page }) => {
    const { locked } = readAccounts();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await submitSignIn(page, locked.username, `wrong-${attempt}`);
      await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
    }
    await submitSignIn(page, locked.username, locked.password);
    await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "signout");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe("access", () => {
  test("pages behind sign-in send visitors to the sign-in page", async ({ page }) => {
    for (const path of ["/staff", "/admin/users", "/audit", "/account/password", "/account/security"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
    }
  });

  test("a clerk gets no admin or audit page", async ({ page }) => {
    await signInAs(page, "clerk");
    for (const path of ["/admin/users", "/admin/agencies", "/admin/users/new", "/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    }
  });

  test("the admin sees no staff workbench", async ({ page }) => {
    await signInAs(page, "admin");
    expect((await page.goto("/staff"))?.status()).toBe(404);
  });

  test("a disabled user's open session stops working at the next request", async ({ browser }) => {
    const userContext = await browser.newContext();
    const adminContext = await browser.newContext();
    const userPage = await userContext.newPage();
    const adminPage = await adminContext.newPage();
    const user = await signInAs(userPage, "disabled");
    await expect(userPage).toHaveURL(/\/staff$/);

    await signInAs(adminPage, "admin");
    await adminPage.getByRole("link", { name: user.username }).click();
    await adminPage.getByRole("button", { name: "停用账户" }).click();
    await expect(adminPage.getByText("已停用，该用户的登录立即失效。")).toBeVisible();

    await userPage.reload();
    await expect(userPage).toHaveURL(/\/login$/);
    await userContext.close();
    await adminContext.close();
  });
});
