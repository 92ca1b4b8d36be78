import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("the auditor checks the audit trail's hash chain from the audit page", async ({ page }) => {
  await signInAs(page, "chainauditor");
  await page.goto("/audit?user=auditor");
  const check = page.getByRole("region", { name: "审计链校验" });
  await expect(check.getByRole("status")).toHaveCount(0);
  await check.getByRole("button", { name: "校验审计链" }).click();
  await expect(page).toHaveURL(/\/audit\?verify=1$/);
  await expect(check.getByRole("status")).toContainText(/^审计链完整：共 \d+ 条，最后一条为第 \d+ 条（.+），哈希 [0-9a-f]{64}$/);
  // The list's own links do not run the check again.
  await expect(page.getByRole("link", { name: "清除" })).toHaveAttribute("href", "/audit");
});
