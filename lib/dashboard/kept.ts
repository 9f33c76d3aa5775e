// The county dashboard's figures kept per process, checked on every read against the stamp of their inputs
// (decision 0105, after 0025): the sum of the change counters that a statement trigger on every table the
// figures read bumps in the writing transaction itself (migration 20261207910000). The stamp is read before the
// figures, so a write committed meanwhile moves the next stamp: the worst case is computing once more, never a
// stale answer. Figures that change with time alone (a report deadline passing, a milestone's day ending) are
// kept only until the first such instant.
import "server-only";
import { db } from "@/lib/db/client";

type Result<T> = { value: T; validUntil: Date | null };
type Entry = { stamp: string; computedAt: number; result: Promise<Result<unknown>> };

/** Year choices a county reader looks at: a few keys per process. */
const KEPT = 16;
const kept = new Map<string, Entry>();

/** The sum of the change counters: moves with every committed write to the dashboard's tables. */
export async function inputsStamp(): Promise<string> {
  const [row] = await db.$queryRaw<{ n: string }[]>`SELECT coalesce(sum("n"), 0)::text AS n FROM "ChangeCounter"`;
  return row.n;
}

/**
 * The value kept under `key` if it was computed under the same stamp, at or before `now`, and `now` is before the
 * first instant at which it would change with time; else `compute` runs (once for requests arriving together).
 */
export async function keptFigures<T>(key: string, stamp: string, now: Date, compute: () => Promise<Result<T>>): Promise<T> {
  const at = now.getTime();
  const hit = kept.get(key);
  if (hit && hit.stamp === stamp && at >= hit.computedAt) {
    const result = await hit.result.catch(() => null);
    if (result && (result.validUntil === null || at < result.validUntil.getTime())) return result.value as T;
  }
  const entry: Entry = { stamp, computedAt: at, result: compute() };
  kept.delete(key);
  kept.set(key, entry);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  try {
    return ((await entry.result) as Result<T>).value;
  } catch (error) {
    if (kept.get(key) === entry) kept.delete(key);
    throw error;
  }
}

/** Forgets every kept figure (tests). */
export function forgetKeptFigures() {
  kept.clear();
}
