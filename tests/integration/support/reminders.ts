// Records the reminder tests need, written straight to the database: the reminders only read them.
import { db } from "@/lib/db/client";
import { createProjectRecord } from "@/lib/projects/service";
import type { ProjectState } from "@/lib/generated/prisma/enums";

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

export async function makeProject(yearId: string, user: { id: string; username: string; name: string; unitId: string }, title: string, state: ProjectState) {
  const project = await db.$transaction((tx) =>
    createProjectRecord(tx, { yearId }, user.unitId, { actor: { id: user.id, username: user.username, name: user.name }, ip: null }),
  );
  return db.project.update({ where: { id: project.id }, data: { title, state } });
}

export async function makeTopic(yearId: string, seq: number, unitIds: string[], claimClosesAt: Date) {
  return db.topic.create({
    data: {
      yearId,
      code: `T-${seq}`,
      seq,
      title: `提醒选题${seq}`,
      description: "说明",
      category: "PARTY_BUILDING",
      focus: "KEY",
      tier: "INNOVATION",
      claimMode: "ASSIGNED",
      claimClosesAt,
      status: "PUBLISHED",
      publishedAt: new Date(),
      units: { create: unitIds.map((unitId) => ({ unitId })) },
    },
  });
}

export async function makeCampaign(yearId: string, nominationEndsAt: Date) {
  return db.campaign.create({
    data: {
      yearId,
      title: "年度创新评比",
      nominationStartsAt: inDays(-10),
      nominationEndsAt,
      workQuotaPerUnit: 2,
      personQuotaPerUnit: 1,
      criteria: [{ key: "a", label: "创新性", weight: 100, max: 100 }],
      weights: { jury: 100, hearing: 0, reports: 0, inspection: 0, milestones: 0, adoption: 0 },
      announcementDays: 5,
    },
  });
}
