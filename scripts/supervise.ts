// Restart delays for a child process that keeps dying (the start script's server and database, the server's
// workers): 1 s, 2 s, 4 s … at most `maxMs`; after `limit` deaths within `windowMs` it gives up, so that a child
// that cannot run (a broken build, a full disk) ends the supervisor with an error for systemd or the operator
// instead of looping forever. Decision 0020.
import { Worker } from "node:worker_threads";

export type BackoffOptions = { firstMs: number; maxMs: number; windowMs: number; limit: number };

export class Backoff {
  private deaths: number[] = [];
  constructor(private readonly options: BackoffOptions) {}

  /** Records a death; the delay before the next start, or undefined: too many deaths, give up. */
  next(now = Date.now()): number | undefined {
    const { firstMs, maxMs, windowMs, limit } = this.options;
    this.deaths = this.deaths.filter((time) => now - time < windowMs);
    this.deaths.push(now);
    if (this.deaths.length > limit) return undefined;
    return Math.min(maxMs, firstMs * 2 ** (this.deaths.length - 1));
  }
}

/** True while any process of the group `pgid` is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `signal` to the process group, waits up to `graceMs` for all of it to end, then kills what is left.
 * True when it ended by itself.
 */
export async function stopGroup(pgid: number, signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
  try {
    process.kill(-pgid, signal);
  } catch {
    return true;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  if (!groupAlive(pgid)) return true;
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {}
  for (let waited = 0; groupAlive(pgid) && waited < 2_000; waited += 50) await sleep(50);
  return false;
}

/**
 * Ends this process with SIGKILL after `ms`, from a thread of its own: a stopping server whose main thread is blocked
 * (a log line written synchronously to a standard output nobody reads any more retries with Atomics.wait forever)
 * would otherwise never exit, and an orphan holding the supervisor's output open keeps whoever waits on it waiting
 * (the journeys' run hung so once after its last test). Armed when stopping begins; a normal exit comes first.
 */
export function armExitWatchdog(ms: number) {
  const watchdog = new Worker(`setTimeout(() => process.kill(${process.pid}, "SIGKILL"), ${Math.round(ms)});`, { eval: true });
  watchdog.unref();
}

/**
 * For a supervised process: once its parent is gone (the start script killed with -9), it has `graceMs` to stop by
 * itself (its standard input closes, it stops as on SIGTERM); then a thread of its own ends it with SIGKILL, even if
 * its main thread is blocked (see armExitWatchdog). An orphan must never outlive its supervisor.
 */
export function armOrphanWatchdog(graceMs: number) {
  const code = `
    const parent = process.ppid;
    const poll = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(poll);
      setTimeout(() => process.kill(${process.pid}, "SIGKILL"), ${Math.round(graceMs)});
    }, 1000);`;
  new Worker(code, { eval: true }).unref();
}
