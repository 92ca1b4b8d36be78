import fs from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { PUBLIC_AGENCY, PUBLIC_YEAR } from "./canaries";
import { signInAs } from "./support";
import type { AccountName } from "./accounts";

/**
 * Accessibility (WCAG 2.1 A and AA as axe-core checks them, and axe's best practices; GB/T 37668 follows WCAG):
 * every kind of page the public and each role use, scanned after it has loaded. What axe cannot decide alone
 * (reading order, contrast over images, whether a text alternative says the right thing) stays with manual review.
 */

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

async function violationsOn(page: Page): Promise<Violation[]> {
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")) }));
  });
}

async function scan(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(path === NOT_FOUND ? 404 : 200);
    await page.waitForLoadState("load");
    for (const violation of await violationsOn(page)) found.push(`${path}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.targets.join(" | ")}`);
  }
  return found;
}

const REPORT = `/reports/${PUBLIC_AGENCY.code}/${PUBLIC_YEAR}`;
const NOT_FOUND = "/no-such-page";

test("the scan finds what it should: an image without a text alternative and an unlabelled field", async ({ page }) => {
  await page.goto("/login");
  await page.evaluate(() => {
    document.querySelector("main")?.insertAdjacentHTML("beforeend", '<img src="/favicon.ico"><input type="text" name="probe">');
  });
  expect((await violationsOn(page)).map((violation) => violation.id)).toEqual(expect.arrayContaining(["image-alt", "label"]));
});

test("the public pages pass the WCAG 2.1 AA checks", async ({ page }) => {
  expect(await scan(page, ["/", `/?q=${encodeURIComponent(PUBLIC_AGENCY.name.slice(0, 2))}`, `/reports/${PUBLIC_AGENCY.code}`, REPORT, `${REPORT}/v/1`, "/login", NOT_FOUND])).toEqual([]);
});

test("the public pages reflow to a 320-pixel-wide screen: only a wide table scrolls, never the page (WCAG 1.4.10)", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflowing: string[] = [];
  for (const path of ["/", `/reports/${PUBLIC_AGENCY.code}`, REPORT, `${REPORT}/v/1`, "/login"]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) overflowing.push(`${path}: ${width} px`);
  }
  expect(overflowing).toEqual([]);
});

/** The pages of a clerk, including the page and edit form of an application registered through the form first. */
async function staffPages(page: Page): Promise<string[]> {
  await page.goto("/staff/applications/new");
  await page.getByLabel("申请方式").selectOption("in_person");
  await page.getByLabel("实际收到日期").fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel("申请人类型").selectOption("natural_person");
  await page.getByLabel("申请人姓名或名称").fill("王某乙");
  await page.getByLabel("所需信息").fill("2025年老旧小区改造项目清单");
  await page.getByLabel("获取信息的方式").selectOption("paper");
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page).toHaveURL(/\/staff\/applications\/\d+\?saved=registered$/);
  const application = new URL(page.url()).pathname;
  await page.goto("/staff/reports/reviews");
  const register = page.getByRole("form", { name: "登记案件" });
  await register.getByLabel("申请复议或起诉日期").fill("2025-04-01");
  await register.getByRole("button", { name: "登记案件" }).click();
  await expect(page.getByText("案件已登记，表四已按此更新。")).toBeVisible();
  const year = new Date().getFullYear() - 1;
  return [
    "/staff",
    "/staff/applications",
    "/staff/applications?status=open&sort=due_asc",
    "/staff/applications/new",
    application,
    `${application}/edit`,
    "/staff/applications/import",
    "/staff/reports",
    `/staff/reports/${year}`,
    `/staff/reports/${year}/cell?row=received&column=total`,
    `/staff/reports/${year}/review-cell?group=reconsideration&column=total`,
    `/staff/reports/${year}/historical`,
    "/staff/reports/reviews",
    await firstLink(page, "/staff/reports/reviews", "/staff/reports/reviews/"),
    "/account/security",
    "/account/password",
  ];
}

/** The first link of a list page whose address starts with `prefix`, to scan a detail page that exists. */
async function firstLink(page: Page, list: string, prefix: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link to ${prefix}… on ${list}`).toBeTruthy();
  return href ?? list;
}

const ROLES: { account: AccountName; pages: (page: Page) => Promise<string[]> }[] = [
  { account: "caseclerk", pages: staffPages },
  {
    account: "a11yadmin",
    pages: async (page) => [
      "/admin/users",
      "/admin/users/new",
      await firstLink(page, "/admin/users", "/admin/users/1"),
      "/admin/agencies",
      "/admin/agencies/new",
      await firstLink(page, "/admin/agencies", "/admin/agencies/"),
      "/admin/calendar",
    ],
  },
  { account: "a11yauditor", pages: async () => ["/audit", "/audit?action=auth.sign_in"] },
];

for (const role of ROLES) {
  test(`the pages of ${role.account} pass the WCAG 2.1 AA checks`, async ({ page }) => {
    await signInAs(page, role.account);
    expect(await scan(page, await role.pages(page))).toEqual([]);
  });
}
