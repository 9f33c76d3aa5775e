// /api/ready is open without an account: it says which check failed with a fixed code and a fixed Chinese phrase,
// never the exception's own text (which can name hosts, users and paths); that text goes to the log.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({
  query: (): Promise<unknown> => Promise.resolve(1),
  status: () => Promise.resolve({ failed: [] as string[], edited: [] as string[], pending: [] as string[] }),
  writable: (): Promise<void> => Promise.resolve(),
  warnings: [] as unknown[][],
}));
vi.mock("@/lib/db/client", () => ({ db: { $queryRaw: () => state.query() } }));
vi.mock("@/lib/db/migrations", () => ({ migrationStatus: () => state.status() }));
vi.mock("@/lib/storage", () => ({ fileStore: () => ({ checkWritable: () => state.writable() }) }));
vi.mock("@/lib/log", () => ({ logger: { warn: (...args: unknown[]) => state.warnings.push(args) } }));

const { readiness } = await import("@/lib/health/readiness");
const SECRET = "connect ECONNREFUSED db.internal:5432 user=innovation password=hunter2 /srv/app/uploads";

beforeEach(() => {
  state.query = () => Promise.resolve(1);
  state.status = () => Promise.resolve({ failed: [], edited: [], pending: [] });
  state.writable = () => Promise.resolve();
  state.warnings.length = 0;
});
afterEach(() => vi.useRealTimers());

const strip = (checks: { ms: number }[]) => checks.map(({ ms: _, ...rest }) => rest);

describe("readiness", () => {
  it("is ready when everything answers, with no reason", async () => {
    const { ready, checks } = await readiness();
    expect(ready).toBe(true);
    expect(strip(checks)).toEqual([
      { name: "database", ok: true },
      { name: "migrations", ok: true },
      { name: "storage", ok: true },
    ]);
  });

  it("names a failed database with a code and a phrase, not the driver's message, and logs the message", async () => {
    state.query = () => Promise.reject(new Error(SECRET));
    const result = await readiness();
    expect(result.ready).toBe(false);
    expect(strip(result.checks)).toEqual([
      { name: "database", ok: false, reason: "unreachable", problem: "数据库无法连接" },
      { name: "migrations", ok: false, reason: "database-down", problem: "数据库不可用，无法检查" },
      { name: "storage", ok: true },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/hunter2|db\.internal|ECONNREFUSED/);
    expect(JSON.stringify(state.warnings.map((w) => (w[0] as { err?: Error }).err?.message))).toContain(SECRET);
  });

  it("names a store that takes no write, and hides the store's message", async () => {
    state.writable = () => Promise.reject(new Error(SECRET));
    const result = await readiness();
    expect(strip(result.checks)[2]).toEqual({ name: "storage", ok: false, reason: "unwritable", problem: "文件存储无法写入" });
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("says which migrations the operator must look at (the repository's own names)", async () => {
    state.status = () => Promise.resolve({ failed: [], edited: [], pending: ["20260101000000_a", "20260102000000_b"] });
    expect(strip((await readiness()).checks)[1]).toEqual({
      name: "migrations",
      ok: false,
      reason: "pending-migration",
      problem: "有 2 个迁移未执行，请运行 npm run migrate",
    });
    state.status = () => Promise.resolve({ failed: ["20260101000000_a"], edited: [], pending: [] });
    expect(strip((await readiness()).checks)[1]).toMatchObject({ reason: "failed-migration", problem: "有迁移曾开始执行但未完成：20260101000000_a" });
    state.status = () => Promise.reject(new Error(SECRET));
    expect(strip((await readiness()).checks)[1]).toEqual({ name: "migrations", ok: false, reason: "unreachable", problem: "无法读取迁移记录" });
  });

  it("gives up on a hung dependency after 3 seconds with reason timeout", async () => {
    vi.useFakeTimers();
    state.query = () => new Promise(() => {});
    const pending = readiness();
    await vi.advanceTimersByTimeAsync(3_000);
    const result = await pending;
    expect(strip(result.checks)[0]).toEqual({ name: "database", ok: false, reason: "timeout", problem: "数据库响应超时（3 秒）" });
  });

  it("answers 503 from the route with the codes and no error text", async () => {
    vi.doMock("@/lib/security/antivirus", () => ({
      antivirusConfig: () => ({ mode: "off" }),
      antivirusNotice: () => ({ text: "未启用" }),
      pingScanner: () => null,
    }));
    vi.resetModules();
    state.query = () => Promise.reject(new Error(SECRET));
    const { GET } = await import("@/app/api/ready/route");
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text).checks[0]).toMatchObject({ name: "database", reason: "unreachable", problem: "数据库无法连接" });
  });
});
