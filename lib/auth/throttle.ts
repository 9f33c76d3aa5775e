// Sign-in throttling (docs/security.md#sign-in-throttling): rate-limiter-flexible's PostgreSQL store on a small
// pool of its own, in the LoginLimit table made by a migration (tableCreated: true), shared by every process.
import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { lockEnd, isLocked, parseLimitKey, THROTTLE_RULES, throttleKeys, type ThrottleRule } from "@/lib/auth/throttle-rules";

const holder = globalThis as unknown as { loginLimiters?: { url: string; pool: pg.Pool; limiters: Record<ThrottleRule["name"], RateLimiterPostgres> } };

function limiters() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // Tests point DATABASE_URL at their own database: a new URL gets new limiters.
  if (holder.loginLimiters?.url !== url) {
    void holder.loginLimiters?.pool.end().catch(() => {});
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
    pool.on("error", () => {}); // an idle connection dropped by the server; the next query reconnects
    const make = (rule: ThrottleRule) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "LoginLimit",
        tableCreated: true,
        // The jobs' sweep removes expired rows (lib/auth/sweep.ts), not a timer in every process.
        clearExpiredByTimeout: false,
        keyPrefix: rule.name,
        points: rule.points,
        duration: rule.duration,
      });
    holder.loginLimiters = {
      url,
      pool,
      limiters: { ip: make(THROTTLE_RULES.ip), pair: make(THROTTLE_RULES.pair), account: make(THROTTLE_RULES.account) },
    };
  }
  return holder.loginLimiters.limiters;
}

const RULES = Object.values(THROTTLE_RULES);

/** When this attempt may not even be checked: the end of the latest lock on its address, pair or account. */
export async function throttledUntil(username: string, ip: string | null, now = Date.now()): Promise<Date | null> {
  const keys = throttleKeys(username, ip);
  const all = limiters();
  const states = await Promise.all(
    RULES.map(async (rule) => {
      const res = await all[rule.name].get(keys[rule.name]);
      return { rule, consumed: res?.consumedPoints ?? 0, msBeforeNext: res?.msBeforeNext ?? 0 };
    }),
  );
  return lockEnd(states, now);
}

/** Counts one failure on the three counters (atomically each); returns the lock's end when one is now locked. */
export async function recordSignInFailure(username: string, ip: string | null, now = Date.now()): Promise<Date | null> {
  const keys = throttleKeys(username, ip);
  const all = limiters();
  const states = await Promise.all(
    RULES.map(async (rule) => {
      const limiter = all[rule.name];
      let res: RateLimiterRes;
      try {
        res = await limiter.consume(keys[rule.name]);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        res = rejection;
      }
      // The failure that reaches the limit starts the lock's full length (the window may be nearly over).
      if (isLocked(rule, res.consumedPoints) && res.consumedPoints === rule.points) {
        await limiter.block(keys[rule.name], rule.block);
        return { rule, consumed: rule.points + 1, msBeforeNext: rule.block * 1000 };
      }
      return { rule, consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext };
    }),
  );
  return lockEnd(states, now);
}

/** A right password (and code) clears this address's count on the account; the address's own count stays. */
export async function recordSignInSuccess(username: string, ip: string | null): Promise<void> {
  await limiters().pair.delete(throttleKeys(username, ip).pair);
}

/** The security admin's 解除锁定 of an account: every address's count on it, and its own. */
export async function clearAccountThrottle(username: string): Promise<number> {
  const removed = await db.loginLimit.deleteMany({
    where: { OR: [{ key: `account:${username}` }, { key: { startsWith: `pair:${username}|` } }] },
  });
  return removed.count;
}

/** One counter, by its key as the security admin's page shows it. */
export async function clearThrottleKey(key: string): Promise<boolean> {
  if (!parseLimitKey(key)) return false;
  const removed = await db.loginLimit.deleteMany({ where: { key } });
  return removed.count > 0;
}

export type ThrottleRow = { key: string; rule: ThrottleRule; username: string | null; ip: string | null; failures: number; locked: boolean; until: Date };

/** The counters still running, most failures first (for the security admin's page). */
export async function throttleOverview(now = new Date()): Promise<ThrottleRow[]> {
  const rows = await db.loginLimit.findMany({ where: { expire: { gt: BigInt(now.getTime()) } }, orderBy: { points: "desc" }, take: 500 });
  return rows.flatMap((row) => {
    const parsed = parseLimitKey(row.key);
    if (!parsed) return [];
    const locked = isLocked(parsed.rule, row.points);
    return [{ key: row.key, ...parsed, failures: Math.min(row.points, parsed.rule.points), locked, until: new Date(Number(row.expire)) }];
  });
}

/** The locks in force on these accounts (any address), for the account list. */
export async function lockedAccounts(usernames: string[] | null, now = new Date()): Promise<Map<string, Date>> {
  const rows = await throttleOverview(now);
  const result = new Map<string, Date>();
  for (const row of rows) {
    if (!row.locked || !row.username || row.rule.name === "ip") continue;
    if (usernames && !usernames.includes(row.username)) continue;
    const current = result.get(row.username);
    if (!current || current < row.until) result.set(row.username, row.until);
  }
  return result;
}
