// The year-end campaign (评比表彰): units that may nominate and have not, three days before nominations close;
// jurors with nominations left to score, once when scoring begins (the key carries the nomination end, so a
// reopened and moved nomination period reminds again).
import "server-only";
import { db } from "@/lib/db/client";
import { unitRecipientsByUnit } from "@/lib/notifications/service";
import { campaignLink } from "@/lib/awards/campaigns";
import { unitTree } from "@/lib/hearings/service";
import { unitConflict } from "@/lib/hearings/assignment";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, OVERDUE_LOOKBACK_MS, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";

/** Unit types that nominate (lib/awards/phase.ts levelOfUnit). */
const NOMINATING_TYPES = ["TOWNSHIP", "DEPARTMENT", "SECTION"] as const;

export async function sendNominationClosingReminders(now = new Date()) {
  const campaigns = await db.campaign.findMany({
    where: { status: "OPEN", nominationStartsAt: { lte: now }, nominationEndsAt: { gt: now, lte: new Date(now.getTime() + BEFORE_MS) } },
    select: { id: true, title: true, nominationEndsAt: true },
  });
  const pending: { campaign: (typeof campaigns)[number]; unitId: string }[] = [];
  // At most one campaign per year: this loop runs once or twice.
  for (const campaign of campaigns) {
    const units = await db.unit.findMany({
      where: { active: true, type: { in: [...NOMINATING_TYPES] }, nominations: { none: { campaignId: campaign.id, withdrawnAt: null } } },
      select: { id: true },
      take: QUERY_LIMIT,
    });
    pending.push(...units.map((unit) => ({ campaign, unitId: unit.id })));
  }
  const recipients = await unitRecipientsByUnit(
    db,
    pending.map((p) => p.unitId),
  );
  const reminders: Reminder[] = pending.map(({ campaign, unitId }) => ({
    key: `nomination-closing:${campaign.id}:${unitId}:${stamp(campaign.nominationEndsAt)}`,
    userIds: recipients.get(unitId) ?? [],
    notification: {
      kind: "award.deadline",
      title: `${campaign.title}推荐将于 ${formatDateTime(campaign.nominationEndsAt)} 截止`,
      body: "本单位尚未推荐，如有创新性工作或人才请在截止前推荐。",
      link: campaignLink(campaign.id),
    },
  }));
  return { sent: await deliverReminders(reminders) };
}

export async function sendJuryReminders(now = new Date()) {
  const campaigns = await db.campaign.findMany({
    where: { status: "OPEN", nominationEndsAt: { lte: now, gt: new Date(now.getTime() - OVERDUE_LOOKBACK_MS) } },
    select: {
      id: true,
      title: true,
      nominationEndsAt: true,
      jurors: { where: { user: { active: true } }, select: { userId: true, user: { select: { unitId: true } } } },
      nominations: { where: { withdrawnAt: null }, select: { id: true, unitId: true }, take: QUERY_LIMIT },
    },
  });
  if (campaigns.length === 0) return { sent: 0 };
  const done = await db.juryScore.findMany({
    where: { nomination: { campaignId: { in: campaigns.map((c) => c.id) } }, OR: [{ submittedAt: { not: null } }, { conflictReason: { not: null } }] },
    select: { nominationId: true, jurorId: true },
  });
  const finished = new Set(done.map((score) => `${score.nominationId}:${score.jurorId}`));
  const tree = await unitTree(db);
  const reminders: Reminder[] = campaigns.flatMap((campaign) =>
    campaign.jurors.flatMap((juror) => {
      // Entries of the juror's own or a related unit are not theirs to score.
      const open = campaign.nominations.filter((n) => !finished.has(`${n.id}:${juror.userId}`) && !unitConflict(juror.user.unitId, n.unitId, tree)).length;
      if (open === 0) return [];
      return [
        {
          key: `jury-scores:${campaign.id}:${juror.userId}:${stamp(campaign.nominationEndsAt)}`,
          userIds: [juror.userId],
          notification: { kind: "award.jury" as const, title: `${campaign.title}进入评审，您有 ${open} 项推荐待评分`, link: "/reviews" },
        },
      ];
    }),
  );
  return { sent: await deliverReminders(reminders) };
}
