import { expect, type Page } from "@playwright/test";
import { readAccounts, type AccountName } from "./accounts";

export const REFUSED = "用户名或密码不正确，或账户已被暂时锁定。";

export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signs in and waits for the role's home page. */
export async function signInAs(page: Page, name: AccountName): Promise<{ username: string; password: string }> {
  const account = readAccounts()[name];
  await submitSignIn(page, account.username, account.password);
  await expect(page.getByTestId("current-user")).toBeVisible();
  return account;
}

export async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "主导航" }).getByRole("link").allInnerTexts();
}
