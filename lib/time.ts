// Business time is Asia/Shanghai (UTC+8, no daylight saving), whatever the server or browser says.
export const BUSINESS_TIME_ZONE = "Asia/Shanghai";
const OFFSET = "+08:00";

const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: BUSINESS_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

function parts(date: Date) {
  const map: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) map[part.type] = part.value;
  return { year: map.year, month: map.month, day: map.day, hour: map.hour === "24" ? "00" : map.hour, minute: map.minute };
}

/** 2026-03-31 17:00 */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return "";
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2026-03-31 */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return "";
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Value for <input type="datetime-local">, in business time. */
export function toDateTimeLocal(date: Date | null | undefined): string {
  if (!date) return "";
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Parses "2026-03-31T17:00" or "2026-03-31 17:00" or "2026-03-31" as business time. */
export function parseBusinessDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d, hh = "00", mm = "00", ss = "00"] = match;
  const date = new Date(`${y}-${m}-${d}T${hh}:${mm}:${ss}${OFFSET}`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject rolled-over dates such as 02-30.
  return formatDate(date) === `${y}-${m}-${d}` ? date : null;
}

/** The instant a business day starts / ends (exclusive end = next day's start). */
export function startOfBusinessDay(isoDate: string): Date | null {
  return parseBusinessDateTime(isoDate);
}
export function endOfBusinessDay(isoDate: string): Date | null {
  const start = parseBusinessDateTime(isoDate);
  return start ? new Date(start.getTime() + 24 * 3600 * 1000) : null;
}

/** "还剩 3 天 4 小时" / "已截止" style countdown between two instants. */
export function describeCountdown(deadline: Date, now: Date): { text: string; overdue: boolean; urgent: boolean } {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return { text: "已截止", overdue: true, urgent: false };
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const text = days > 0 ? `还剩 ${days} 天 ${hours} 小时` : hours > 0 ? `还剩 ${hours} 小时 ${mins} 分` : `还剩 ${mins} 分钟`;
  return { text, overdue: false, urgent: ms < 3 * 24 * 3600 * 1000 };
}

/** 2026-02-01 → 2026年2月1日, as official documents write dates. */
export function officialDate(date: Date): string {
  const [y, m, d] = formatDate(date).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
