// A cadre's record of the year, read from the database in a fixed number of queries whatever the number of cadres.
// No scoping here: callers show it only where the record may be read (a nomination the viewer may see, the jury's
// task, the ranking). Other modules add their sections in `cadreYearRecords` (see lib/practice/record-rules.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { practiceDues } from "@/lib/practice/service";
import { cadreRecord, practiceSection, type CadreRecord } from "@/lib/practice/record-rules";

/** The records of many cadres (users) for one year (the year's number, as 四个一 items carry it). */
export async function cadreYearRecords(userIds: string[], year: number, now = new Date()): Promise<Map<string, CadreRecord>> {
  const records = new Map<string, CadreRecord>();
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return records;
  const [items, dues] = await Promise.all([
    db.practiceItem.findMany({
      where: { userId: { in: ids }, year },
      select: { userId: true, kind: true, period: true, status: true, late: true, title: true },
    }),
    practiceDues(db, year),
  ]);
  for (const id of ids) {
    const own = items.filter((i) => i.userId === id);
    records.set(id, cadreRecord(id, year, [practiceSection(own, dues, now)]));
  }
  return records;
}

/** One cadre's record of a year. */
export async function cadreYearRecord(userId: string, year: number, now = new Date()): Promise<CadreRecord> {
  return (await cadreYearRecords([userId], year, now)).get(userId)!;
}
