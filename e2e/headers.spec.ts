import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("every page carries the security headers, with a fresh nonce each time", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/login");
  for (const response of [first, second]) {
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
  const nonce = (value: string) => value.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce(first.headers()["content-security-policy"] ?? "")).not.toBe(nonce(second.headers()["content-security-policy"] ?? ""));
});

test("the pages run under the policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAs(page, "headersadmin");
  await page.goto("/admin/users");
  expect(violations).toEqual([]);
});

test("signed-in pages are never cached", async ({ page }) => {
  await signInAs(page, "clerk");
  const response = await page.goto("/staff");
  expect(response?.headers()["cache-control"]).toContain("no-store");
});

test("a POST from another site is refused before it reaches the app", async ({ request }) => {
  const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of crossSite) {
    const response = await request.post("/api/auth/callback/credentials", { headers, form: { username: "x", password: "y" } });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
});
