// The production deployment of docs/deployment.md, brought up for real on this machine: an external
// PostgreSQL (a second embedded cluster, reached only by its URL), an S3 server process (s3rver), the
// migrations and the setup command, two app processes started with `npm start` in production mode, and
// nginx from Debian in front of them with the repo's sample configuration and a throw-away certificate.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import https from "node:https";
import crypto from "node:crypto";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { startEmbeddedPostgres, ensureDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";
import { startClamd } from "../support/clamd";
import { freePort } from "../support/ports";

const root = path.resolve(import.meta.dirname, "../..");

/** Waits for a line matching `ready` on the child's output; its output is kept in `log`. */
function waitFor(child: ChildProcess, ready: RegExp, what: string, log: string[], timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${log.join("").slice(-4000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (ready.test(log.join(""))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${log.join("").slice(-4000)}`));
    });
  });
}

export type Account = { username: string; password: string };

export type Stack = {
  url: string;
  appPorts: number[];
  accounts: Account[];
  env: NodeJS.ProcessEnv;
  dir: string;
  database: EmbeddedDatabase;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  stopApp(index: number): Promise<boolean>;
  stop(): Promise<void>;
  logs: Record<string, string[]>;
};

function npm(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync("npm", args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export async function startStack(options: { nginxPort: number }): Promise<Stack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-production-"));
  fs.chmodSync(dir, 0o777); // the embedded server runs as an unprivileged user when we are root
  const logs: Record<string, string[]> = {};
  const children: ChildProcess[] = [];

  // An external PostgreSQL: the app gets nothing but its URL.
  const pgPort = await freePort();
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, quiet: true });
  await ensureDatabase(database, "innovation");

  // An S3-compatible store in its own process.
  const s3Port = await freePort();
  logs.s3 = [];
  const s3 = spawn(process.execPath, ["--openssl-legacy-provider", "--import", "tsx", "scripts/s3-test-server.ts"], {
    cwd: root,
    env: { ...process.env, S3_PORT: String(s3Port), S3_DIR: path.join(dir, "s3"), S3_BUCKET: "innovation" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(s3);
  await waitFor(s3, /S3 ready on/, "s3rver", logs.s3);

  // A virus scanner, as production requires one (uploads are refused without it): clamd through its socket.
  const clamd = await startClamd();

  const nginxPort = options.nginxPort;
  const appPorts = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url("innovation"),
    DATABASE_POOL_SIZE: "5",
    NEXTAUTH_SECRET: crypto.randomBytes(48).toString("base64"),
    NEXTAUTH_URL: `https://localhost:${nginxPort}`,
    TRUST_PROXY: "1",
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    SHUTDOWN_TIMEOUT_MS: "10000",
    JOBS: "off",
    STORAGE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_BUCKET: "innovation",
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    NEXT_TELEMETRY_DISABLED: "1",
    ...clamd.env,
  };
  delete env.APP_MODE;
  delete env.DEMO_DATA;
  delete env.DATA_DIR;
  delete env.PORT;

  // The deployment page's steps: build once (CI has built already for the demo journeys), migrate, set up.
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) npm(["run", "build"], env);
  npm(["run", "migrate"], env);
  const setup = npm(["run", "setup", "--", "--root-unit", "测试县"], env);
  const accounts = [...setup.matchAll(/^\s{4}(admin|security|auditor)\s+(\S+)$/gm)].map((m) => ({ username: m[1], password: m[2] }));
  if (accounts.length !== 3) throw new Error(`setup printed no accounts:\n${setup}`);

  const apps: (ChildProcess | null)[] = [];
  const startApp = async (index: number) => {
    const name = `app${index}`;
    logs[name] = [];
    // The first host runs two workers (node:cluster, as on a two-core server), the second one: both shapes are served.
    const workers = index === 0 ? "2" : "1";
    const child = spawn("npm", ["start"], {
      cwd: root,
      env: { ...env, PORT: String(appPorts[index]), WEB_CONCURRENCY: workers },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    apps[index] = child;
    await waitFor(child, /Ready on/, name, logs[name]);
  };
  await Promise.all(appPorts.map((_, index) => startApp(index)));

  // nginx with the sample configuration: only the ports, the names and the certificate differ.
  const certificate = path.join(dir, "tls.crt");
  const key = path.join(dir, "tls.key");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate], {
    stdio: "ignore",
  });
  const sample = fs.readFileSync(path.join(root, "docs", "nginx", "innovation.conf"), "utf8");
  const site = sample
    .replace(/server 127\.0\.0\.1:3001/, `server 127.0.0.1:${appPorts[0]}`)
    .replace(/server 127\.0\.0\.1:3002/, `server 127.0.0.1:${appPorts[1]}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${await freePort()};`)
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${nginxPort} ssl http2;`)
    .replace(/server_name cxxm\.example\.gov\.cn;/g, "server_name localhost;")
    .replace("/etc/nginx/tls/innovation.crt", certificate)
    .replace("/etc/nginx/tls/innovation.key", key);
  if (site === sample) throw new Error("the nginx sample did not change");
  fs.writeFileSync(path.join(dir, "site.conf"), site);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/nginx-error.log;`,
      "events { worker_connections 256; }",
      "http {",
      `  access_log ${dir}/nginx-access.log;`,
      `  client_body_temp_path ${dir}/nginx-body; proxy_temp_path ${dir}/nginx-proxy;`,
      `  fastcgi_temp_path ${dir}/nginx-fcgi; uwsgi_temp_path ${dir}/nginx-uwsgi; scgi_temp_path ${dir}/nginx-scgi;`,
      "  include /etc/nginx/mime.types;",
      `  include ${dir}/site.conf;`,
      "}",
    ].join("\n"),
  );
  execFileSync("nginx", ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "pipe" });
  logs.nginx = [];
  const nginx = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(nginx);
  nginx.stderr?.on("data", (chunk: Buffer) => logs.nginx.push(chunk.toString()));
  const url = `https://localhost:${nginxPort}`;
  // nginx answers through TLS (an nginx left over on the port would answer 502, and this one would have exited).
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${logs.nginx.join("")}${fs.readFileSync(path.join(dir, "nginx-error.log"), "utf8")}`);
    if ((await httpsStatus(`${url}/api/health`)) === 200) break;
    if (i > 100) throw new Error(`nginx does not pass requests on: ${fs.readFileSync(path.join(dir, "nginx-error.log"), "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /**
   * Stops one app as systemd does (SIGTERM to every process of the unit: npm, the start script, the server) and
   * waits for all of them to be gone. True when they ended by themselves within the grace period; whatever is
   * left after it is killed, so a stuck stop cannot hang the run.
   */
  const stopApp = async (index: number): Promise<boolean> => {
    const child = apps[index];
    if (!child?.pid) return true;
    const alive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (!alive()) return true;
    process.kill(-child.pid, "SIGTERM");
    const deadline = Date.now() + 20_000;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!alive()) return true;
    process.kill(-child.pid, "SIGKILL");
    return false;
  };

  return {
    url,
    appPorts,
    accounts,
    env,
    dir,
    database,
    logs,
    stopDatabase: () => database.stop(),
    startDatabase: () => database.start(),
    stopApp,
    async stop() {
      await Promise.all(appPorts.map((_, index) => stopApp(index)));
      for (const child of children) child.kill("SIGTERM");
      await clamd.stop().catch(() => {});
      await database.stop().catch(() => {});
      fs.rmSync(clamd.directory, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The status of a GET over TLS with the throw-away certificate; 0 when nothing answers. */
function httpsStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
  });
}
