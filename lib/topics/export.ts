import "server-only";
import ExcelJS from "exceljs";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, CLAIM_STATUS_LABELS, FOCUS_LABELS, PHASE_LABELS, TIER_LABELS, topicPhase } from "@/lib/topics/rules";
import { topicWhere } from "@/lib/topics/queries";
import type { TopicFilter } from "@/lib/topics/schemas";
import { writeTitleAndHeaders } from "@/lib/excel";
import { defenceRanking, PERSON_BID_STATUS_LABELS } from "@/lib/topics/person-rules";
import { CLAIM_MACHINE } from "@/lib/topics/states";

/** Excel keeps wall-clock times without a zone: write Beijing time as such. */
const beijing = (date: Date) => new Date(date.getTime() + 8 * 3600 * 1000);

export function catalogueTitle(county: string, year: number) {
  return `${county}${year}年度组织工作改革创新项目参考选题`;
}

/** The topics the viewer sees under these filters, as an .xlsx workbook with a title row. */
export async function topicsWorkbook(
  viewer: Pick<CurrentUser, "roles" | "unitId">,
  filter: TopicFilter & { yearId: string | null },
  title: string,
): Promise<Buffer> {
  const now = new Date();
  const topics = await db.topic.findMany({
    where: topicWhere(viewer, filter, now),
    orderBy: [{ category: "asc" }, { seq: "asc" }],
    take: 5000,
    include: {
      aspect: { select: { name: true } },
      units: { include: { unit: { select: { name: true } } } },
      claims: { where: { status: { in: CLAIM_MACHINE.group("takenUp") } }, include: { unit: { select: { name: true } } } },
    },
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("参考选题");
  const columns = [
    { header: "编号", key: "code", width: 14 },
    { header: "选题名称", key: "title", width: 36 },
    { header: "类别", key: "category", width: 10 },
    { header: "方面", key: "aspect", width: 16 },
    { header: "着眼领域", key: "focus", width: 10 },
    { header: "目标层次", key: "tier", width: 16 },
    { header: "认领方式", key: "mode", width: 10 },
    { header: "建议/发包单位", key: "units", width: 28 },
    { header: "认领截止", key: "closes", width: 18 },
    { header: "状态", key: "phase", width: 8 },
    { header: "已承担单位", key: "takenUp", width: 28 },
    { header: "选题说明", key: "description", width: 60 },
  ];
  writeTitleAndHeaders(sheet, title, columns);
  for (const topic of topics) {
    const row = sheet.addRow({
      code: topic.code,
      title: topic.title,
      category: CATEGORY_LABELS[topic.category],
      aspect: topic.aspect?.name ?? "",
      focus: FOCUS_LABELS[topic.focus],
      tier: TIER_LABELS[topic.tier],
      mode: CLAIM_MODE_LABELS[topic.claimMode],
      units: topic.units.map((unit) => unit.unit.name).join("、"),
      closes: beijing(topic.claimClosesAt),
      phase: PHASE_LABELS[topicPhase(topic, now)],
      takenUp: topic.claims.map((claim) => `${claim.unit.name}（${CLAIM_STATUS_LABELS[claim.status]}）`).join("、"),
      description: topic.description,
    });
    row.getCell("closes").numFmt = "yyyy-mm-dd hh:mm";
    row.alignment = { vertical: "top", wrapText: true };
  }
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The person bids of one topic (withdrawn ones left out), with the defence results, as an .xlsx workbook. */
export async function personBidsWorkbook(topicId: string): Promise<{ title: string; content: Buffer } | null> {
  const topic = await db.topic.findUnique({ where: { id: topicId }, select: { id: true, code: true, title: true, defence: { select: { id: true } } } });
  if (!topic) return null;
  const [bids, scores] = await Promise.all([
    db.personBid.findMany({
      where: { topicId, status: { not: "WITHDRAWN" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 5000,
      include: { user: { select: { name: true } }, unit: { select: { name: true } } },
    }),
    topic.defence ? db.defenceScore.findMany({ where: { defenceId: topic.defence.id }, select: { reviewerId: true, bidId: true, total: true } }) : [],
  ]);
  const ranking = new Map(defenceRanking(scores).map((row) => [row.bidId, row]));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("个人投标");
  const columns = [
    { header: "投标人", key: "person", width: 12 },
    { header: "所在单位", key: "unit", width: 20 },
    { header: "投标时间", key: "at", width: 18 },
    { header: "工作思路", key: "approach", width: 48 },
    { header: "实施步骤", key: "steps", width: 48 },
    { header: "预期成效", key: "expected", width: 36 },
    { header: "答辩评分人数", key: "count", width: 12 },
    { header: "答辩得分", key: "score", width: 10 },
    { header: "答辩排名", key: "rank", width: 10 },
    { header: "结果", key: "status", width: 10 },
    { header: "评定意见", key: "reason", width: 36 },
  ];
  const title = `${topic.code} ${topic.title} 个人投标情况`;
  writeTitleAndHeaders(sheet, title, columns);
  for (const bid of bids) {
    const rank = ranking.get(bid.id);
    const row = sheet.addRow({
      person: bid.user.name,
      unit: bid.unit.name,
      at: beijing(bid.createdAt),
      approach: bid.approach,
      steps: bid.steps,
      expected: bid.expectedResults,
      count: rank?.count ?? 0,
      score: rank?.trimmedMean ?? "",
      rank: rank?.rank ?? "",
      status: PERSON_BID_STATUS_LABELS[bid.status],
      reason: bid.decisionReason ?? "",
    });
    row.getCell("at").numFmt = "yyyy-mm-dd hh:mm";
    row.alignment = { vertical: "top", wrapText: true };
  }
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return { title, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
