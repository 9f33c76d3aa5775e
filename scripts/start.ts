// `npm start`: the whole app from one command. Starts the embedded PostgreSQL (unless DATABASE_URL
// is set), applies migrations, loads the demo data on the first start, builds when the sources
// changed, and serves the production build. Ctrl-C stops the app and the database.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { authSecret, bin, migrate, openDatabase, root, run } from "./runtime";
import { DEMO_PASSWORD, FEATURED_ACCOUNTS } from "../lib/demo/data";

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, ".data"));
const pgPort = Number(process.env.PG_PORT ?? 54329);
const dev = process.argv.includes("--dev");

const BUILD_INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

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

async function main() {
  const started = Date.now();
  console.log(`• 数据目录：${dataDir}`);
  const database = await openDatabase({ dataDir, pgPort }).catch((error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  console.log(database.embedded ? `• 内置 PostgreSQL 已启动（端口 ${pgPort}）` : "• 使用 DATABASE_URL 指定的数据库");
  let app: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\n• 正在停止…");
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app!.once("exit", resolve));
    }
    await database.embedded?.stop();
    console.log("• 已停止");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());

  try {
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: authSecret(dataDir),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // Uploaded files live in the data folder (lib/storage), outside the web root.
      DATA_DIR: dataDir,
    };
    await migrate(database.url);
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], env);
    if (!dev) await buildIfNeeded();
    app = dev
      ? spawn(bin("next"), ["dev", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] })
      : spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
    let announced = false;
    app.stdout!.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
        announced = true;
        announce(port, Date.now() - started);
      }
    });
    app.on("exit", (code) => void stop(code ?? 1));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

function announce(port: number, ms: number) {
  console.log(`\n创新项目管理平台已启动（${(ms / 1000).toFixed(1)} 秒）：http://localhost:${port}`);
  if (process.env.DEMO_DATA === "off") return;
  console.log(`演示账户（密码均为 ${DEMO_PASSWORD}）：`);
  for (const account of FEATURED_ACCOUNTS) console.log(`  ${account.username.padEnd(10)} ${account.what}`);
  console.log("  z001…、b001… 各乡镇、县直部门的单位填报员（用户名为单位编码小写）");
  console.log("按 Ctrl-C 停止。\n");
}

await main();
