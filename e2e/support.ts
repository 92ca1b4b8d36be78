import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { base32Decode, hotp, TOTP_PERIOD_SECONDS, timeStep } from "../lib/auth/totp";
import { E2E_DIR, readAccounts, type AccountName } from "./accounts";

export const REFUSED = "用户名或密码不正确，或账户已被暂时锁定。";
export const CODE_REFUSED = "动态验证码或恢复码不正确，或账户已被暂时锁定。";

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The second step of the sign-in form: the code field appears once the password was right. */
export async function submitCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("动态验证码").fill(code);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The time step of the last code the server accepted for the user (it accepts only later ones). */
function lastUsedStep(username: string): number | null {
  const database = new Database(path.join(E2E_DIR, "gongkai.db"), { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare("SELECT totp_last_step AS step FROM users WHERE username = ?").get(username) as { step: number | null } | undefined;
    return row?.step ?? null;
  } finally {
    database.close();
  }
}

/**
 * A code the server will take now: each is accepted once and never one older than the last, so it is
 * the current step's, or the next one's (the server allows one step ahead), or, when both are spent,
 * the next one's after waiting for the clock to move on.
 */
export async function freshCode(username: string, secret: string): Promise<string> {
  const key = base32Decode(secret);
  if (!key) throw new Error(`not a base32 secret for ${username}`);
  const now = Date.now();
  const current = timeStep(now);
  const step = Math.max(current, (lastUsedStep(username) ?? current - 1) + 1);
  if (step > current + 1) {
    const wait = (step - 1) * STEP_MS - now + 250;
    test.info().setTimeout(test.info().timeout + wait);
    await sleep(wait);
  }
  return hotp(key, step);
}

/**
 * Tests in both workers sign in as the same admin, and a code is accepted only after the last one: one
 * sign-in per account at a time (a lock directory beside the test database), from choosing the code to
 * the signed-in page.
 */
async function oneAtATime<T>(username: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(E2E_DIR, `sign-in-${username}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A worker killed while holding it leaves it behind; no sign-in takes a minute.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Signs in (with a code from the authenticator app when the account has a second factor) and waits for the home page. */
export async function signInAs(page: Page, name: AccountName): Promise<{ username: string; password: string }> {
  const account = readAccounts()[name];
  const { totpSecret } = account;
  if (!totpSecret) {
    await submitSignIn(page, account.username, account.password);
    await expect(page.getByTestId("current-user")).toBeVisible();
    return account;
  }
  await oneAtATime(account.username, async () => {
    await submitSignIn(page, account.username, account.password);
    await submitCode(page, await freshCode(account.username, totpSecret));
    await expect(page.getByTestId("current-user")).toBeVisible();
  });
  return account;
}

export async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "主导航" }).getByRole("link").allInnerTexts();
}
