// `npm test`: unit and integration tests (vitest, real PostgreSQL), then the browser journeys
// (Playwright, real Chromium, production build). Ends with one "N passed, N failed" line.
import fs from "node:fs";
import path from "node:path";
import { bin, root } from "./runtime";
import { spawnSync } from "node:child_process";

const out = path.join(root, ".test-output");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const started = Date.now();
const step = (name: string, command: string, args: string[]) => {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`━━ ${name}: ${result.status === 0 ? "通过" : "失败"}（${((Date.now() - t0) / 1000).toFixed(0)} 秒）`);
  return result.status === 0;
};

// Lint and format (Biome) and the types (tsc) first: quick, and a failure there fails the run like any test.
const lintOk = step("代码检查与格式 (Biome)", bin("biome"), ["check", "--error-on-warnings", "."]);
const typesOk = step("类型检查 (tsc)", bin("tsc"), ["--noEmit"]);
// The build first: the process-tree test (vitest, tools) runs `npm start` on it, and the journeys then find it
// current and skip building.
const buildOk = step("构建 (next build)", process.execPath, ["--import", "tsx", "-e", 'await (await import("./scripts/runtime.ts")).buildIfNeeded()']);
const vitestOk = step("单元与集成测试 (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${path.join(out, "vitest.json")}`,
]);
const e2eOk = step("浏览器测试 (Playwright)", bin("playwright"), ["test"]);
// The production path on the build the journeys made: external PostgreSQL, S3, two processes behind nginx.
const productionOk = step("生产部署测试 (Playwright, nginx)", bin("playwright"), ["test", "--config", "tests/production/playwright.config.ts"]);

const read = (file: string) => (fs.existsSync(path.join(out, file)) ? JSON.parse(fs.readFileSync(path.join(out, file), "utf8")) : null);
const vitest = read("vitest.json");
const e2e = read("e2e.json");
const production = read("production.json");
const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0) + (production?.stats?.expected ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) +
  (e2e?.stats?.unexpected ?? 0) +
  (production?.stats?.unexpected ?? 0) +
  (vitestOk ? 0 : vitest ? 0 : 1) +
  (lintOk ? 0 : 1) +
  (buildOk ? 0 : 1) +
  (typesOk ? 0 : 1) +
  (e2eOk ? 0 : e2e ? 0 : 1) +
  (productionOk ? 0 : production ? 0 : 1);
const skipped = (vitest?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0) + (production?.stats?.skipped ?? 0);
console.log(`\n全部测试用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
// A runner that "passes" having run nothing (a config error it only logs) is a failure here.
const ranEverything = vitest?.success === true && vitest.numPassedTests > 0 && (e2e?.stats?.expected ?? 0) > 0 && (production?.stats?.expected ?? 0) > 0;
if (!ranEverything) console.log("测试运行器没有执行全部测试（见上方输出），按失败处理");
process.exit(lintOk && typesOk && buildOk && vitestOk && e2eOk && productionOk && ranEverything && failed === 0 ? 0 : 1);
