// Topic claims closing soon: units a published topic names (suggested, invited to bid or assigned) that have
// not answered it, three days before its claim closing date.
import "server-only";
import { db } from "@/lib/db/client";
import { unitRecipientsByUnit } from "@/lib/notifications/service";
import { CLAIM_MODE_LABELS } from "@/lib/topics/rules";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";

const ASK: Record<string, string> = { OPEN: "请确认是否认领", BIDDING: "如有意承担请投标", ASSIGNED: "请答复是否承接" };

export async function sendTopicClaimReminders(now = new Date()) {
  const topics = await db.topic.findMany({
    where: { status: "PUBLISHED", claimClosesAt: { gt: now, lte: new Date(now.getTime() + BEFORE_MS) } },
    select: {
      id: true,
      code: true,
      title: true,
      claimMode: true,
      claimClosesAt: true,
      units: { select: { unitId: true } },
      claims: { select: { unitId: true } },
    },
    orderBy: { claimClosesAt: "asc" },
    take: QUERY_LIMIT,
  });
  const pending = topics.flatMap((topic) => {
    const answered = new Set(topic.claims.map((claim) => claim.unitId));
    return topic.units.filter((unit) => !answered.has(unit.unitId)).map((unit) => ({ topic, unitId: unit.unitId }));
  });
  const recipients = await unitRecipientsByUnit(
    db,
    pending.map((p) => p.unitId),
  );
  const reminders: Reminder[] = pending.map(({ topic, unitId }) => ({
    key: `topic-claim:${topic.id}:${unitId}:${stamp(topic.claimClosesAt)}`,
    userIds: recipients.get(unitId) ?? [],
    notification: {
      kind: "topic.deadline",
      title: `选题 ${topic.code}“${topic.title}”将于 ${formatDateTime(topic.claimClosesAt)} 截止${topic.claimMode === "BIDDING" ? "投标" : "认领"}`,
      body: `${CLAIM_MODE_LABELS[topic.claimMode]}：${ASK[topic.claimMode]}。`,
      link: `/topics/${topic.id}`,
    },
  }));
  return { sent: await deliverReminders(reminders) };
}
