// `npm start`, two ways (docs/deployment.md):
// - the embedded demo (no DATABASE_URL, NODE_ENV not production): starts its own PostgreSQL under .data/,
//   applies migrations, loads the demo county on the first start, builds when the sources changed, serves.
// - production (NODE_ENV=production or any external DATABASE_URL): checks the configuration, the build and
//   the schema, and serves; it never builds, migrates or seeds (npm run build / migrate / setup do that once).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import os from "node:os";
import { spawn, type ChildProcess } from "node:child_process";
import { authSecret, bin, migrate, openDatabase, root, run } from "./runtime";
import { DEMO_PASSWORD, FEATURED_ACCOUNTS } from "../lib/demo/data";
import { productionProblems, runMode } from "../lib/config/mode";
import { assertSchemaCurrent } from "../lib/db/migrations";
import { storageConfigFromEnv } from "../lib/storage/config";

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, ".data"));
const pgPort = Number(process.env.PG_PORT ?? 54329);
const dev = process.argv.includes("--dev");

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

/** A fingerprint of the sources, so that a second start skips the build when nothing changed. */
function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full) || entry.includes("generated")) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    else hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

async function buildIfNeeded() {
  const stamp = path.join(root, ".next", "source-fingerprint");
  const fingerprint = sourceFingerprint();
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fingerprint) {
    console.log("• 构建未变化，跳过构建");
    return;
  }
  console.log("• 构建应用（首次约需一两分钟）…");
  await run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  fs.writeFileSync(stamp, fingerprint);
}

const fail = (lines: string[]): never => {
  for (const line of lines) console.error(`✗ ${line}`);
  process.exit(1);
};

/** Runs the server script and stops it (letting requests in flight finish) on Ctrl-C or SIGTERM. */
function serve(env: NodeJS.ProcessEnv, onReady: () => void, onStop: (code: number) => Promise<void>): ChildProcess {
  const app = dev
    ? spawn(bin("next"), ["dev", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] })
    : spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
        cwd: root,
        env: { ...env, NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "inherit"],
      });
  let announced = false;
  app.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      onReady();
    }
  });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null && app.signalCode === null) {
      console.log("\n• 正在停止（等待处理中的请求完成）…");
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await onStop(code);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  app.on("exit", (code) => void stop(code ?? 1));
  return app;
}

async function production() {
  const problems = productionProblems();
  try {
    storageConfigFromEnv();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (problems.length > 0) fail(["生产模式无法启动，请先配置：", ...problems, "详见 docs/deployment.md"]);
  try {
    await assertSchemaCurrent(process.env.DATABASE_URL!);
  } catch (error) {
    fail([error instanceof Error ? error.message : String(error)]);
  }
  if (!dev && !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) fail(["尚未构建：请先运行 npm run build（每个版本构建一次）"]);
  const started = Date.now();
  serve(
    { ...process.env, APP_MODE: "production", NEXT_TELEMETRY_DISABLED: "1" },
    () => console.log(`\n创新项目管理平台已启动（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${process.env.NEXTAUTH_URL}（本进程端口 ${port}）`),
    async () => console.log("• 已停止"),
  );
}

async function demo() {
  const started = Date.now();
  console.log(`• 演示模式，数据目录：${dataDir}`);
  const database = await openDatabase({ dataDir, pgPort }).catch((error: unknown) => fail([error instanceof Error ? error.message : String(error)]));
  console.log(`• 内置 PostgreSQL 已启动（端口 ${pgPort}）`);
  const stopDatabase = async () => {
    await database.embedded?.stop();
    console.log("• 已停止");
  };
  try {
    const env = {
      ...process.env,
      APP_MODE: "demo",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: authSecret(dataDir),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // Uploaded files live in the data folder (lib/storage), outside the web root.
      DATA_DIR: dataDir,
      // One process per core, at most 4 (about 250 MB each); each holds DATABASE_POOL_SIZE (10) connections of the
      // embedded server's 100 (docs/decisions/0022).
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? String(Math.min(4, os.availableParallelism())),
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "10",
      // The console stays readable: warnings and errors only, unless asked (LOG_LEVEL=info shows every request).
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    };
    await migrate(database.url);
    // DEMO_DATA=off: an empty county with the three admin accounts, as `npm run setup` makes in production.
    const seed =
      process.env.DEMO_DATA === "off" ? ["scripts/setup.ts", "--root-unit", process.env.ROOT_UNIT_NAME ?? "本县", "--if-empty"] : ["scripts/seed.ts"];
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", ...seed], env);
    if (!dev) await buildIfNeeded();
    serve(env, () => announce(Date.now() - started), stopDatabase);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopDatabase();
    process.exit(1);
  }
}

function announce(ms: number) {
  console.log(`\n创新项目管理平台（演示环境）已启动（${(ms / 1000).toFixed(1)} 秒）：http://localhost:${port}`);
  if (process.env.DEMO_DATA === "off") return;
  console.log(`演示账户（密码均为 ${DEMO_PASSWORD}）：`);
  for (const account of FEATURED_ACCOUNTS) console.log(`  ${account.username.padEnd(10)} ${account.what}`);
  console.log("  z001…、b001… 各乡镇、县直部门的单位填报员（用户名为单位编码小写）");
  console.log("按 Ctrl-C 停止。\n");
}

await (runMode() === "production" ? production() : demo());
