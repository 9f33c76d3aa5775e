// Demo: a plausible year of 四个一 for the demo county's sections. Each section gets a head (科室负责人, "head"
// for 组织科) and a second cadre; the cadres' past items are accepted, a few submitted, a few left overdue; one is
// returned by the head with a comment and one accepted after a late submission (both through the services).
// The current quarter's 调研报告 is left for the journeys (tests/e2e/cadre-practice.spec.ts).
// Each past 调研报告 carries its report as a Word file, attached through the service while the item was a draft.
import "server-only";
import { db } from "@/lib/db/client";
import { createUserRecord } from "@/lib/users/service";
import { DEMO_PASSWORD } from "@/lib/demo/data";
import { defaultDue, periodEnd, SLOTS } from "@/lib/practice/periods";
import { addPracticeAttachmentRecord } from "@/lib/practice/service";
import { renderDocx } from "@/lib/documents/docx";
import { nominateRecord } from "@/lib/awards/nominations";
import { campaignPhase } from "@/lib/awards/phase";
import { reviewPracticeRecord, savePracticeRecord, submitPracticeRecord } from "@/lib/practice/service";
import { practiceFields } from "@/lib/practice/schemas";
import type { Slot } from "@/lib/practice/periods";
import type { Role } from "@/lib/generated/prisma/enums";

const TOPICS = ["村级后备力量培养", "年轻干部成长路径", "两新组织党建覆盖", "人才引进留用", "党员教育实效", "基层减负落实", "干部监督提醒", "档案专项审核"];
const PROBLEMS = ["软弱涣散村党组织整顿", "流动党员管理", "专业人才招引难", "干部档案材料缺失"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];

export async function seedCadrePractice(year: number, now = new Date()) {
  const sections = await db.unit.findMany({ where: { type: "SECTION" }, orderBy: { sortOrder: "asc" } });
  for (const [index, section] of sections.entries()) {
    const head = await db.$transaction((tx) =>
      createUserRecord(
        tx,
        { username: index === 1 ? "head" : `head${index + 1}`, name: `${SURNAMES[index % 8]}科长`, phone: null, unitId: section.id, roles: ["COUNTY_STAFF"] },
        { password: DEMO_PASSWORD, mustChangePassword: false, actor: null },
      ),
    );
    await db.unit.update({ where: { id: section.id }, data: { headId: head.id } });
    const cadres = await db.user.findMany({ where: { unitId: section.id, roles: { has: "COUNTY_STAFF" }, id: { not: head.id } } });
    if (cadres.length === 0)
      cadres.push(
        await db.$transaction((tx) =>
          createUserRecord(
            tx,
            { username: `cadre${index + 1}`, name: `${SURNAMES[(index + 3) % 8]}干事`, phone: null, unitId: section.id, roles: ["COUNTY_STAFF"] },
            { password: DEMO_PASSWORD, mustChangePassword: false, actor: null },
          ),
        ),
      );
    for (const [n, cadre] of cadres.entries()) {
      for (const slot of SLOTS) {
        // Only periods that are over; one in four of the late ones is left undone (overdue).
        if (periodEnd(year, slot.kind, slot.period) > now) continue;
        const story = n === 0 && slot.kind === "RESEARCH" ? STORIES[`${index}:${slot.period}`] : undefined;
        if (story) {
          await throughServices(story, { cadre, head, year, slot, topic: `${TOPICS[(index + slot.period) % 8]}调研` });
          continue;
        }
        if ((index + n + slot.period) % 4 === 3) continue;
        const due = defaultDue(year, slot.kind, slot.period);
        const submittedAt = new Date(due.getTime() - 3 * 86_400_000);
        const accepted = (index + slot.period) % 3 !== 0;
        const topic = slot.kind === "PROBLEM" ? PROBLEMS[(index + slot.period) % 4] : `${TOPICS[(index + slot.period) % 8]}调研`;
        const content =
          slot.kind === "RESEARCH"
            ? {
                topic,
                heldOn: `${year}年第${slot.period}季度`,
                place: "青石镇及所辖村（社区）",
                interviewees: "镇党委书记、组织委员、村党组织书记等 15 人",
                findings: "工作推进不平衡，部分村（社区）底数不清。",
                proposals: "建立台账，按季度跟踪，纳入年度考核。",
              }
            : {
                problem: topic,
                measures: "制定工作方案，逐一上门对接，建立销号台账。",
                result: "问题得到有效解决，形成长效机制。",
                confirmedBy: head.name,
              };
        const key = { userId: cadre.id, year, kind: slot.kind, period: slot.period };
        if (slot.kind === "RESEARCH") {
          // The first file makes the draft (as in the app); the item is then written as submitted back then.
          const report = await renderDocx({
            type: "research-report",
            id: `${cadre.id}-${slot.period}`,
            issuer: section.name,
            title: `${topic}报告`,
            label: `${topic}报告`,
            date: submittedAt,
            fileName: `${topic}报告`,
            letterhead: false,
            blocks: [
              {
                kind: "fields",
                label: "调研报告",
                rows: [
                  { label: "调研主题", value: content.topic ?? "" },
                  { label: "调研时间", value: content.heldOn ?? "" },
                  { label: "调研地点", value: content.place ?? "" },
                  { label: "走访对象", value: content.interviewees ?? "" },
                  { label: "发现的问题", value: content.findings ?? "" },
                  { label: "对策建议", value: content.proposals ?? "" },
                ],
              },
            ],
          });
          const by = { actor: { id: cadre.id, username: cadre.username, name: cadre.name }, ip: null, now: submittedAt };
          await db.$transaction((tx) =>
            addPracticeAttachmentRecord(tx, { year, kind: slot.kind, period: slot.period, name: `${topic}报告.docx`, content: report }, cadre.id, by),
          );
        }
        const state = {
          status: accepted ? ("ACCEPTED" as const) : ("SUBMITTED" as const),
          title: topic,
          content,
          submittedAt,
          reviewedAt: accepted ? due : null,
          reviewedById: accepted ? head.id : null,
          reviewComment: accepted ? "材料翔实，予以认可" : null,
        };
        await db.practiceItem.upsert({ where: { userId_year_kind_period: key }, update: state, create: { ...key, ...state } });
      }
    }
  }
}

/**
 * Two items told through the 四个一 services (section index : quarter of the section's first cadre): 人才工作科's
 * third-quarter report returned by the head with a comment (the cadre has to rework it), and 基层党建办公室's
 * second-quarter report sent six days late and then accepted (counted half in the record).
 */
const STORIES: Record<string, "returned" | "lateAccepted"> = { "4:3": "returned", "5:2": "lateAccepted" };

type Person = { id: string; username: string; name: string; roles: Role[] };

async function throughServices(
  story: "returned" | "lateAccepted",
  { cadre, head, year, slot, topic }: { cadre: Person; head: Person; year: number; slot: Slot; topic: string },
) {
  const key = { year, kind: slot.kind, period: slot.period };
  const due = defaultDue(year, slot.kind, slot.period);
  const sentAt = new Date(due.getTime() + (story === "lateAccepted" ? 6 : -4) * 86_400_000);
  const by = (who: Person, now: Date) => ({ actor: { id: who.id, username: who.username, name: who.name }, ip: null, now });
  const fields = practiceFields.parse({
    topic,
    heldOn: `${year}年第${slot.period}季度`,
    place: "城关镇及所辖社区",
    interviewees: "社区党组织书记、网格员、在职党员等 12 人",
    findings: story === "returned" ? "部分社区工作力量不足。" : "人才政策知晓率不高，兑现流程较长。",
    proposals: story === "returned" ? "加强力量配备。" : "编印政策明白卡，推行兑现“一窗受理”。",
  });
  const saved = await db.$transaction((tx) => savePracticeRecord(tx, { ...key, ...fields }, cadre.id, by(cadre, new Date(sentAt.getTime() - 86_400_000))));
  await db.$transaction((tx) => submitPracticeRecord(tx, { ...key, version: saved.version }, cadre.id, by(cadre, sentAt)));
  const item = await db.practiceItem.findUniqueOrThrow({ where: { userId_year_kind_period: { userId: cadre.id, ...key } } });
  const reviewer = { id: head.id, roles: head.roles };
  await db.$transaction((tx) =>
    reviewPracticeRecord(
      tx,
      story === "returned"
        ? { itemId: item.id, version: item.version, accept: false, comment: "发现的问题过于笼统，请补充走访数据和典型案例后重新提交。" }
        : { itemId: item.id, version: item.version, accept: true, comment: "逾期提交，内容翔实，予以认可" },
      reviewer,
      by(head, new Date(sentAt.getTime() + 3 * 86_400_000)),
    ),
  );
}

/**
 * While the year's campaign takes nominations, 干部科 nominates its cadre "staff2" as 创新性人才 (部机关) through the
 * awards service, so the nomination shows the cadre's 四个一 record. 组织科 is left to the journeys.
 */
export async function seedCadreNomination(year: number, now = new Date()) {
  const campaign = await db.campaign.findFirst({ where: { year: { year } } });
  const cadre = await db.user.findUnique({ where: { username: "staff2" }, select: { id: true, name: true, unitId: true } });
  const head =
    cadre && (await db.unit.findUnique({ where: { id: cadre.unitId }, select: { head: { select: { id: true, username: true, name: true } } } }))?.head;
  if (!campaign || !cadre || !head || campaignPhase(campaign, now) !== "NOMINATING") return;
  await db.$transaction((tx) =>
    nominateRecord(
      tx,
      {
        campaignId: campaign.id,
        category: "PERSON",
        personUserId: cadre.id,
        personName: null,
        personTitle: "县委组织部干部科干事",
        deeds:
          "牵头建立年轻干部成长档案，全年走访 12 个乡镇、36 名年轻干部，形成专题调研报告 3 篇，提出的“一人一策”培养建议被部务会采纳，推动 20 名优秀年轻干部到重点岗位历练。",
        ledProjectIds: [],
        statement: "该同志四个一任务完成扎实，调研成果转化好，推荐参评创新性人才。",
      },
      { unitId: cadre.unitId },
      { actor: head, ip: null, now },
    ),
  );
}
