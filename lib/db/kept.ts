// Values kept per process, checked on every read against the stamp of their inputs (decisions 0105 and 0114,
// after 0025): the sum of the change counters that a statement trigger on every table they read bumps in the
// writing transaction itself (migration 20261207910000: Project, ProgressReport, ProjectMilestone, Unit, Year,
// YearWindow, Topic, TopicClaim, PlanItemKind, WorkPlan, PlanItem). The stamp is read before the value is computed,
// so a write committed meanwhile moves the next stamp: the worst case is computing once more, never a stale answer.
// Values that change with time alone (a report deadline passing, a milestone's day ending) are kept only until the
// first such instant. Only what reads nothing but those tables may be kept here.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlQuery } from "@/lib/db/client";

type Result<T> = { value: T; validUntil: Date | null };
type Entry = { stamp: string; computedAt: number; result: Promise<Result<unknown>> };

/** The sum of the change counters: moves with every committed write to the tables above. */
export async function inputsStamp(): Promise<string> {
  const [row] = await sqlQuery<{ n: string }>(Prisma.sql`SELECT coalesce(sum("n"), 0)::text AS n FROM "ChangeCounter"`);
  return row.n;
}

/** One kind of kept value: at most `limit` keys, the oldest forgotten first. */
export class KeptValues {
  private readonly kept = new Map<string, Entry>();
  constructor(private readonly limit: number) {}

  /**
   * The value kept under `key` if it was computed under the same stamp, at or before `now`, and `now` is before the
   * first instant at which it would change with time; else `compute` runs (once for requests arriving together).
   */
  async get<T>(key: string, stamp: string, now: Date, compute: () => Promise<Result<T>>): Promise<T> {
    const at = now.getTime();
    const hit = this.kept.get(key);
    if (hit && hit.stamp === stamp && at >= hit.computedAt) {
      const result = await hit.result.catch(() => null);
      if (result && (result.validUntil === null || at < result.validUntil.getTime())) return result.value as T;
    }
    const entry: Entry = { stamp, computedAt: at, result: compute() };
    this.kept.delete(key);
    this.kept.set(key, entry);
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value as string);
    try {
      return ((await entry.result) as Result<T>).value;
    } catch (error) {
      if (this.kept.get(key) === entry) this.kept.delete(key);
      throw error;
    }
  }

  /** Forgets every kept value (tests). */
  clear() {
    this.kept.clear();
  }
}

/** Counts of the large lists (the project list, the report grid, the search page), one per filter: decision 0114. */
const counts = new KeptValues(256);

/**
 * A count (or counts per year) over the stamped tables only, kept until one of them changes. `key` names the query
 * exactly (its SQL text and values, see `sqlKey`); `read` computes it. At 200,000 projects an exact count of one
 * year's rows takes tens of milliseconds, the same on every load until someone writes. The value is shared: callers
 * must not change it.
 */
export async function keptCount<T>(key: string, read: () => Promise<T>): Promise<T> {
  const stamp = await inputsStamp();
  return counts.get(key, stamp, new Date(), async () => ({ value: await read(), validUntil: null }));
}

/** A key that names a statement exactly: its text and its values. */
export function sqlKey(kind: string, query: Prisma.Sql): string {
  return `${kind}\n${query.text}\n${JSON.stringify(query.values)}`;
}
