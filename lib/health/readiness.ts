// Readiness: can this process serve? The database answers, its schema is the one the code expects, the file
// store takes a write. Each check has its own short timeout, so a hung dependency gives a 503, not a hang.
import "server-only";
import path from "node:path";
import { db } from "@/lib/db/client";
import { migrationStatus } from "@/lib/db/migrations";
import { fileStore } from "@/lib/storage";
import { logger } from "@/lib/log";
import { type AntivirusConfig, antivirusConfig, antivirusNotice, pingScanner } from "@/lib/security/antivirus";

export type Check = { name: "database" | "migrations" | "storage"; ok: boolean; problem?: string; ms: number };

const TIMEOUT_MS = 3_000;
// The compiled server code lives under .next/, so the folder is found from where the app was started (the repo).
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}超时（${TIMEOUT_MS / 1000} 秒）`)), TIMEOUT_MS).unref()),
  ]);
}

async function check(name: Check["name"], work: () => Promise<string | undefined>): Promise<Check> {
  const started = Date.now();
  try {
    const problem = await work();
    return { name, ok: !problem, problem, ms: Date.now() - started };
  } catch (error) {
    return { name, ok: false, problem: error instanceof Error ? error.message : String(error), ms: Date.now() - started };
  }
}

/**
 * The virus scanner's state, reported beside the checks; it does not make the process unready (uploads are
 * refused instead). A real ping of clamd when one is configured, not the configuration alone: the readiness
 * route and the administrators' pages (the accounts page, the home page of 管理员 and 安全管理员) show it.
 */
export async function antivirusState(): Promise<{ mode: AntivirusConfig["mode"]; reachable: boolean | null; notice: string; level: "ok" | "warning" }> {
  const config = antivirusConfig();
  const reachable = config.mode === "scan" ? await pingScanner(config.target) : null;
  const notice = reachable === false ? `病毒扫描：ClamAV（${config.mode === "scan" ? config.label : ""}）无法连接，上传暂被拒绝` : antivirusNotice(config).text;
  return { mode: config.mode, reachable, notice, level: reachable === false ? "warning" : antivirusNotice(config).level };
}

export async function readiness(): Promise<{ ready: boolean; checks: Check[] }> {
  const database = await check("database", async () => {
    await withTimeout(db.$queryRaw`SELECT 1`, "数据库响应");
    return undefined;
  });
  const migrations = database.ok
    ? await check("migrations", async () => {
        const status = await withTimeout(migrationStatus(process.env.DATABASE_URL!, { migrationsDir: MIGRATIONS_DIR }), "读取迁移记录");
        if (status.failed.length) return `有迁移曾开始执行但未完成：${status.failed.join("、")}`;
        if (status.edited.length) return `已执行的迁移被修改过：${status.edited.join("、")}`;
        if (status.pending.length) return `有 ${status.pending.length} 个迁移未执行，请运行 npm run migrate`;
        return undefined;
      })
    : { name: "migrations" as const, ok: false, problem: "数据库不可用，无法检查", ms: 0 };
  const storage = await check("storage", async () => {
    await withTimeout(fileStore().checkWritable(), "文件存储写入");
    return undefined;
  });
  const checks = [database, migrations, storage];
  const ready = checks.every((one) => one.ok);
  if (!ready) logger.warn({ checks }, "not ready");
  return { ready, checks };
}
