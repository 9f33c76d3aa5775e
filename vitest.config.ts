import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // server-only throws outside React Server Components; tests are trusted server code.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

const TOOL_TESTS = [
  "tests/integration/migrations.test.ts",
  "tests/integration/backup.test.ts",
  "tests/integration/storage.test.ts",
  "tests/integration/production-start.test.ts",
  "tests/integration/process-tree.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two files at a time, each on its own database.
          maxWorkers: 2,
          // Projects with their own worker count run as separate groups: the fast unit tests first.
          sequence: { groupOrder: 1 },
          exclude: TOOL_TESTS,
        },
      },
      {
        resolve: { alias },
        test: {
          // The command-line tools (migrations, backups, storage, the start script) run child processes that
          // keep both cores busy for a while: a group of their own, after the timing-sensitive app tests
          // (200 reviewers scoring at once), so neither slows the other into a timeout.
          name: "tools",
          include: TOOL_TESTS,
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
