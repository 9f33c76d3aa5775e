import { defineConfig, devices } from "@playwright/test";
import { sharedUse } from "./tests/support/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  // A flaky journey is a bug to fix, never a pass on the second try.
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  use: { ...sharedUse, baseURL: `http://localhost:${PORT}` },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /mobile\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    // A fresh database with the demo data, the production build, on its own ports.
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/login`,
    // The demo county is seeded first (several minutes on a busy 2-core machine); `npm test` has built already.
    timeout: 1_200_000,
    reuseExistingServer: !process.env.CI,
    // TRUST_PROXY: the journeys play several visitors from one machine by sending X-Forwarded-For.
    env: { PORT: String(PORT), PG_PORT: process.env.E2E_PG_PORT ?? "54339", DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e", TRUST_PROXY: "1" },
    stdout: "pipe",
  },
});
