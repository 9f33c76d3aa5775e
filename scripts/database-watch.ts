// Each server process keeps one connection of its own to the database to know, without a query per request,
// whether the database is there. The connection's end (the server stopped or died: 57P01, ECONNRESET) or a
// failed check every few seconds marks it down; a new connection every second until one succeeds marks it up.
// While it is down, pages answer 503 with a Chinese page instead of a 500 each (scripts/server.ts); the app's
// own pool reconnects by itself (lib/db/client.ts). Decision 0020.
import pg from "pg";
import { logger } from "../lib/log";

const CHECK_MS = 5_000;
// No more impatient than the app's own pool (lib/db/client.ts): a loaded machine is slow, not down.
const TIMEOUT_MS = 5_000;
const RETRY_MS = 1_000;

export type DatabaseWatch = {
  up: () => boolean;
  /** Up, or, when down, tries a connection at once (shared by all who ask meanwhile): up when it succeeds. */
  upNow: () => Promise<boolean>;
  stop: () => Promise<void>;
};

export function watchDatabase(connectionString: string): DatabaseWatch {
  let up = true; // until shown otherwise: the start script checked it before starting us
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> | undefined;
  let lastAttempt = 0;

  const mark = (next: boolean, error?: unknown) => {
    if (next === up) return;
    up = next;
    if (next) logger.warn("database reachable again");
    else logger.error({ err: error }, "database unreachable: pages answer 503 until it is back");
  };

  const lost = (error?: unknown) => {
    if (stopped) return;
    const old = client;
    client = undefined;
    old?.end().catch(() => {});
    mark(false, error);
    clearTimeout(timer);
    timer = setTimeout(attempt, RETRY_MS);
  };

  const check = async () => {
    if (stopped || !client) return;
    const current = client;
    try {
      await current.query({ text: "SELECT 1", query_timeout: TIMEOUT_MS } as pg.QueryConfig);
      timer = setTimeout(check, CHECK_MS);
    } catch (error) {
      if (current === client) lost(error);
    }
  };

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: TIMEOUT_MS, application_name: "innovation-watch" });
    next.on("error", (error) => {
      if (client === next) lost(error);
    });
    next.on("end", () => {
      if (client === next) lost(new Error("connection ended"));
    });
    try {
      await next.connect();
    } catch (error) {
      next.end().catch(() => {});
      lost(error);
      return;
    }
    if (stopped) return void next.end().catch(() => {});
    client = next;
    mark(true);
    timer = setTimeout(check, CHECK_MS);
  };

  const attempt = () => {
    lastAttempt = Date.now();
    connecting ??= connect().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  void attempt();
  return {
    up: () => up,
    async upNow() {
      if (up) return true;
      // At most four attempts a second, however many requests come in.
      if (!connecting && Date.now() - lastAttempt < 250) return false;
      clearTimeout(timer);
      await attempt();
      return up;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
