// The admins' daily digest (issue 20 point 8): which notices wait for it, when it goes out, what it says. Pure.
import { formatDate, startOfBusinessDay } from "@/lib/time";

/** How each held kind is counted in the digest's text. */
const DIGEST_LABELS: Record<string, string> = {
  "project.submitted": "项目申报",
  "report.submitted": "季度进展报送",
  "event.submitted": "交流材料",
  "practice.submitted": "四个一材料",
  "research.submitted": "调研报告",
};

/**
 * Kinds that arrive in numbers around a deadline and need no action within the hour (each waits in a list that is
 * worked through anyway): held for the digest when the recipient is an admin (decision 0088). Not held: what asks
 * for a decision soon — a unit declining an assigned topic, a reviewer's conflict, an objection to an announcement.
 */
export const DIGEST_KINDS: ReadonlySet<string> = new Set(Object.keys(DIGEST_LABELS));

/** The digest goes out once a day at 08:00 Beijing time, with everything held before that day began. */
export const DIGEST_HOUR = 8;

export function isDigestKind(kind: string): boolean {
  return DIGEST_KINDS.has(kind);
}

/**
 * The digest due at `now`: held notices created before `cutoff` (the start of today, Beijing) are released, under
 * the key of today's date; null before 08:00, when yesterday's digest is not due yet.
 */
export function digestDue(now: Date): { day: string; cutoff: Date } | null {
  const day = formatDate(now);
  const cutoff = startOfBusinessDay(day)!;
  return now.getTime() >= cutoff.getTime() + DIGEST_HOUR * 3_600_000 ? { day, cutoff } : null;
}

/** The next release after `now`, for the inbox's "待汇总" line. */
export function nextDigestAt(now: Date): Date {
  const cutoff = startOfBusinessDay(formatDate(now))!;
  const today = new Date(cutoff.getTime() + DIGEST_HOUR * 3_600_000);
  return now.getTime() < today.getTime() ? today : new Date(today.getTime() + 86_400_000);
}

/** 12月6日 */
function monthDay(date: Date): string {
  const [, m, d] = formatDate(date).split("-").map(Number);
  return `${m}月${d}日`;
}

/** The digest notice of one recipient: counts per kind, over the days the held notices span. */
export function digestNotice(held: { kind: string; count: number }[], span: { first: Date; last: Date }): { title: string; body: string } {
  const total = held.reduce((sum, row) => sum + row.count, 0);
  const days = formatDate(span.first) === formatDate(span.last) ? monthDay(span.first) : `${monthDay(span.first)}至${monthDay(span.last)}`;
  const parts = [...held]
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
    .map((row) => `${DIGEST_LABELS[row.kind] ?? row.kind} ${row.count} 件`);
  return { title: `每日汇总：${days}新提交 ${total} 件`, body: `${parts.join("、")}。逐条查看请打开“新提交”。` };
}
