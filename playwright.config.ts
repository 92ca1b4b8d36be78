import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: the test runner's own browser download is blocked on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: "security/**", teardown: "security" },
    // The attack suite runs alone, after the others (as their teardown, so also when one of them failed): its
    // database fingerprints must see only its own requests.
    { name: "security", use: { browserName: "chromium" }, testDir: "./e2e/security", workers: 1 },
  ],
  webServer: {
    // A production build on a throw-away database; `npm run test:e2e` builds first.
    command: `npx tsx --tsconfig cli/tsconfig.json e2e/serve.ts`,
    url: `http://localhost:${port}/login`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
