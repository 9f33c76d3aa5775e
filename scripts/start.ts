// `npm start`, two ways (docs/deployment.md):
// - the embedded demo (no DATABASE_URL, NODE_ENV not production): starts its own PostgreSQL under .data/,
//   applies migrations, loads the demo county on the first start, builds when the sources changed, serves.
// - production (NODE_ENV=production or any external DATABASE_URL): checks the configuration, the build and
//   the schema, and serves; it never builds, migrates or seeds (npm run build / migrate / setup do that once).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { spawn, type ChildProcess } from "node:child_process";
import { authSecret, bin, buildIfNeeded, migrate, openDatabase, root, run, setupChildren, type Database } from "./runtime";
import { Backoff, sleep, stopGroup } from "./supervise";
import type { EmbeddedDatabase } from "../lib/db/embedded";
import { DEMO_PASSWORD, FEATURED_ACCOUNTS } from "../lib/demo/data";
import { productionProblems, runMode } from "../lib/config/mode";
import { assertSchemaCurrent } from "../lib/db/migrations";
import { storageConfigFromEnv } from "../lib/storage/config";

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, ".data"));
const pgPort = Number(process.env.PG_PORT ?? 54329);
const dev = process.argv.includes("--dev");

const fail = (lines: string[]): never => {
  for (const line of lines) console.error(`✗ ${line}`);
  process.exit(1);
};

// Supervision (decision 0020). The server runs in a process group of its own: Ctrl-C or SIGTERM reaches this
// script, which stops the server (it lets requests in flight finish, up to SHUTDOWN_TIMEOUT_MS), then the
// database, and kills the server's group only if it overruns. The database stays in our group: a SIGKILL of the
// group leaves no orphan postmaster (Ctrl-C in a terminal stops it at once, before the server, in the demo).
// A server that dies is started again in the demo (with a back-off) and ends this script with 1 in production,
// for systemd to restart.
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);
const SERVER_GRACE_MS = shutdownMs + 5_000;
const restartPolicy = { firstMs: 1_000, maxMs: 30_000, windowMs: 60_000, limit: 5 };
let stopping = false;
let server: ChildProcess | undefined;
let database: Database | undefined;

const howEnded = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `信号 ${signal}` : `退出码 ${code}`);

/** Stops everything in order and exits: the server, then the database. Bounded: it never waits forever. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of setupChildren) child.kill("SIGTERM");
  if (server?.pid) {
    console.log("\n• 正在停止（等待处理中的请求完成）…");
    if (!(await stopGroup(server.pid, "SIGTERM", SERVER_GRACE_MS))) console.error(`✗ 服务进程 ${SERVER_GRACE_MS / 1000} 秒内未退出，已强制结束`);
  }
  await database?.embedded?.stop();
  console.log("• 已停止");
  process.exit(code);
}

function handleSignals() {
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      firstSignalAt = Date.now();
      return void shutdown(0);
    }
    // One stop often arrives twice: systemd signals every process of the unit and npm passes its own signal on,
    // and a Ctrl-C reaches npm and us alike. Only a second Ctrl-C pressed later means "do not wait any longer".
    if (signal !== "SIGINT" || Date.now() - firstSignalAt < 1_000) return;
    console.error("✗ 强制停止");
    if (server?.pid) stopGroup(server.pid, "SIGKILL", 0);
    const pg = database?.embedded?.pid();
    if (pg) process.kill(pg, "SIGQUIT"); // immediate shutdown: it ends on its own within a moment
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  // Under npm (which passes its SIGTERM on to us: package.json execs node, no shell in between), npm's death by
  // kill -9 would leave the app running with nobody to stop it: noticed here, and the app stops as if signalled.
  // Not when started directly (a script that starts us in the background and exits is not a reason to stop).
  if (process.env.npm_lifecycle_event === "start" || process.env.npm_lifecycle_event === "dev") {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void shutdown(0);
    }, 1_000).unref();
  }
}

/** Runs the server script, keeps it running (demo) or exits with it (production). */
function serve(env: NodeJS.ProcessEnv, onReady: () => void, restart: boolean) {
  const backoff = new Backoff(restartPolicy);
  let everReady = false;
  const start = () => {
    if (stopping) return;
    const child = dev
      ? spawn(bin("next"), ["dev", "-p", String(port)], { cwd: root, env, stdio: ["pipe", "pipe", "inherit"], detached: true })
      : spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
          cwd: root,
          // SUPERVISED: the server stops by itself when this script is gone (its standard input closes).
          env: { ...env, NODE_ENV: "production", SUPERVISED: "1" },
          stdio: ["pipe", "pipe", "inherit"],
          detached: true,
        });
    server = child;
    let announced = false;
    child.stdout!.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
        announced = true;
        if (!everReady) onReady();
        else console.log("• 服务进程已重新启动");
        everReady = true;
      }
    });
    child.on("exit", async (code, signal) => {
      if (stopping) return;
      // What the dead primary leaves (workers about to notice) goes before a new one takes the port.
      if (child.pid) await stopGroup(child.pid, "SIGTERM", 5_000);
      if (stopping) return;
      if (!everReady) {
        console.error(`✗ 服务进程未能启动（${howEnded(code, signal)}），见上方输出`);
        return void shutdown(1);
      }
      const delay = restart ? backoff.next() : undefined;
      if (delay === undefined) {
        console.error(
          restart
            ? `✗ 服务进程 1 分钟内已退出 ${restartPolicy.limit + 1} 次（${howEnded(code, signal)}），停止`
            : `✗ 服务进程意外退出（${howEnded(code, signal)}）`,
        );
        return void shutdown(1);
      }
      console.error(`✗ 服务进程意外退出（${howEnded(code, signal)}），${delay / 1000} 秒后重新启动`);
      setTimeout(start, delay);
    });
  };
  start();
}

/** A dead embedded PostgreSQL is started again (with a back-off) while the server keeps running and reconnects. */
function superviseDatabase(embedded: EmbeddedDatabase) {
  const backoff = new Backoff(restartPolicy);
  const restart = async (reason: string) => {
    if (stopping) return;
    const delay = backoff.next();
    if (delay === undefined) {
      console.error(`✗ 内置 PostgreSQL 反复退出（${reason}），停止`);
      return void shutdown(1);
    }
    console.error(`✗ 内置 PostgreSQL 意外退出（${reason}），${delay / 1000} 秒后重新启动；此期间页面提示稍后重试`);
    await sleep(delay);
    if (stopping) return;
    try {
      await embedded.start();
      console.log("• 内置 PostgreSQL 已重新启动");
    } catch (error) {
      await restart(error instanceof Error ? error.message : String(error));
    }
  };
  embedded.onExit((code, signal) => void restart(howEnded(code, signal)));
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
  handleSignals();
  // No restart here: systemd (Restart=on-failure) restarts the unit when this script ends with 1.
  serve(
    { ...process.env, APP_MODE: "production", NEXT_TELEMETRY_DISABLED: "1" },
    () => console.log(`\n创新项目管理平台已启动（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${process.env.NEXTAUTH_URL}（本进程端口 ${port}）`),
    false,
  );
}

async function demo() {
  const started = Date.now();
  console.log(`• 演示模式，数据目录：${dataDir}`);
  handleSignals();
  database = await openDatabase({ dataDir, pgPort }).catch((error: unknown) => fail([error instanceof Error ? error.message : String(error)]));
  console.log(`• 内置 PostgreSQL 已启动（端口 ${pgPort}）`);
  if (database.embedded) superviseDatabase(database.embedded);
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
    const url = database.url;
    await migrate(url);
    // DEMO_DATA=off: an empty county with the three admin accounts, as `npm run setup` makes in production.
    const seed =
      process.env.DEMO_DATA === "off" ? ["scripts/setup.ts", "--root-unit", process.env.ROOT_UNIT_NAME ?? "本县", "--if-empty"] : ["scripts/seed.ts"];
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", ...seed], env);
    if (!dev) await buildIfNeeded();
    if (stopping) return;
    serve(env, () => announce(Date.now() - started), true);
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
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
