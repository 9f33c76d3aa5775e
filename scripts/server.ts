// The production HTTP server: Next.js behind a thin layer that decides where a request comes from.
// Next keeps an X-Forwarded-For sent by the client, which would let anyone pick the address that
// rate limits and the audit log see; unless TRUST_PROXY=1 (a reverse proxy in front sets the header),
// the header is replaced by the socket's address.
import crypto from "node:crypto";
import http from "node:http";
import next from "next";
import { root } from "./runtime";

const port = Number(process.env.PORT ?? 3000);
const trustProxy = process.env.TRUST_PROXY === "1";

const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  if (!trustProxy) {
    request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
    delete request.headers["x-real-ip"];
  }
  void handle(request, response);
});
server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));

// Scheduled jobs (reminders, then queued e-mails) run inside Next through a token-protected route, every 10
// minutes and once shortly after start. The schedule is this timer and all state is in PostgreSQL: an advisory
// lock runs one process's job at a time, and keys in ReminderLog send each reminder once (lib/reminders).
const secret = process.env.NEXTAUTH_SECRET;
if (secret && process.env.JOBS !== "off") {
  const token = crypto.createHmac("sha256", secret).update("jobs").digest("hex");
  const runJobs = () =>
    fetch(`http://127.0.0.1:${port}/api/jobs/reminders`, { method: "POST", headers: { "x-job-token": token } }).catch((error) => console.error("[jobs]", error));
  setTimeout(runJobs, 15_000).unref();
  setInterval(runJobs, 10 * 60_000).unref();
}

const stop = () => {
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold the close open.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
