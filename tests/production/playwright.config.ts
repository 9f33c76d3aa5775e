// The production stack journeys (tests/production): run after the demo journeys by `npm test`, on the build
// those made. The stack itself is started by the spec (it stops and starts its database).
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const PORT = Number(process.env.PRODUCTION_E2E_PORT ?? 3543);

export default defineConfig({
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "../../.test-output/production.json" }]],
  use: {
    baseURL: `https://localhost:${PORT}`,
    ignoreHTTPSErrors: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "production", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
