import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's chromium where it is installed (these machines cannot download Playwright's browsers);
// elsewhere the browser from `npx playwright install chromium`.
const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /mobile\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    // A fresh database with the demo data, the production build, on its own ports.
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/login`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    // TRUST_PROXY: the journeys play several visitors from one machine by sending X-Forwarded-For.
    env: { PORT: String(PORT), PG_PORT: process.env.E2E_PG_PORT ?? "54339", DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e", TRUST_PROXY: "1" },
    stdout: "pipe",
  },
});
