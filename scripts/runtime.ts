// Shared by the start script and the test harness: the data folder, the auth secret,
// the database (embedded unless DATABASE_URL is set) and migrations.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import type { EmbeddedDatabase } from "../lib/db/embedded";
import { migrate as runMigrations } from "../lib/db/migrations";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** The steps run() has under way (migrations, seed, build), for the start script to stop when it is stopped. */
export const setupChildren = new Set<ChildProcess>();

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    setupChildren.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      setupChildren.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`));
    });
  });
}

export function authSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export type Database = { url: string; embedded?: EmbeddedDatabase };

export async function openDatabase(options: { dataDir: string; pgPort: number; quiet?: boolean }): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  // Loaded only when needed: production (no embedded database) never touches the binaries.
  const { startEmbeddedPostgres, ensureDatabase, EmbeddedUnreachable } = await import("../lib/db/embedded");
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    port: options.pgPort,
    quiet: options.quiet ?? true,
  }).catch((error: unknown) => {
    if (error instanceof EmbeddedUnreachable) throw error;
    throw new Error(
      `内置 PostgreSQL 未能在端口 ${options.pgPort} 启动${error instanceof Error ? `：${error.message}` : ""}。` +
        `请检查该端口是否已被其他程序（例如另一个正在运行的本应用）占用，可用 PG_PORT 指定其他端口；数据目录：${options.dataDir}`,
    );
  });
  await ensureDatabase(embedded, "innovation");
  return { url: embedded.url("innovation"), embedded };
}

// Our runner, not `prisma migrate deploy`: one transaction per migration, an advisory lock, checksums
// (lib/db/migrations.ts, docs/decisions/0011-migration-runner.md).
export async function migrate(databaseUrl: string): Promise<void> {
  await runMigrations(databaseUrl, { log: (message) => console.log(message) });
}

// Everything \`next build\` compiles: the routes, the proxy (middleware) and the instrumentation hook included.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
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

/** Builds the app unless the build in .next was made from these very sources (the start script, `npm test`). */
export async function buildIfNeeded() {
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
