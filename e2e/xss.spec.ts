import { expect, test, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { unzip } from "../lib/report/fixtures/unzip";
import { E2E_DIR } from "./accounts";
import { readSecurityAccounts, XSS_AGENCY, XSS_CALENDAR_YEAR, XSS_HISTORICAL_YEAR, XSS_PARENT_AGENCY, XSS_REPORT_YEAR } from "./security-seed";
import { signInAs, submitSignIn } from "./support";
import { describePayload, FORMULAS, payload, SPECIAL } from "./xss-payloads";

/**
 * Script injection: e2e/security-seed.ts put a payload into every free-text field (applicant, address, agent,
 * description, notes, reasons, event notes, review cases, report prose, correction notes, agency and user names,
 * the calendar); this spec visits every page that shows them — staff, admin, audit and the public site — and the
 * forms that echo what was typed, and finds that none ran. Chromium is told to ignore the CSP (bypassCSP), so the
 * pass shows the data is escaped, not merely that the policy blocked it; the policy itself is headers.spec.ts's.
 * Exports are attachments with their exact type, nosniff, and spreadsheet formulas defused.
 */

test.use({ bypassCSP: true });

type Findings = { fired: number[]; dialogs: string[]; injected: string[] };

/** Records any payload that runs: `__xss(n)` calls and dialogs (alert, confirm, prompt). */
async function watch(context: BrowserContext, page: Page): Promise<Findings> {
  const findings: Findings = { fired: [], dialogs: [], injected: [] };
  await context.exposeFunction("__xssReport", (n: number) => void findings.fired.push(n));
  await context.addInitScript(() => {
    const report = (window as unknown as { __xssReport: (n: number) => void }).__xssReport;
    Object.defineProperty(window, "__xss", { value: (n: number) => report(n), writable: false });
  });
  page.on("dialog", (dialog) => {
    findings.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return findings;
}

/** Markup that could only have come from a payload: React renders no inline handler, no javascript: URL, no frame, no script without the nonce. */
function scanForInjectedMarkup(): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.querySelectorAll("*"))) {
    const tag = element.tagName.toLowerCase();
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? "";
      if (/^on/i.test(name)) found.push(`<${tag} ${name}="${value}">`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`<${tag} ${name}="${value}">`);
      if (name === "srcdoc") found.push(`<${tag} srcdoc>`);
    }
    if (tag === "iframe" || tag === "frame" || tag === "object" || tag === "embed") found.push(`<${tag}>`);
    // Next's runtime adds chunk scripts from /_next/static without a nonce ('strict-dynamic' trusts them); any other needs one.
    const script = element as HTMLScriptElement;
    if (tag === "script" && !script.nonce && !script.src.startsWith(`${location.origin}/_next/static/`)) found.push(`<script> without nonce: ${script.src || (script.textContent ?? "").slice(0, 80)}`);
    if (tag === "style" && /__xss|javascript:/i.test(element.textContent ?? "")) found.push(`<style>${(element.textContent ?? "").slice(0, 80)}`);
  }
  return found;
}

/** Opens a page, lets any handler run, and records what ran or was injected. Returns whether a payload is on it (as text). */
async function visit(page: Page, findings: Findings, url: string, expectedStatus = 200): Promise<boolean> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(expectedStatus);
  await page.waitForLoadState("load");
  // Handlers of broken images and toggles fire right after load; give them a moment.
  await page.waitForTimeout(50);
  for (const markup of await page.evaluate(scanForInjectedMarkup)) findings.injected.push(`${url}: ${markup}`);
  return (await page.content()).includes("__xss(");
}

function expectNothingRan(findings: Findings): void {
  expect(findings.fired.map(describePayload), "payloads that ran").toEqual([]);
  expect(findings.dialogs, "dialogs that opened").toEqual([]);
  expect(findings.injected, "markup injected by payloads").toEqual([]);
}

function database(): Database.Database {
  return new Database(path.join(E2E_DIR, "gongkai.db"), { readonly: true, fileMustExist: true });
}

function ids(sql: string, ...params: unknown[]): number[] {
  const db = database();
  try {
    return (db.prepare(sql).all(...params) as { id: number }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}

async function signInAsSeeded(page: Page, name: "xssclerk" | "xssreviewer"): Promise<void> {
  const account = readSecurityAccounts()[name];
  await submitSignIn(page, account.username, account.password);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Same-origin links of the page under a prefix, without downloads and sign-out. */
async function linksUnder(page: Page, prefix: string): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return hrefs.filter((href) => href.startsWith(prefix) && !/\/(download|export|template)\b/.test(href)).map((href) => href.split("#")[0] ?? href);
}

test("staff pages show every payload as text and run none", async ({ context, page }) => {
  test.setTimeout(240_000);
  const findings = await watch(context, page);
  await signInAsSeeded(page, "xssclerk");
  const applications = ids("SELECT a.id FROM applications a JOIN agencies g ON g.id = a.agency_id WHERE g.code = ? ORDER BY a.id", XSS_AGENCY);
  const cases = ids("SELECT r.id FROM review_cases r JOIN agencies g ON g.id = r.agency_id WHERE g.code = ? ORDER BY r.id", XSS_AGENCY);
  expect(applications.length).toBeGreaterThanOrEqual(20);
  const shown: string[] = [];
  const pages = [
    "/staff",
    "/staff/applications",
    "/staff/applications?status=voided",
    "/staff/applications?status=concluded",
    `/staff/applications?q=${encodeURIComponent(payload("search", 6, 100))}`,
    "/staff/applications/new",
    ...applications.flatMap((id) => [`/staff/applications/${id}`, `/staff/applications/${id}/edit`]),
    "/staff/reports",
    `/staff/reports/${XSS_REPORT_YEAR}`,
    `/staff/reports/${new Date().getFullYear()}`,
    `/staff/reports/${XSS_HISTORICAL_YEAR}`,
    `/staff/reports/${XSS_HISTORICAL_YEAR}/historical`,
    "/staff/reports/reviews",
    ...cases.map((id) => `/staff/reports/reviews/${id}`),
    "/account/password",
  ];
  for (const url of pages) if (await visit(page, findings, url)) shown.push(url);
  // The drill-down pages of the year's tables list the applications behind a figure.
  await page.goto(`/staff/reports/${XSS_REPORT_YEAR}`);
  const cells = [...new Set(await linksUnder(page, `/staff/reports/${XSS_REPORT_YEAR}/`))].filter((href) => /cell/.test(href)).slice(0, 12);
  expect(cells.length).toBeGreaterThan(0);
  for (const url of cells) if (await visit(page, findings, url)) shown.push(url);

  // The control: the payloads are there, as text, on the pages that show the fields.
  for (const url of ["/staff/applications", `/staff/applications/${applications[1]}`, `/staff/applications/${applications[1]}/edit`, `/staff/reports/${XSS_REPORT_YEAR}`, "/staff/reports/reviews"]) {
    expect(shown, `${url} shows the payloads`).toContain(url);
  }
  expectNothingRan(findings);
});

test("forms that echo what was typed run none of it", async ({ context, page }) => {
  const findings = await watch(context, page);
  await signInAsSeeded(page, "xssclerk");
  await visit(page, findings, "/staff/applications/new");
  // Every text field typed with a payload; the refusal (no arrival date) shows them all again.
  for (const field of await page.locator("form input[type=text], form input:not([type]), form textarea").all()) {
    if (await field.isEditable()) await field.fill(payload("typedForm", (await field.getAttribute("name"))?.length ?? 0, 100));
  }
  // Refused on the server (an arrival date after today), so the form comes back with what was typed.
  await page.getByLabel("申请方式").selectOption("in_person");
  await page.getByLabel("申请人类型").selectOption("natural_person");
  await page.getByLabel("获取信息的方式").selectOption("paper");
  await page.getByLabel("实际收到日期").fill(`${new Date().getFullYear() + 1}-01-05`);
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByText("请按提示修改后再提交")).toBeVisible();
  for (const markup of await page.evaluate(scanForInjectedMarkup)) findings.injected.push(`typed registration: ${markup}`);
  expect(await page.content()).toContain("__xss(");

  // A ledger file with a payload for a name and in every cell: the upload list and the preview show them.
  const cells = ["编号", "收到日期", "申请人类型", "申请人", "通讯地址", "申请内容", "备注"];
  const row = [payload("importCell", 1, 50), `${XSS_REPORT_YEAR}-05-06`, "自然人", payload("importCell", 2, 100), payload("importCell", 3, 200), payload("importCell", 4), payload("importCell", 5, 1000)];
  const csv = `${cells.join(",")}\r\n${row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(",")}\r\n`;
  await visit(page, findings, "/staff/applications/import");
  await page.getByLabel("台账文件", { exact: true }).setInputFiles({ name: SPECIAL.fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByText("检查通过，尚未写入。")).toBeVisible({ timeout: 30_000 });
  const preview = page.url();
  expect(await visit(page, findings, preview)).toBe(true);
  await visit(page, findings, "/staff/applications/import");
  expectNothingRan(findings);
});

test("the reviewer's, administrator's and auditor's pages run no payload", async ({ browser }) => {
  test.setTimeout(180_000);
  const accounts = readSecurityAccounts();
  const run = async (signIn: (page: Page) => Promise<void>, urls: string[]) => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const findings = await watch(context, page);
    await signIn(page);
    const shown: string[] = [];
    for (const url of urls) if (await visit(page, findings, url)) shown.push(url);
    expectNothingRan(findings);
    await context.close();
    return shown;
  };
  await run((page) => signInAsSeeded(page, "xssreviewer"), ["/staff", `/staff/reports/${XSS_REPORT_YEAR}`, "/staff/reports"]);
  const admin = await run((page) => signInAs(page, "xssadmin").then(() => undefined), [
    "/admin/users",
    ...Object.values(accounts).map((account) => `/admin/users/${account.userId}`),
    "/admin/agencies",
    `/admin/agencies/${XSS_AGENCY}`,
    `/admin/agencies/${XSS_PARENT_AGENCY}`,
    `/admin/calendar?year=${XSS_CALENDAR_YEAR}`,
  ]);
  expect(admin).toEqual(expect.arrayContaining(["/admin/users", "/admin/agencies", `/admin/calendar?year=${XSS_CALENDAR_YEAR}`]));
  const audit = await run((page) => signInAs(page, "xssauditor").then(() => undefined), [
    "/audit",
    "/audit?page=2",
    "/audit?page=3",
    `/audit?user=${encodeURIComponent(accounts.xssclerk.username)}`,
    `/audit?user=${encodeURIComponent(SPECIAL.clerkName)}&from=${encodeURIComponent(payload("search", 2, 60))}`,
  ]);
  expect(audit.length).toBeGreaterThan(0);
});

test("the public site shows the payload prose and agency names as text and runs none", async ({ context, page }) => {
  const findings = await watch(context, page);
  const report = `/reports/${XSS_AGENCY}/${XSS_REPORT_YEAR}`;
  const shown: string[] = [];
  const seen = new Set<string>();
  const queue = ["/", report, `${report}/v/1`, `/reports/${XSS_AGENCY}/${XSS_HISTORICAL_YEAR}`];
  while (queue.length > 0 && seen.size < 60) {
    const url = queue.shift() ?? "/";
    if (seen.has(url)) continue;
    seen.add(url);
    if (await visit(page, findings, url)) shown.push(url);
    for (const link of await linksUnder(page, "/reports/")) if (!seen.has(link)) queue.push(link);
  }
  expect(shown).toEqual(expect.arrayContaining(["/", `/reports/${XSS_AGENCY}`, report, `${report}/v/1`, `/reports/${XSS_AGENCY}/${XSS_HISTORICAL_YEAR}`]));
  // The home page's search repeats what was typed.
  for (const index of [0, 1, 6]) expect(await visit(page, findings, `/?q=${encodeURIComponent(payload("search", index, 50))}`)).toBe(true);
  await visit(page, findings, `/reports/${encodeURIComponent(SPECIAL.agencyName)}/${XSS_REPORT_YEAR}`, 404);
  await visit(page, findings, `/${encodeURIComponent(payload("search", 0))}`, 404);
  expectNothingRan(findings);
});

function expectAttachment(response: APIResponse, contentType: RegExp): void {
  const headers = response.headers();
  expect(response.status(), response.url()).toBe(200);
  expect(headers["content-type"], response.url()).toMatch(contentType);
  expect(headers["content-disposition"], response.url()).toMatch(/^attachment;/);
  expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
}

/** Every text cell of a workbook's sheets, and how many cells hold a formula, as Excel would read them. */
async function workbookTexts(bytes: Buffer): Promise<{ texts: string[]; formulas: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  let formulas = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
        else if (typeof cell.value === "string") texts.push(cell.value);
      }),
    ),
  );
  return { texts, formulas };
}

const DANGEROUS_START = /^[=+\-@\t\r]/;
const XLSX = /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/;
const DOCX = /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/;

test("exports are attachments of their exact type, with formulas defused and markup escaped", async ({ page }) => {
  await signInAsSeeded(page, "xssclerk");
  const request = page.request;

  const csvResponse = await request.get("/staff/applications/export/csv");
  expectAttachment(csvResponse, /^text\/csv; charset=utf-8$/);
  const rows = parse((await csvResponse.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
  const cells = rows.flat();
  expect(cells.some((cell) => cell.includes("__xss("))).toBe(true);
  for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
  expect(cells.filter((cell) => DANGEROUS_START.test(cell))).toEqual([]);

  const xlsxResponse = await request.get("/staff/applications/export/xlsx");
  expectAttachment(xlsxResponse, XLSX);
  const workbook = await workbookTexts(await xlsxResponse.body());
  expect(workbook.formulas).toBe(0);
  for (const formula of FORMULAS) expect(workbook.texts).toContain(`'${formula}`);
  expect(workbook.texts.filter((text) => DANGEROUS_START.test(text))).toEqual([]);

  const jsonResponse = await request.get("/staff/applications/export/json");
  expectAttachment(jsonResponse, /^application\/json; charset=utf-8$/);
  expect(JSON.stringify(await jsonResponse.json())).toContain("__xss(");

  expectAttachment(await request.get("/staff/applications/template"), XLSX);

  for (const base of [`/staff/reports/${XSS_REPORT_YEAR}/download`, `/reports/${XSS_AGENCY}/${XSS_REPORT_YEAR}/download`, `/reports/${XSS_AGENCY}/${XSS_HISTORICAL_YEAR}/download`]) {
    expectAttachment(await request.get(`${base}/json`), /^application\/json; charset=utf-8$/);
    const reportCsv = await request.get(`${base}/csv`);
    expectAttachment(reportCsv, /^text\/csv; charset=utf-8$/);
    const reportCells = (parse((await reportCsv.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]).flat();
    expect(reportCells.filter((cell) => DANGEROUS_START.test(cell)), `${base}/csv`).toEqual([]);
    const docx = await request.get(`${base}/docx`);
    expectAttachment(docx, DOCX);
    const xml = unzip(await docx.body()).get("word/document.xml")?.toString("utf8") ?? "";
    // The prose is in the document, as escaped text: no markup of the payloads became XML elements.
    expect(xml).toContain("__xss(");
    expect(xml).toContain("&lt;script&gt;");
    expect(xml).not.toMatch(/<(script|img|svg|iframe|details|math|style|a)\b/i);
  }
});

test("the audit trail's export is a CSV attachment holding the payloads typed into forms, defused", async ({ page }) => {
  await signInAs(page, "xssauditor");
  await page.goto("/audit");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出为 CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);
  const response = await page.request.get("/audit/export");
  expectAttachment(response, /^text\/csv; charset=utf-8$/);
  const cells = (parse((await response.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]).flat();
  expect(cells.some((cell) => cell.includes("__xss("))).toBe(true);
  expect(cells.filter((cell) => DANGEROUS_START.test(cell))).toEqual([]);

  // A copy is recorded in the trail, so neither a link on another site nor a HEAD may take one.
  const exports = async () => (await (await page.request.get("/audit?action=audit.export")).text()).match(/<tr>/g)?.length ?? 0;
  const before = await exports();
  for (const site of ["cross-site", "same-site"]) expect((await page.request.get("/audit/export", { headers: { "sec-fetch-site": site } })).status()).toBe(403);
  expect((await page.request.head("/audit/export")).status()).toBe(405);
  expect(await exports()).toBe(before);
});
