import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import { unzip } from "../lib/report/fixtures/unzip";
import {
  APPLICANT_HEADER,
  APPLICATIONS_NOTE,
  APPLICATION_ROW_LABELS,
  LEGAL_ENTITY_GROUP_LABEL,
  LITIGATION_LABEL,
  OUTCOMES,
  OUTCOME_GROUPS,
  OVERVIEW_SUBHEADS,
  PROACTIVE_TABLE,
  REPORT_SECTIONS,
  REVIEW_GROUPS,
} from "../lib/report/labels";
import { E2E_DIR } from "./accounts";
import { CANARY_APPLICANTS, CANARY_STRINGS, HISTORICAL_YEAR, PUBLIC_AGENCY, PUBLIC_YEAR } from "./canaries";

/**
 * The public site: readable without signing in, and never carrying an applicant's personal data.
 * e2e/public-seed.ts puts applicants with canary names, ID numbers and phone numbers into the ledger
 * behind the published reports; every public page and download is crawled for them.
 */

const REPORT = `/reports/${PUBLIC_AGENCY.code}/${PUBLIC_YEAR}`;
const HISTORICAL = `/reports/${PUBLIC_AGENCY.code}/${HISTORICAL_YEAR}`;

const CONTENT_TYPES: Record<string, RegExp> = {
  json: /^application\/json; charset=utf-8$/,
  csv: /^text\/csv; charset=utf-8$/,
  docx: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/,
};

function setCookies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value);
}

/** The text of a response as a reader could get at it: a .docx is unzipped, every part of it read. */
async function readable(response: APIResponse): Promise<string> {
  const body = await response.body();
  if (body.subarray(0, 2).toString("latin1") === "PK") {
    return [...unzip(body).values()].map((part) => part.toString("utf8")).join("\n");
  }
  return body.toString("utf8");
}

function linksOf(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((match) => (match[1] ?? "").replace(/&amp;/g, "&"));
}

test("the canaries are in the ledger behind the published report (the control for the crawl below)", () => {
  const database = new Database(path.join(E2E_DIR, "gongkai.db"), { readonly: true, fileMustExist: true });
  try {
    const rows = database
      .prepare("SELECT a.applicant_name AS name, a.id_number AS idNumber FROM applications a JOIN agencies g ON g.id = a.agency_id WHERE g.code = ?")
      .all(PUBLIC_AGENCY.code) as { name: string; idNumber: string | null }[];
    expect(rows.map((row) => row.name).sort()).toEqual(CANARY_APPLICANTS.map((applicant) => applicant.applicantName).sort());
    expect(rows.map((row) => row.idNumber)).toContain(CANARY_APPLICANTS[0].idNumber);
  } finally {
    database.close();
  }
});

/**
 * Every way Next serves a page's React Server Components payload: a link's navigation and its prefetch. Next
 * answers a request whose `?_rsc=` does not match its headers with a redirect to the matching one, which is followed.
 */
const RSC_REQUESTS: { suffix: string; headers: Record<string, string> }[] = [
  { suffix: "", headers: { RSC: "1" } },
  { suffix: "", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
  { suffix: "?_rsc=crawl", headers: { RSC: "1" } },
];

function expectNoCanary(text: string, where: string): void {
  for (const canary of CANARY_STRINGS) expect(text.includes(canary), `${where} contains ${canary}`).toBe(false);
}

test("every public URL — pages, their RSC payloads, downloads, assets, 404 and error pages — is open to all, sets no cookie, and carries no applicant's personal data", async ({ request }) => {
  test.setTimeout(180_000);
  const seen = new Set<string>();
  const queue = ["/", REPORT, HISTORICAL];
  const downloads: string[] = [];
  const assets = new Set<string>();
  while (queue.length > 0 && seen.size < 300) {
    const path = queue.shift() ?? "/";
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(setCookies(response), path).toEqual([]);
    const text = await readable(response);
    expectNoCanary(text, path);
    if (path.includes("/download/")) {
      downloads.push(path);
      continue;
    }
    for (const rsc of RSC_REQUESTS) {
      const payload = await request.get(`${path}${rsc.suffix}`, { headers: rsc.headers, maxRedirects: 3 });
      expect(payload.status(), `${path} ${JSON.stringify(rsc)}`).toBe(200);
      expect(payload.headers()["content-type"], `${path} ${JSON.stringify(rsc)}`).toContain("text/x-component");
      expectNoCanary(await payload.text(), `the RSC payload of ${path} (${JSON.stringify(rsc)})`);
    }
    for (const asset of text.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)) assets.add(asset[1] ?? "");
    for (const link of linksOf(text)) {
      if ((link === "/" || link.startsWith("/reports/")) && !seen.has(link)) queue.push(link);
    }
  }
  // Home, two years of reports, the versions of each, and three downloads of every one of those pages.
  expect([...seen]).toEqual(expect.arrayContaining(["/", `/reports/${PUBLIC_AGENCY.code}`, REPORT, `${REPORT}/v/1`, `${REPORT}/v/2`, HISTORICAL, `${HISTORICAL}/v/1`]));
  for (const format of ["json", "csv", "docx"]) {
    expect(downloads).toContain(`${REPORT}/download/${format}`);
    expect(downloads).toContain(`${REPORT}/v/1/download/${format}`);
  }
  expect(downloads.length).toBeGreaterThanOrEqual(15);

  // The scripts and styles the pages load hold code, never data.
  expect(assets.size).toBeGreaterThan(0);
  for (const asset of assets) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expectNoCanary(await response.text(), asset);
  }

  // Pages that are not there: the 404 page, and as an RSC payload (which Next may answer with 200 and the not-found tree).
  for (const missing of ["/no-such-page", `/reports/${PUBLIC_AGENCY.code}/2019`, `${REPORT}/v/99`, `/reports/${PUBLIC_AGENCY.code}/9999`, `${REPORT}/download/xlsx`]) {
    const page = await request.get(missing, { maxRedirects: 0 });
    expect(page.status(), missing).toBe(404);
    expectNoCanary(await page.text(), missing);
    const payload = await request.get(missing, { headers: { RSC: "1" }, maxRedirects: 3 });
    expect([200, 404], `${missing} as RSC`).toContain(payload.status());
    expectNoCanary(await payload.text(), `${missing} as RSC`);
  }
  // The error page: a navigation whose router state Next cannot read fails on the server (500). Next removes
  // the router-state header before the proxy runs, so the proxy cannot answer it with a 400 instead.
  for (const path of [REPORT, "/"]) {
    const response = await request.get(path, { headers: { RSC: "1", "Next-Router-State-Tree": "%7Bnot-json" }, maxRedirects: 3 });
    expect(response.status(), `${path} with a broken router state`).toBe(500);
    expect(setCookies(response)).toEqual([]);
    expectNoCanary(await response.text(), `the error answer of ${path}`);
  }
});

test("search engines get a sitemap of the public pages and are kept off the staff side", async ({ request }) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toContain("xml");
  const xml = await sitemap.text();
  expectNoCanary(xml, "/sitemap.xml");
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
  expect(paths).toEqual(expect.arrayContaining(["/", `/reports/${PUBLIC_AGENCY.code}`, REPORT, HISTORICAL]));
  expect(paths.filter((path) => !/^\/(reports\/[^/]+(\/\d{4})?)?$/.test(path))).toEqual([]);
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);

  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/staff", "/admin", "/audit", "/account", "/login"]) expect(robots).toContain(`Disallow: ${path}`);
  expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/sitemap\.xml/);
});

test("the home page lists the agency's reports by year, finds it by name, and links to its page of every version", async ({ page }) => {
  await page.goto("/");
  const agency = page.getByRole("row", { name: PUBLIC_AGENCY.name });
  await expect(agency.getByRole("link", { name: `${PUBLIC_YEAR}年度报告` })).toHaveAttribute("href", REPORT);
  await expect(agency.getByRole("link", { name: `${HISTORICAL_YEAR}年度报告` })).toHaveAttribute("href", HISTORICAL);
  await expect(agency).toContainText("历史报告");
  await expect(page.getByRole("region", { name: "最近发布" }).getByRole("link", { name: `${PUBLIC_AGENCY.name}${PUBLIC_YEAR}年度报告` }).first()).toBeVisible();

  const search = page.getByRole("search", { name: "查找机关" });
  await search.getByLabel("机关名称").fill(PUBLIC_AGENCY.name.slice(2, 5));
  await search.getByLabel("机关名称").press("Enter");
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.getByRole("status")).toContainText(`名称含「${PUBLIC_AGENCY.name.slice(2, 5)}」的机关`);
  await expect(page.getByRole("region", { name: "最近发布" })).toHaveCount(0);
  await page.getByRole("row", { name: PUBLIC_AGENCY.name }).getByRole("link", { name: PUBLIC_AGENCY.name }).click();

  await expect(page).toHaveURL(`/reports/${PUBLIC_AGENCY.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PUBLIC_AGENCY.name}政府信息公开工作年度报告`);
  const year = page.getByRole("row", { name: `${PUBLIC_YEAR}年度报告` });
  await expect(year).toContainText("第2版");
  await expect(year.getByRole("link", { name: "第1版" })).toHaveAttribute("href", `${REPORT}/v/1`);
  await expect(year.getByRole("link", { name: "JSON（开放数据）" })).toHaveAttribute("href", `${REPORT}/download/json`);
  await expect(page.getByRole("row", { name: `${HISTORICAL_YEAR}年度报告` })).toContainText("历史报告");
  expect((await page.request.get("/reports/no-such-agency")).status()).toBe(404);
});

test("a report page has the six sections headed exactly and the official merged header cells", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(REPORT);
  await expect(page).toHaveTitle(`${PUBLIC_AGENCY.name}${PUBLIC_YEAR}年政府信息公开工作年度报告 · 公开`);
  const document = page.locator("article.report-document");
  expect(await document.locator("h2").allInnerTexts()).toEqual(REPORT_SECTIONS.map((section) => section.heading));
  expect(await document.locator("h3").allInnerTexts()).toEqual(OVERVIEW_SUBHEADS.map((subhead) => subhead.heading));

  const proactive = document.locator("table.report-table-proactive");
  for (const group of PROACTIVE_TABLE) {
    await expect(proactive.locator("th", { hasText: group.heading })).toHaveAttribute("colspan", "4");
  }

  const applications = document.locator("table.report-table-applications");
  await expect(applications.locator("caption")).toHaveText(REPORT_SECTIONS[2].heading);
  const note = applications.locator("thead td", { hasText: APPLICATIONS_NOTE });
  await expect(note).toHaveAttribute("colspan", "3");
  await expect(note).toHaveAttribute("rowspan", "3");
  await expect(applications.getByRole("columnheader", { name: APPLICANT_HEADER, exact: true })).toHaveAttribute("colspan", "7");
  await expect(applications.getByRole("columnheader", { name: LEGAL_ENTITY_GROUP_LABEL, exact: true })).toHaveAttribute("colspan", "5");
  await expect(applications.getByRole("columnheader", { name: "自然人", exact: true })).toHaveAttribute("rowspan", "2");
  await expect(applications.locator("th", { hasText: APPLICATION_ROW_LABELS.results })).toHaveAttribute("rowspan", String(OUTCOMES.length + 1));
  for (const group of OUTCOME_GROUPS) {
    const rows = OUTCOMES.filter((outcome) => outcome.group === group.key).length;
    const cell = applications.locator("th", { hasText: group.heading }).first();
    if (rows > 1) await expect(cell).toHaveAttribute("rowspan", String(rows));
    else await expect(cell).toHaveAttribute("colspan", "2");
  }
  await expect(applications.locator("th", { hasText: APPLICATION_ROW_LABELS.handled })).toHaveAttribute("colspan", "2");
  await expect(applications.locator("th", { hasText: APPLICATION_ROW_LABELS.carriedForward })).toHaveAttribute("colspan", "3");
  // Each figure is tied to its headers: 一、本年新收 / 自然人 holds the two canary natural persons.
  const received = applications.locator("tr", { has: page.locator("th", { hasText: APPLICATION_ROW_LABELS.received }) });
  await expect(received.locator("td")).toHaveText(["2", "1", "0", "0", "0", "0", "3"]);

  const reviews = document.locator("table.report-table-reviews");
  await expect(reviews.getByRole("columnheader", { name: REVIEW_GROUPS[0].label, exact: true })).toHaveAttribute("colspan", "5");
  await expect(reviews.getByRole("columnheader", { name: LITIGATION_LABEL, exact: true })).toHaveAttribute("colspan", "10");
  await expect(reviews.getByRole("columnheader", { name: REVIEW_GROUPS[1].label, exact: true })).toHaveAttribute("colspan", "5");
  await expect(reviews.getByRole("columnheader", { name: REVIEW_GROUPS[2].label, exact: true })).toHaveAttribute("colspan", "5");
  await expect(reviews.locator("tbody td")).toHaveCount(15);

  expect(violations).toEqual([]);
});

test("the latest version shows its history; an earlier one is marked as corrected", async ({ page }) => {
  await page.goto(REPORT);
  await expect(page.locator(".report-meta")).toContainText("第2版");
  const history = page.getByRole("region", { name: "版本记录" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").nth(1)).toContainText("已被更正");
  await expect(history.getByRole("listitem").first()).toContainText("更正说明：更正表二行政许可处理决定数量。");
  await expect(page.getByRole("region", { name: "核验结果" })).toContainText("全部通过");

  await history.getByRole("link", { name: "第1版" }).click();
  await expect(page).toHaveURL(new RegExp(`${REPORT}/v/1$`));
  await expect(page.getByRole("note")).toContainText("本版本已被更正");
  await expect(page.locator(".report-downloads a").first()).toHaveAttribute("href", `${REPORT}/v/1/download/json`);
});

test("a historical report is marked and shows the checks it fails, as typed", async ({ page }) => {
  await page.goto(HISTORICAL);
  await expect(page.locator(".report-meta")).toContainText("历史报告");
  const checks = page.getByRole("region", { name: "核验结果" });
  await expect(checks).toContainText("未通过");
  await expect(checks).toContainText("（二）部分公开");
});

test("the chart across years is drawn on the server and readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REPORT);
  const charts = page.getByRole("img", { name: /历年/ });
  await expect(charts).toHaveCount(2);
  await expect(charts.first().locator("rect")).not.toHaveCount(0);
  await expect(page.locator("article.report-document h2")).toHaveCount(6);
  await context.close();
});

test("downloads have the right types and names, and hold the report as published", async ({ request }) => {
  for (const format of ["json", "csv", "docx"]) {
    const response = await request.get(`${REPORT}/download/${format}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(CONTENT_TYPES[format] ?? /never/);
    const disposition = response.headers()["content-disposition"] ?? "";
    expect(disposition).toContain(`filename="${PUBLIC_AGENCY.code}-${PUBLIC_YEAR}-v2.${format}"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${PUBLIC_AGENCY.name}${PUBLIC_YEAR}年政府信息公开工作年度报告`)}`);
  }

  const latest = (await (await request.get(`${REPORT}/download/json`)).json()) as Record<string, unknown>;
  expect(latest).toMatchObject({ format: "gongkai.annual-report/1", agency: PUBLIC_AGENCY, year: PUBLIC_YEAR, status: "published", proactive: { licensing: 3 } });
  const first = (await (await request.get(`${REPORT}/v/1/download/json`)).json()) as Record<string, unknown>;
  expect(first).toMatchObject({ proactive: { licensing: 0 } });

  const csv = await (await request.get(`${REPORT}/download/csv`)).text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`${APPLICATION_ROW_LABELS.received},2,1,0,0,0,0,3`);

  const docx = unzip(await (await request.get(`${REPORT}/download/docx`)).body());
  const xml = docx.get("word/document.xml")?.toString("utf8") ?? "";
  expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
  expect(xml).toContain('<w:gridSpan w:val="7"/>');
  expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
  for (const section of REPORT_SECTIONS) expect(xml).toContain(section.heading);

  for (const missing of [
    `/reports/${PUBLIC_AGENCY.code}/2019`,
    `/reports/nobody/${PUBLIC_YEAR}`,
    `${REPORT}/v/3`,
    `${REPORT}/v/0`,
    `${REPORT}/v/x`,
    `/reports/${PUBLIC_AGENCY.code}/20x5`,
    `${REPORT}/download/pdf`,
    `${REPORT}/v/9/download/json`,
  ]) {
    const response = await request.get(missing);
    expect(response.status(), missing).toBe(404);
    const text = await response.text();
    for (const canary of CANARY_STRINGS) expect(text.includes(canary), `${missing} contains ${canary}`).toBe(false);
  }
});
