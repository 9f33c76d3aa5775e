"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ActionError } from "@/lib/actions/errors";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { notifyUsers } from "@/lib/notifications/service";
import {
  addAgendaItemsRecord,
  assignReviewerRecord,
  autoAssignRecord,
  closeHearingRecord,
  createHearingRecord,
  declareConflictRecord,
  removeAgendaItemRecord,
  saveRubricRecord,
  setHearingReviewersRecord,
  unassignRecord,
  updateHearingRecord,
} from "@/lib/hearings/service";
import { storeScore } from "@/lib/hearings/scores";
import { createMeetingRecord, recordDecisionRecord } from "@/lib/hearings/decisions";
import {
  agendaItemSchema,
  agendaSchema,
  assignmentSchema,
  assignSchema,
  autoAssignSchema,
  closeHearingSchema,
  createHearingSchema,
  createMeetingSchema,
  decisionSchema,
  declareConflictSchema,
  remindSchema,
  reviewersSchema,
  rubricSchema,
  scoreSchema,
  updateHearingSchema,
} from "@/lib/hearings/schemas";

const manage = (name: string) => actionClient.metadata({ name, permission: "hearings.manage" });
const inTx = <T>(work: (tx: Tx) => Promise<T>) => withFieldErrors(() => db.$transaction(work, { maxWait: 10_000, timeout: 30_000 }));

function refresh() {
  revalidatePath("/hearings", "layout");
  revalidatePath("/projects", "layout");
  revalidatePath("/reviews", "layout");
}

export const saveRubric = manage("修改评分标准")
  .inputSchema(rubricSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => saveRubricRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const createHearing = manage("新建听证会")
  .inputSchema(createHearingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const hearing = await inTx((tx) => createHearingRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: hearing.id };
  });

export const updateHearing = manage("修改听证会")
  .inputSchema(updateHearingSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => updateHearingRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: parsedInput.id };
  });

export const addAgendaItems = manage("列入听证议程")
  .inputSchema(agendaSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => addAgendaItemsRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return result;
  });

export const removeAgendaItem = manage("移出听证议程")
  .inputSchema(agendaItemSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => removeAgendaItemRecord(tx, parsedInput.itemId, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const setHearingReviewers = manage("设定评审专家")
  .inputSchema(reviewersSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => setHearingReviewersRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const autoAssignReviewers = manage("自动分配评审")
  .inputSchema(autoAssignSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => autoAssignRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return result;
  });

export const assignReviewer = manage("分配评审")
  .inputSchema(assignSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => assignReviewerRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const unassignReviewer = manage("取消评审分配")
  .inputSchema(assignmentSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => unassignRecord(tx, parsedInput.assignmentId, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const closeHearing = manage("结束听证评分")
  .inputSchema(closeHearingSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => closeHearingRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

/** Reminds every reviewer who has an assignment of this hearing not yet submitted. */
export const remindReviewers = manage("提醒评审专家")
  .inputSchema(remindSchema)
  .action(async ({ parsedInput, ctx }) => {
    const late = await db.reviewAssignment.findMany({
      where: { item: { hearingId: parsedInput.hearingId, hearing: { closedAt: null } }, OR: [{ score: null }, { score: { submittedAt: null } }] },
      select: { reviewerId: true, item: { select: { hearing: { select: { title: true } } } } },
    });
    if (late.length === 0) throw new ActionError("所有评审任务都已提交，无需提醒");
    const reviewers = [...new Set(late.map((a) => a.reviewerId))];
    await db.$transaction(async (tx) => {
      await notifyUsers(tx, reviewers, { kind: "hearing.remind", title: `请尽快完成“${late[0].item.hearing.title}”的评分`, link: "/reviews" });
      await writeAudit(
        {
          actor: ctx.actor,
          action: "hearing.remind",
          entityType: "Hearing",
          entityId: parsedInput.hearingId,
          summary: `提醒 ${reviewers.length} 名专家`,
          ip: ctx.ip,
        },
        tx,
      );
    });
    return { reminded: reviewers.length };
  });

export const saveScore = actionClient
  .metadata({ name: "评分", permission: "hearings.score" })
  .inputSchema(scoreSchema)
  .action(async ({ parsedInput, ctx }) => {
    // No revalidatePath/refresh here: in a server action either makes Next re-render the whole page into the
    // action's response, several times the cost of the save (docs/decisions/0021). Every page showing scores is
    // dynamic (nothing is cached on the server), so other users' next request reads the new score; the sheet
    // takes the new version, total and state from the result.
    return await withFieldErrors(() => storeScore(parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip }));
  });

export const declareConflict = actionClient
  .metadata({ name: "声明回避", permission: "hearings.score" })
  .inputSchema(declareConflictSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => declareConflictRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const createMeeting = manage("新建部务会")
  .inputSchema(createMeetingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const meeting = await inTx((tx) => createMeetingRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: meeting.id };
  });

export const recordDecision = manage("部务会审定")
  .inputSchema(decisionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const decision = await inTx((tx) => recordDecisionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: decision.id };
  });
