// The production stack journeys (tests/production): run after the demo journeys by `npm test`, on the build
// those made. The stack itself is started by the spec (it stops and starts its database).
import { defineConfig, devices } from "@playwright/test";
import { sharedUse } from "../support/browser";
const PORT = Number(process.env.PRODUCTION_E2E_PORT ?? 3543);

export default defineConfig({
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "../../.test-output/production.json" }]],
  use: { ...sharedUse, baseURL: `https://localhost:${PORT}`, ignoreHTTPSErrors: true },
  projects: [{ name: "production", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
