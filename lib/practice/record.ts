// A cadre's record of the year, read from the database in a fixed number of queries whatever the number of cadres.
// No scoping here: callers show it only where the record may be read (a nomination the viewer may see, the jury's
// task, the ranking). Other modules add their sections in `cadreYearRecords` (see lib/practice/record-rules.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { practiceDues } from "@/lib/practice/service";
import {
  bidsSection,
  cadreRecord,
  ledgerSection,
  learningSection,
  practiceSection,
  researchSection,
  type CadreRecord,
  type CadreRecordSection,
} from "@/lib/practice/record-rules";
import { researchRecordFor } from "@/lib/research/queries";
import { learningRecordFor } from "@/lib/learning/queries";
import { ledgerRecordFor } from "@/lib/ledger/queries";

/** The records of many cadres (users) for one year (the year's number, as 四个一 items carry it). */
export async function cadreYearRecords(userIds: string[], year: number, now = new Date()): Promise<Map<string, CadreRecord>> {
  const records = new Map<string, CadreRecord>();
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return records;
  const yearRow = await db.year.findUnique({ where: { year }, select: { id: true } });
  const [items, dues, research, learning, ledger, bids] = await Promise.all([
    db.practiceItem.findMany({
      where: { userId: { in: ids }, year },
      select: { userId: true, kind: true, period: true, status: true, late: true, title: true },
    }),
    practiceDues(db, year),
    yearRow ? researchRecordFor(ids, yearRow.id) : [],
    yearRow ? learningRecordFor(ids, yearRow.id, now) : new Map(),
    yearRow ? ledgerRecordFor(ids, yearRow.id, now) : new Map(),
    db.personBid.findMany({
      where: { userId: { in: ids }, status: { not: "WITHDRAWN" }, topic: { year: { year } } },
      select: { userId: true, status: true, topic: { select: { code: true, title: true } } },
    }),
  ]);
  const researchOf = new Map(research.map((r) => [r.userId, r]));
  for (const id of ids) {
    const own = items.filter((i) => i.userId === id);
    const sections: CadreRecordSection[] = [practiceSection(own, dues, now)];
    const r = researchOf.get(id);
    if (r && r.led + r.member > 0) sections.push(researchSection(r));
    const l = learning.get(id);
    if (l && (l.sessionsHeld > 0 || l.examsTaken > 0 || l.reflections > 0)) sections.push(learningSection(l));
    const g = ledger.get(id);
    if (g && g.owned > 0) sections.push(ledgerSection(g));
    const mine = bids.filter((b) => b.userId === id);
    if (mine.length > 0)
      sections.push(
        bidsSection(
          mine.filter((b) => b.status === "AWARDED").map((b) => b.topic),
          mine.length,
        ),
      );
    records.set(id, cadreRecord(id, year, sections));
  }
  return records;
}

/** One cadre's record of a year. */
export async function cadreYearRecord(userId: string, year: number, now = new Date()): Promise<CadreRecord> {
  return (await cadreYearRecords([userId], year, now)).get(userId)!;
}
