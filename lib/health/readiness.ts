// Readiness: can this process serve? The database answers, its schema is the one the code expects, the file
// store takes a write. Each check has its own short timeout, so a hung dependency gives a 503, not a hang.
import "server-only";
import path from "node:path";
import { db } from "@/lib/db/client";
import { migrationStatus } from "@/lib/db/migrations";
import { fileStore } from "@/lib/storage";
import { logger } from "@/lib/log";
import { type AntivirusConfig, antivirusConfig, antivirusNotice, pingScanner } from "@/lib/security/antivirus";

/**
 * One check's result. `reason` is a fixed code for monitoring and `problem` a fixed Chinese phrase for the operator:
 * neither ever carries an exception's own text (a driver's or the SDK's message can name hosts, users or paths, and
 * this route is open without an account). The full error goes to the application log, with the same reason.
 */
export type Check = { name: "database" | "migrations" | "storage"; ok: boolean; reason?: Reason; problem?: string; ms: number };
export type Reason = "timeout" | "unreachable" | "unwritable" | "failed-migration" | "edited-migration" | "pending-migration" | "database-down";

const TIMEOUT_MS = 3_000;
// The compiled server code lives under .next/, so the folder is found from where the app was started (the repo).
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** What each check says when its work throws (the reason is "timeout" when it took too long, else this one). */
const FAILURE: Record<Check["name"], { reason: Reason; problem: string; timeout: string }> = {
  database: { reason: "unreachable", problem: "数据库无法连接", timeout: "数据库响应" },
  migrations: { reason: "unreachable", problem: "无法读取迁移记录", timeout: "读取迁移记录" },
  storage: { reason: "unwritable", problem: "文件存储无法写入", timeout: "文件存储写入" },
};

class CheckTimeout extends Error {}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new CheckTimeout()), TIMEOUT_MS).unref())]);
}

type Found = { reason: Reason; problem: string } | undefined;

/** Runs one check's work with the timeout; a throw becomes its fixed reason and phrase, and a log line with the error. */
export async function check(name: Check["name"], work: () => Promise<Found>): Promise<Check> {
  const started = Date.now();
  try {
    const found = await withTimeout(work());
    return { name, ok: !found, ...found, ms: Date.now() - started };
  } catch (error) {
    const failure = FAILURE[name];
    const timedOut = error instanceof CheckTimeout;
    const reason: Reason = timedOut ? "timeout" : failure.reason;
    logger.warn({ check: name, reason, err: timedOut ? undefined : error }, "readiness check failed");
    return { name, ok: false, reason, problem: timedOut ? `${failure.timeout}超时（${TIMEOUT_MS / 1000} 秒）` : failure.problem, ms: Date.now() - started };
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
    await db.$queryRaw`SELECT 1`;
    return undefined;
  });
  const migrations = database.ok
    ? await check("migrations", async () => {
        // The names are the repository's own migration folders: no secret, and what the operator must look at.
        const status = await migrationStatus(process.env.DATABASE_URL!, { migrationsDir: MIGRATIONS_DIR });
        if (status.failed.length) return { reason: "failed-migration", problem: `有迁移曾开始执行但未完成：${status.failed.join("、")}` };
        if (status.edited.length) return { reason: "edited-migration", problem: `已执行的迁移被修改过：${status.edited.join("、")}` };
        if (status.pending.length) return { reason: "pending-migration", problem: `有 ${status.pending.length} 个迁移未执行，请运行 npm run migrate` };
        return undefined;
      })
    : { name: "migrations" as const, ok: false, reason: "database-down" as const, problem: "数据库不可用，无法检查", ms: 0 };
  const storage = await check("storage", async () => {
    await fileStore().checkWritable();
    return undefined;
  });
  const checks = [database, migrations, storage];
  const ready = checks.every((one) => one.ok);
  if (!ready) logger.warn({ checks }, "not ready");
  return { ready, checks };
}
