import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

const REFERENCE = "（2025）晋复字第12号";

test("a clerk registers a reconsideration case, registers it again by mistake, and deletes the duplicate with a reason", async ({ page }) => {
  await signInAs(page, "caseclerk");
  await page.goto("/staff/reports/reviews");
  const register = page.getByRole("form", { name: "登记案件" });
  const rows = page.getByRole("row", { name: REFERENCE });

  for (const expected of [1, 2]) {
    await register.getByLabel("申请复议或起诉日期").fill("2025-03-01");
    await register.getByLabel("案号（可不填）").fill(REFERENCE);
    await register.getByRole("button", { name: "登记案件" }).click();
    await expect(page.getByText("案件已登记，表四已按此更新。")).toBeVisible();
    await expect(rows).toHaveCount(expected);
  }

  await rows.first().getByRole("link", { name: "修改" }).click();
  await expect(page.getByRole("heading", { name: "修改案件" })).toBeVisible();
  await page.getByText("删除此案件").click();
  const removal = page.getByRole("form", { name: "删除案件" });
  await removal.getByLabel("删除理由").fill("重复登记");
  await removal.getByRole("button", { name: "删除" }).click();

  await expect(page).toHaveURL(/\/staff\/reports\/reviews\?saved=case-deleted$/);
  await expect(page.getByText("案件已删除，表四已按此更新；删除理由已记入审计日志。")).toBeVisible();
  await expect(rows).toHaveCount(1);
});
