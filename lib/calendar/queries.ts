import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { makeCalendar, type WorkdayCalendar } from "@/lib/calendar/workdays";

/** The county's local changes to the national calendar, in date order. */
export async function listLocalDays(client: Tx | typeof db = db) {
  return client.calendarDay.findMany({ orderBy: { date: "asc" }, include: { createdBy: { select: { name: true } } } });
}

/** The working-day calendar: national holidays and 调休 (chinese-days) with the county's local days over them. */
export async function loadCalendar(client: Tx | typeof db = db): Promise<WorkdayCalendar> {
  const days = await client.calendarDay.findMany({ select: { date: true, working: true, note: true } });
  return makeCalendar(days);
}
