// 会诊 (seed 001 "重点工作会诊制度"): a consultation on a project in trouble, and its follow-up.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyCarriers } from "@/lib/notifications/service";
import { formatDate } from "@/lib/time";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type Fields = {
  projectId: string;
  heldAt: Date;
  participants: string;
  problems: string;
  causes: string;
  countermeasures: string;
  followUpBy: string;
  followUpDue: Date;
};

export async function createConsultationRecord(tx: Tx, input: Fields, by: By) {
  const project = await tx.project.findUnique({ where: { id: input.projectId } });
  if (!project) throw new NotFoundError("项目不存在");
  if (!project.startedAt && project.state !== "APPROVED") throw new ActionError("只能对已立项、实施中的项目会诊");
  const consultation = await tx.consultation.create({ data: { ...input, createdById: by.actor.id } });
  await tx.projectEvent.create({
    data: {
      projectId: project.id,
      kind: "consultation",
      note: `会诊：${input.countermeasures}（${input.followUpBy}于 ${formatDate(input.followUpDue)} 前跟进）`,
      actorId: by.actor.id,
      actorName: by.actor.name,
      at: input.heldAt,
    },
  });
  await writeAudit({ actor: by.actor, action: "consultation.create", entityType: "Project", entityId: project.id, summary: project.title, ip: by.ip }, tx);
  await notifyCarriers(tx, project, {
    kind: "consultation",
    title: `县委组织部对“${project.title}”进行了会诊`,
    body: input.countermeasures,
    link: `/projects/${project.id}`,
  });
  return consultation;
}

export async function recordFollowUpRecord(tx: Tx, input: { id: string; version: number; followUpResult: string }, by: By) {
  const current = await tx.consultation.findUnique({ where: { id: input.id }, include: { project: true } });
  if (!current) throw new NotFoundError("会诊记录不存在");
  const updated = await tx.consultation.updateMany({
    where: { id: input.id, version: input.version },
    data: { followUpResult: input.followUpResult, followUpAt: by.now ?? new Date(), version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await tx.projectEvent.create({
    data: {
      projectId: current.projectId,
      kind: "consultation_follow_up",
      note: `会诊跟进：${input.followUpResult}`,
      actorId: by.actor.id,
      actorName: by.actor.name,
      at: by.now,
    },
  });
  await writeAudit(
    { actor: by.actor, action: "consultation.follow_up", entityType: "Project", entityId: current.projectId, summary: current.project.title, ip: by.ip },
    tx,
  );
}
