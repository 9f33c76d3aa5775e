import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cadreWhere, visibleCadreWhere, type Reader } from "@/lib/learning/reach";
import { attendanceRate, passed, yearBounds } from "@/lib/learning/rules";
import { endOfBusinessDay, formatDate } from "@/lib/time";

export const LEARNING_PAGE_SIZE = 20;

const inYear = (year: number) => {
  const { start, end } = yearBounds(year);
  return { gte: start, lt: end };
};

/** 组工讲坛 of a year, newest first; every county reader sees the sessions, with the viewer's own sign-in. */
export async function sessionList(viewer: Reader, year: number, page = 1) {
  const where: Prisma.LearningSessionWhereInput = { heldOn: inYear(year) };
  const [total, rows] = await Promise.all([
    db.learningSession.count({ where }),
    db.learningSession.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { id: "asc" }],
      skip: (page - 1) * LEARNING_PAGE_SIZE,
      take: LEARNING_PAGE_SIZE,
      include: { _count: { select: { attendances: true } }, attendances: { where: { userId: viewer.id }, select: { signedAt: true } } },
    }),
  ]);
  return { total, page, pageSize: LEARNING_PAGE_SIZE, rows };
}

/** A session with the attendees the viewer may see; for the admin, every cadre with a tick to record 补签. */
export async function sessionPage(viewer: Reader, id: string, withAllCadres: boolean) {
  const session = await db.learningSession.findUnique({ where: { id }, include: { _count: { select: { attendances: true } } } });
  if (!session) return null;
  const [attendees, mine, cadres] = await Promise.all([
    db.sessionAttendance.findMany({
      where: { sessionId: id, user: visibleCadreWhere(viewer) },
      orderBy: { signedAt: "asc" },
      select: { signedAt: true, recordedById: true, user: { select: { id: true, name: true, unit: { select: { name: true } } } } },
    }),
    db.sessionAttendance.findUnique({ where: { sessionId_userId: { sessionId: id, userId: viewer.id } } }),
    withAllCadres
      ? db.user.findMany({
          where: cadreWhere(),
          orderBy: [{ unit: { sortOrder: "asc" } }, { name: "asc" }],
          select: { id: true, name: true, unit: { select: { name: true } }, attendances: { where: { sessionId: id }, select: { userId: true } } },
        })
      : [],
  ]);
  return { session, attendees, mine, cadres };
}

/**
 * Sessions a 心得体会 may refer to: the last year's, newest first. Today's count all day, even
 * one that starts later: a cadre may sign in any time on the day (canSignInNow) and write at once.
 */
export async function recentSessions(now = new Date()) {
  return db.learningSession.findMany({
    where: { heldOn: { gte: new Date(now.getTime() - 366 * 86_400_000), lt: endOfBusinessDay(formatDate(now)) ?? now } },
    orderBy: { heldOn: "desc" },
    take: 120,
    select: { id: true, heldOn: true, topic: true },
  });
}

export async function examList(viewer: Reader, year: number, page = 1) {
  const where: Prisma.ExamWhereInput = { heldOn: inYear(year) };
  const [total, rows] = await Promise.all([
    db.exam.count({ where }),
    db.exam.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { id: "asc" }],
      skip: (page - 1) * LEARNING_PAGE_SIZE,
      take: LEARNING_PAGE_SIZE,
      include: { _count: { select: { results: true } }, results: { where: { userId: viewer.id }, select: { score: true } } },
    }),
  ]);
  return { total, page, pageSize: LEARNING_PAGE_SIZE, rows };
}

/** An exam with the results the viewer may see; for the admin the score sheet of every cadre. */
export async function examPage(viewer: Reader, id: string, withAllCadres: boolean) {
  const exam = await db.exam.findUnique({ where: { id } });
  if (!exam) return null;
  const [results, cadres] = await Promise.all([
    db.examResult.findMany({
      where: { examId: id, user: visibleCadreWhere(viewer) },
      orderBy: [{ score: "desc" }, { userId: "asc" }],
      select: { score: true, user: { select: { id: true, name: true, unit: { select: { name: true } } } } },
    }),
    withAllCadres
      ? db.user.findMany({
          where: cadreWhere(),
          orderBy: [{ unit: { sortOrder: "asc" } }, { name: "asc" }],
          select: { id: true, name: true, unit: { select: { name: true } }, examResults: { where: { examId: id }, select: { score: true } } },
        })
      : [],
  ]);
  return { exam, results, cadres };
}

/** 心得体会 the viewer may read (their own, their section's as head, all as a reader of all), newest first. */
export async function reflectionList(viewer: Reader, filter: { year: number; section?: string; page?: number }) {
  const where: Prisma.ReflectionWhereInput = { createdAt: inYear(filter.year), user: visibleCadreWhere(viewer, filter.section) };
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db.reflection.count({ where }),
    db.reflection.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * LEARNING_PAGE_SIZE,
      take: LEARNING_PAGE_SIZE,
      include: { user: { select: { name: true, unit: { select: { name: true } } } }, session: { select: { id: true, topic: true, heldOn: true } } },
    }),
  ]);
  return { total, page, pageSize: LEARNING_PAGE_SIZE, rows };
}

export type ExamTaken = { examId: string; title: string; heldOn: Date; score: number; fullMark: number; passMark: number; passed: boolean };
export type LearningRecord = {
  userId: string;
  /** Sessions held in the year up to now. */
  sessionsHeld: number;
  attended: number;
  /** attended ÷ held; null when none was held. */
  attendanceRate: number | null;
  examsTaken: number;
  examsPassed: number;
  exams: ExamTaken[];
  reflections: number;
};

/** Each cadre's learning figures of a year (the cadre's year page, the summary, the lead's cadre record). */
export async function learningRecordFor(userIds: string[], yearId: string, now = new Date()): Promise<Map<string, LearningRecord>> {
  const year = await db.year.findUnique({ where: { id: yearId }, select: { year: true } });
  const blank = (userId: string): LearningRecord => ({
    userId,
    sessionsHeld: 0,
    attended: 0,
    attendanceRate: null,
    examsTaken: 0,
    examsPassed: 0,
    exams: [],
    reflections: 0,
  });
  const result = new Map(userIds.map((id) => [id, blank(id)]));
  if (!year || userIds.length === 0) return result;
  const { start, end } = yearBounds(year.year);
  const held = { gte: start, lt: end < now ? end : now };
  const [sessionsHeld, attendance, results, reflections] = await Promise.all([
    db.learningSession.count({ where: { heldOn: held } }),
    db.sessionAttendance.groupBy({ by: ["userId"], where: { userId: { in: userIds }, session: { heldOn: held } }, _count: { _all: true } }),
    db.examResult.findMany({
      where: { userId: { in: userIds }, exam: { heldOn: { gte: start, lt: end } } },
      orderBy: { exam: { heldOn: "asc" } },
      select: { userId: true, score: true, exam: { select: { id: true, title: true, heldOn: true, fullMark: true, passMark: true } } },
    }),
    db.reflection.groupBy({ by: ["userId"], where: { userId: { in: userIds }, createdAt: { gte: start, lt: end } }, _count: { _all: true } }),
  ]);
  for (const record of result.values()) record.sessionsHeld = sessionsHeld;
  for (const row of attendance) {
    const record = result.get(row.userId)!;
    record.attended = row._count._all;
  }
  for (const record of result.values()) record.attendanceRate = attendanceRate(record.attended, sessionsHeld);
  for (const row of results) {
    const record = result.get(row.userId)!;
    const ok = passed(row.score, row.exam.passMark);
    record.exams.push({
      examId: row.exam.id,
      title: row.exam.title,
      heldOn: row.exam.heldOn,
      score: row.score,
      fullMark: row.exam.fullMark,
      passMark: row.exam.passMark,
      passed: ok,
    });
    record.examsTaken++;
    if (ok) record.examsPassed++;
  }
  for (const row of reflections) result.get(row.userId)!.reflections = row._count._all;
  return result;
}

export const SUMMARY_ORDER: Prisma.UserOrderByWithRelationInput[] = [{ unit: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }];

/** The cadres the viewer may see, a page of them, each with their learning record of the year. */
export async function learningSummary(viewer: Reader, filter: { yearId: string; section?: string; page?: number }, now = new Date()) {
  const where = visibleCadreWhere(viewer, filter.section);
  const page = filter.page ?? 1;
  const [total, cadres] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: SUMMARY_ORDER,
      skip: (page - 1) * LEARNING_PAGE_SIZE,
      take: LEARNING_PAGE_SIZE,
      select: { id: true, name: true, unit: { select: { name: true } } },
    }),
  ]);
  const records = await learningRecordFor(
    cadres.map((c) => c.id),
    filter.yearId,
    now,
  );
  return { total, page, pageSize: LEARNING_PAGE_SIZE, rows: cadres.map((cadre) => ({ cadre, record: records.get(cadre.id)! })) };
}

/** Whether the viewer may read this cadre's learning record (the cadre year page). */
export async function mayReadCadre(viewer: Reader, cadreId: string): Promise<boolean> {
  return (await db.user.count({ where: { AND: [{ id: cadreId }, visibleCadreWhere(viewer)] } })) > 0;
}
