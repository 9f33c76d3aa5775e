// The sign-in throttle's rules, pure: which counters a failure counts on, and what their state means.
// The counters themselves live in PostgreSQL through rate-limiter-flexible (lib/auth/throttle.ts).

export type ThrottleRule = {
  /** The key prefix in the LoginLimit table. */
  name: "ip" | "pair" | "account";
  label: string;
  /** Failures that lock. */
  points: number;
  /** The window the failures are counted in, seconds. */
  duration: number;
  /** How long the lock lasts from the failure that set it, seconds. */
  block: number;
};

export const THROTTLE_RULES: Record<ThrottleRule["name"], ThrottleRule> = {
  // Spraying: one address trying many accounts.
  ip: { name: "ip", label: "来源地址", points: 20, duration: 15 * 60, block: 15 * 60 },
  // Guessing one account from one address: locks that address out of that account only.
  pair: { name: "pair", label: "账户与地址", points: 5, duration: 15 * 60, block: 15 * 60 },
  // A distributed attack on one account: only many addresses together reach it; answered with an hour's delay.
  account: { name: "account", label: "账户（全部地址）", points: 50, duration: 60 * 60, block: 60 * 60 },
};

const NO_ADDRESS = "-";

/** The counters' keys (without the rule's prefix) for one attempt. */
export function throttleKeys(username: string, ip: string | null): Record<ThrottleRule["name"], string> {
  const address = ip ?? NO_ADDRESS;
  return { ip: address, pair: `${username}|${address}`, account: username };
}

/** A counter is a lock once it holds as many failures as its rule allows. */
export function isLocked(rule: ThrottleRule, consumed: number): boolean {
  return consumed >= rule.points;
}

/** The latest of the locks' ends, or null when nothing is locked. */
export function lockEnd(states: { rule: ThrottleRule; consumed: number; msBeforeNext: number }[], nowMs: number): Date | null {
  const ends = states.filter((s) => isLocked(s.rule, s.consumed) && s.msBeforeNext > 0).map((s) => nowMs + s.msBeforeNext);
  return ends.length ? new Date(Math.max(...ends)) : null;
}

export type ParsedLimitKey = { rule: ThrottleRule; username: string | null; ip: string | null };

/** Reads a LoginLimit key back (`pair:zhangsan|10.0.0.1`) for the security admin's page. */
export function parseLimitKey(key: string): ParsedLimitKey | null {
  const colon = key.indexOf(":");
  if (colon < 0) return null;
  const rule = THROTTLE_RULES[key.slice(0, colon) as ThrottleRule["name"]];
  if (!rule) return null;
  const rest = key.slice(colon + 1);
  const address = (value: string) => (value === NO_ADDRESS ? null : value);
  if (rule.name === "ip") return { rule, username: null, ip: address(rest) };
  if (rule.name === "account") return { rule, username: rest, ip: null };
  const bar = rest.lastIndexOf("|");
  if (bar < 0) return null;
  return { rule, username: rest.slice(0, bar), ip: address(rest.slice(bar + 1)) };
}

/** "请于 14:05 后再试" in Beijing time (the client and the server agree whatever their own zone). */
export function retryMessage(until: Date): string {
  const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false }).format(until);
  return `登录失败次数过多，请于 ${time} 后再试（北京时间）`;
}
