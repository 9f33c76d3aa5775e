// 组工讲坛 sessions (sign-in on the day), 业务闭卷考试 scores and 心得体会 (seed 001).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, NotFoundError, STALE_RECORD } from "@/lib/actions/errors";
import { formatDate, formatDateTime, startOfBusinessDay } from "@/lib/time";
import { cadreWhere, isSectionCadre, type Reader } from "@/lib/learning/reach";
import { canSignInNow } from "@/lib/learning/rules";
import type { ExamInput, ReflectionInput, SessionInput } from "@/lib/learning/schemas";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

/** One session per start time: a double click or two organisers make one record. */
async function checkSessionTime(tx: Tx, heldOn: Date, selfId: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`learning-session:${heldOn.toISOString()}`}))`;
  const same = await tx.learningSession.findFirst({ where: { heldOn, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
  if (same) throw new FieldError("heldOn", `${formatDateTime(heldOn)} 的组工讲坛已有记录`);
}

export async function createSessionRecord(tx: Tx, input: SessionInput, by: By) {
  await checkSessionTime(tx, input.heldOn, null);
  const session = await tx.learningSession.create({ data: { ...input, createdById: by.actor.id } });
  await writeAudit(
    {
      actor: by.actor,
      action: "learning.session",
      entityType: "LearningSession",
      entityId: session.id,
      summary: `${formatDateTime(session.heldOn)} ${session.speaker}：${session.topic}`,
      ip: by.ip,
    },
    tx,
  );
  return { id: session.id };
}

/** Its organiser (who recorded it) or the admin corrects a session. */
export async function updateSessionRecord(tx: Tx, input: SessionInput & { id: string; version: number }, editor: Reader, by: By) {
  await tx.$queryRaw`SELECT 1 FROM "LearningSession" WHERE "id" = ${input.id} FOR UPDATE`;
  const admin = editor.roles.includes("COUNTY_ADMIN");
  const session = await tx.learningSession.findFirst({ where: { id: input.id, ...(admin ? {} : { createdById: editor.id }) } });
  if (!session) throw new NotFoundError("讲坛不存在，或不是您记录的讲坛");
  if (session.version !== input.version) throw new ActionError(STALE_RECORD);
  if (input.heldOn.getTime() !== session.heldOn.getTime()) await checkSessionTime(tx, input.heldOn, session.id);
  const { id, version, ...fields } = input;
  const updated = await tx.learningSession.update({ where: { id }, data: { ...fields, version: { increment: 1 } } });
  await writeAudit(
    {
      actor: by.actor,
      action: "learning.session_update",
      entityType: "LearningSession",
      entityId: id,
      summary: `${formatDateTime(updated.heldOn)} ${updated.topic}`,
      ip: by.ip,
    },
    tx,
  );
  return { id, version: updated.version };
}

/** A cadre taps 签到 on the session's day; a second tap changes nothing. */
export async function signInRecord(tx: Tx, sessionId: string, cadre: Reader, by: By) {
  if (!isSectionCadre(cadre)) throw new ActionError("只有部机关各科室的组工干部需要签到");
  const session = await tx.learningSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new NotFoundError("讲坛不存在");
  const now = by.now ?? new Date();
  if (!canSignInNow(session.heldOn, now)) throw new ActionError(`只能在讲坛当天（${formatDate(session.heldOn)}）签到`);
  const { count } = await tx.sessionAttendance.createMany({ data: [{ sessionId, userId: cadre.id, signedAt: now }], skipDuplicates: true });
  if (count === 1)
    await writeAudit(
      {
        actor: by.actor,
        action: "learning.sign_in",
        entityType: "LearningSession",
        entityId: sessionId,
        summary: `${formatDate(session.heldOn)} ${session.topic}`,
        ip: by.ip,
      },
      tx,
    );
  return { signedIn: true, already: count === 0 };
}

/** The admin records (补签) or removes a cadre's attendance of a session that has begun. */
export async function recordAttendanceRecord(tx: Tx, input: { sessionId: string; userId: string; attended: boolean }, by: By) {
  const session = await tx.learningSession.findUnique({ where: { id: input.sessionId } });
  if (!session) throw new NotFoundError("讲坛不存在");
  if (session.heldOn > (by.now ?? new Date())) throw new ActionError("讲坛尚未开始，不能记录签到");
  const cadre = await tx.user.findFirst({ where: { AND: [{ id: input.userId }, cadreWhere()] }, select: { id: true, name: true } });
  if (!cadre) throw new NotFoundError("组工干部不存在");
  if (input.attended)
    await tx.sessionAttendance.createMany({
      data: [{ sessionId: session.id, userId: cadre.id, signedAt: by.now ?? new Date(), recordedById: by.actor.id }],
      skipDuplicates: true,
    });
  else await tx.sessionAttendance.deleteMany({ where: { sessionId: session.id, userId: cadre.id } });
  await writeAudit(
    {
      actor: by.actor,
      action: "learning.attendance",
      entityType: "LearningSession",
      entityId: session.id,
      summary: `${formatDate(session.heldOn)} ${session.topic}：${cadre.name}${input.attended ? "补记签到" : "取消签到"}`,
      ip: by.ip,
    },
    tx,
  );
  return { attended: input.attended };
}

export async function createExamRecord(tx: Tx, input: ExamInput, by: By) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`exam:${input.title}`}))`;
  const same = await tx.exam.findFirst({ where: { title: input.title, heldOn: input.heldOn }, select: { id: true } });
  if (same) throw new FieldError("title", "同一天已登记同名考试");
  if (input.heldOn > startOfBusinessDay(formatDate(by.now ?? new Date()))!) throw new FieldError("heldOn", "考试日期不能晚于今天");
  const exam = await tx.exam.create({ data: { ...input, createdById: by.actor.id } });
  await writeAudit(
    {
      actor: by.actor,
      action: "learning.exam",
      entityType: "Exam",
      entityId: exam.id,
      summary: `${formatDate(exam.heldOn)} ${exam.title}（满分 ${exam.fullMark}，及格 ${exam.passMark}）`,
      ip: by.ip,
    },
    tx,
  );
  return { id: exam.id };
}

/** The admin's score sheet: each row a cadre's score, an empty one removes it. Saving twice gives the same sheet. */
export async function saveScoresRecord(tx: Tx, input: { examId: string; scores: { userId: string; score: number | null }[] }, by: By) {
  await tx.$queryRaw`SELECT 1 FROM "Exam" WHERE "id" = ${input.examId} FOR UPDATE`;
  const exam = await tx.exam.findUnique({ where: { id: input.examId } });
  if (!exam) throw new NotFoundError("考试不存在");
  const ids = input.scores.map((row) => row.userId);
  const cadres = new Set((await tx.user.findMany({ where: { AND: [{ id: { in: ids } }, cadreWhere()] }, select: { id: true } })).map((u) => u.id));
  input.scores.forEach((row, index) => {
    if (!cadres.has(row.userId)) throw new FieldError(`scores.${index}.score`, "不是在岗的组工干部");
    if (row.score !== null && row.score > exam.fullMark) throw new FieldError(`scores.${index}.score`, `成绩不能超过满分 ${exam.fullMark}`);
  });
  let recorded = 0;
  for (const row of input.scores) {
    if (row.score === null) {
      await tx.examResult.deleteMany({ where: { examId: exam.id, userId: row.userId } });
      continue;
    }
    recorded++;
    await tx.examResult.upsert({
      where: { examId_userId: { examId: exam.id, userId: row.userId } },
      create: { examId: exam.id, userId: row.userId, score: row.score, recordedById: by.actor.id },
      update: { score: row.score, recordedById: by.actor.id },
    });
  }
  await writeAudit(
    { actor: by.actor, action: "learning.scores", entityType: "Exam", entityId: exam.id, summary: `${exam.title}：录入 ${recorded} 人成绩`, ip: by.ip },
    tx,
  );
  return { recorded };
}

/** A cadre's own 心得体会; the same title twice is the same entry submitted twice. */
export async function createReflectionRecord(tx: Tx, input: ReflectionInput, writer: Reader, by: By) {
  if (!isSectionCadre(writer)) throw new ActionError("只有部机关各科室的组工干部可以撰写心得体会");
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${writer.id} FOR UPDATE`;
  if (await tx.reflection.findFirst({ where: { userId: writer.id, title: input.title }, select: { id: true } }))
    throw new FieldError("title", "您已写过同一标题的心得体会");
  if (input.sessionId && !(await tx.learningSession.findUnique({ where: { id: input.sessionId }, select: { id: true } })))
    throw new FieldError("sessionId", "所选讲坛不存在");
  const reflection = await tx.reflection.create({ data: { ...input, userId: writer.id, createdAt: by.now ?? new Date() } });
  await writeAudit(
    { actor: by.actor, action: "learning.reflection", entityType: "Reflection", entityId: reflection.id, summary: reflection.title, ip: by.ip },
    tx,
  );
  return { id: reflection.id };
}
