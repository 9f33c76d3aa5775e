// 部务会: the department affairs meeting and its decision on each proposal, which moves the project's state.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { transitionProjectRecord } from "@/lib/projects/service";
import { VERDICT_LABELS } from "@/lib/hearings/labels";
import type { Verdict } from "@/lib/generated/prisma/enums";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

export async function createMeetingRecord(tx: Tx, input: { yearId: string; number: string; heldAt: Date; attendees: string }, by: By) {
  const meeting = await tx.meeting.create({ data: input }).catch((error) => {
    throw (error as { code?: string }).code === "P2002" ? new FieldError("number", "本年度已有该期次的部务会") : error;
  });
  await writeAudit(
    { actor: by.actor, action: "meeting.create", entityType: "Meeting", entityId: meeting.id, summary: `部务会 ${meeting.number}`, ip: by.ip },
    tx,
  );
  return meeting;
}

const TRANSITION_OF: Record<Verdict, "approve" | "revise" | "reject"> = { APPROVE: "approve", REVISE: "revise", REJECT: "reject" };

/**
 * Records the meeting's decision on one proposal. A proposal is decided after its hearing, or (a revised
 * one, as the admin chooses) straight from 已申报 without another hearing.
 */
export async function recordDecisionRecord(
  tx: Tx,
  input: { meetingId: string; projectId: string; verdict: Verdict; opinion: string; projectVersion: number },
  by: By,
) {
  const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId } });
  if (!meeting) throw new NotFoundError("部务会不存在");
  const project = await tx.project.findUnique({ where: { id: input.projectId } });
  if (!project || project.yearId !== meeting.yearId) throw new FieldError("projectId", "请选择本年度的项目");
  if (project.state !== "IN_HEARING" && project.state !== "SUBMITTED") throw new FieldError("projectId", "只能审定“听证中”或“已申报”的项目");
  if (project.version !== input.projectVersion) throw new ActionError(STALE_RECORD);
  const decision = await tx.decision
    .create({ data: { meetingId: meeting.id, projectId: project.id, verdict: input.verdict, opinion: input.opinion, decidedAt: by.now } })
    .catch((error) => {
      throw (error as { code?: string }).code === "P2002" ? new ActionError("本次部务会已审定该项目") : error;
    });
  await transitionProjectRecord(
    tx,
    { id: project.id, version: project.version, transition: TRANSITION_OF[input.verdict], note: `部务会（${meeting.number}）：${input.opinion}` },
    { kind: "hearing" },
    by,
  );
  await writeAudit(
    {
      actor: by.actor,
      action: "meeting.decide",
      entityType: "Project",
      entityId: project.id,
      summary: `${project.title}：${VERDICT_LABELS[input.verdict]}（部务会 ${meeting.number}）`,
      ip: by.ip,
    },
    tx,
  );
  return decision;
}
