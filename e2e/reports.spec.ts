import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

/**
 * The staff side of the annual report: a reviewer fills table 二, sees the checks react, and publishes.
 * It works on the second agency's 2023 report, which no other spec touches; the public page of the
 * report belongs to the public site's own tests.
 */
const YEAR = 2023;

test.describe("the annual report, staff side", () => {
  test("a reviewer fills table 二, sees the checks, and publishes version 1", async ({ page }) => {
    await signInAs(page, "reportreviewer");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度报告" }).click();
    await expect(page).toHaveURL(/\/staff\/reports$/);
    await page.getByTestId(`report-year-${YEAR}`).getByRole("link", { name: `${YEAR} 年` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${YEAR} 年政府信息公开工作年度报告`);
    await expect(page.getByTestId("workflow-state")).toHaveText("草稿");

    // Table 二: a negative figure is refused next to its cell, in Chinese.
    const form = page.getByRole("form", { name: "表二 主动公开政府信息情况" });
    await form.getByLabel("规章：本年制发件数").fill("2");
    await form.getByLabel("规章：现行有效件数").fill("14");
    await form.getByLabel("行政规范性文件：本年制发件数").fill("6");
    await form.getByLabel("行政规范性文件：本年废止件数").fill("1");
    await form.getByLabel("行政规范性文件：现行有效件数").fill("40");
    await form.getByLabel("行政许可：本年处理决定数量").fill("135");
    await form.getByLabel("行政处罚：本年处理决定数量").fill("-3");
    await form.getByLabel("行政事业性收费：本年收费金额（单位：万元）").fill("1.2345");
    await form.getByRole("button", { name: "保存表二" }).click();
    await expect(form.getByText("「行政处罚」「本年处理决定数量」应为不小于 0 的整数")).toBeVisible();
    await expect(form.getByLabel("行政许可：本年处理决定数量")).toHaveValue("135");
    await form.getByLabel("行政处罚：本年处理决定数量").fill("12");
    await form.getByRole("button", { name: "保存表二" }).click();
    await expect(form.getByText("表二已保存")).toBeVisible();
    await expect(page.locator(".report-table-proactive")).toContainText("135");

    // A number in the prose that the tables contradict fails check 7 and stops publishing.
    const checks = page.getByTestId("checks-panel");
    await expect(checks.locator('[data-check="prose"]')).toHaveAttribute("data-ok", "true");
    const prose = page.getByRole("form", { name: "文字部分" });
    await prose.getByLabel("六、其他需要报告的事项").fill("本年度发出收费通知3件，未收取任何费用。");
    await prose.getByRole("button", { name: "保存文字部分" }).click();
    await expect(prose.getByText("文字部分已保存")).toBeVisible();
    await expect(checks.locator('[data-check="prose"]')).toHaveAttribute("data-ok", "false");
    await expect(checks.locator('[data-check="prose"]')).toContainText("实为：3");
    await expect(page.getByRole("button", { name: "发布", exact: true })).toHaveCount(0);
    await expect(page.getByText(/还有 1 处核验未通过/)).toBeVisible();

    await page.getByRole("button", { name: "「六」恢复为自动生成" }).click();
    await expect(checks.locator('[data-check="prose"]')).toHaveAttribute("data-ok", "true");
    for (const id of ["balance", "outcome-sum", "row-total", "review-total", "cells"]) {
      await expect(checks.locator(`[data-check="${id}"]`)).toHaveAttribute("data-ok", "true");
    }

    // The draft downloads carry what was entered; table 三 figures open the applications behind them.
    const json = await page.request.get(`/staff/reports/${YEAR}/download/json`);
    expect(json.status()).toBe(200);
    const draft = (await json.json()) as { status: string; proactive: { licensing: number; feesTenThousandYuan: number } };
    expect(draft.status).toBe("draft");
    expect(draft.proactive).toMatchObject({ licensing: 135, feesTenThousandYuan: 1.2345 });
    const csv = await page.request.get(`/staff/reports/${YEAR}/download/csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("行政许可,135");

    await page.getByRole("button", { name: "发布", exact: true }).click();
    await expect(page.getByText("已发布第 1 版。")).toBeVisible();
    await expect(page.getByTestId("published-version")).toHaveText("已发布 v1");
    await expect(page.getByTestId("workflow-state")).toHaveText("草稿");

    // A second version needs a 更正说明.
    await expect(page.getByLabel("更正说明")).toBeVisible();
    await page.goto("/staff/reports");
    await expect(page.getByTestId(`report-year-${YEAR}`).getByTestId("report-state")).toHaveText("已发布 v1");
  });

  test("table 三 figures link to the applications counted in them", async ({ page }) => {
    await signInAs(page, "reportreviewer");
    await page.goto(`/staff/reports/${YEAR}`);
    await page.locator(".report-table-applications td.num a").first().click();
    await expect(page.getByRole("heading", { name: "计入该格的申请" })).toBeVisible();
    await expect(page.getByTestId("cell-total")).toHaveText("0");
  });

  test("a clerk prepares the report but gets no publish form; visitors get no download", async ({ page, browser }) => {
    await signInAs(page, "otherclerk");
    await page.goto(`/staff/reports/${YEAR - 1}`);
    await expect(page.getByText("报告由审核人发布。")).toBeVisible();
    await expect(page.getByRole("form", { name: "发布" })).toHaveCount(0);

    const visitor = await browser.newContext();
    const response = await visitor.request.get(`/staff/reports/${YEAR}/download/json`, { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(response.status());
    expect(response.headers().location ?? "").toContain("/login");
    await visitor.close();
  });
});
