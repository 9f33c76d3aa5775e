import "server-only";
import { db } from "@/lib/db/client";
import { visibleCadreWhere, type Reader } from "@/lib/learning/reach";
import { learningRecordFor, SUMMARY_ORDER } from "@/lib/learning/queries";
import { afterCursor, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** Each cadre's 组工讲坛 attendance, exams and 心得体会 of a year, as on the summary page (every page). */
export async function learningExport(viewer: Reader, filter: { year: number; yearId: string; section?: string }, now = new Date()) {
  const where = visibleCadreWhere(viewer, filter.section);
  const total = await db.user.count({ where });
  const batches = inBatches(async (cursor, take) => {
    const cadres = await db.user.findMany({
      where,
      orderBy: SUMMARY_ORDER,
      ...afterCursor(cursor, take),
      select: { id: true, name: true, unit: { select: { name: true } } },
    });
    const records = await learningRecordFor(
      cadres.map((c) => c.id),
      filter.yearId,
      now,
    );
    return cadres.map((cadre) => ({ ...cadre, record: records.get(cadre.id)! }));
  }, 200);
  return listExport({
    title: `${filter.year}年度组工干部学习情况`,
    sheetName: "学习情况",
    total,
    batches,
    columns: [
      { header: "姓名", width: 12, value: (r) => r.name },
      { header: "科室", width: 16, value: (r) => r.unit.name },
      { header: "讲坛场次", width: 10, value: (r) => r.record.sessionsHeld },
      { header: "签到", width: 8, value: (r) => r.record.attended },
      { header: "出勤率", width: 10, value: (r) => r.record.attendanceRate, numFmt: "0.0%" },
      { header: "参加考试", width: 10, value: (r) => r.record.examsTaken },
      { header: "及格", width: 8, value: (r) => r.record.examsPassed },
      { header: "考试成绩", width: 40, value: (r) => r.record.exams.map((e) => `${e.title} ${e.score}${e.passed ? "" : "（不及格）"}`).join("；") },
      { header: "心得体会", width: 10, value: (r) => r.record.reflections },
    ],
  });
}
