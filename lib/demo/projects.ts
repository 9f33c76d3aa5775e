// Demo projects: about a hundred a year, in every state, written and moved through the same services the app uses.
import "server-only";
import type { Faker } from "@faker-js/faker";
import { db } from "@/lib/db/client";
import { parseBusinessDateTime } from "@/lib/time";
import type { ProjectState, Verdict } from "@/lib/generated/prisma/enums";
import { INNOVATION_KINDS, INNOVATION_STANDARDS, TEN_METHOD_KEYS } from "@/lib/projects/catalog";
import type { ProposalFields } from "@/lib/projects/schemas";
import { addGuidanceNoteRecord, assignLiaisonRecord, createProjectRecord, saveDraftRecord, transitionProjectRecord } from "@/lib/projects/service";
import { addAgendaItemsRecord, autoAssignRecord, closeHearingRecord, createHearingRecord, setHearingReviewersRecord } from "@/lib/hearings/service";
import { saveScoreRecord } from "@/lib/hearings/scores";
import { createMeetingRecord, recordDecisionRecord } from "@/lib/hearings/decisions";
import type { Tx } from "@/lib/db/client";
import { SUGGESTION_CATEGORIES } from "@/lib/suggestions/catalog";
import { TOPIC_FOCUSES, TOPIC_TIERS } from "@/lib/topics/rules";
import { demoSectorIds } from "@/lib/demo/sectors";
import { unitCarrier } from "@/lib/projects/carrier";
import { CLAIM_MACHINE } from "@/lib/topics/states";

const PRACTICES = [
  "一村一名入党积极分子培养",
  "无职党员设岗定责",
  "“双定双评双述”村干部考评",
  "“一委两制三服务”工作机制",
  "流动党员“离乡不离党”",
  "党员服务承诺制",
  "“三级四方”社区共建",
  "村级组织“五有两保”",
  "农村党员“一册一线”管理",
  "党员积分制管理",
  "“两新”组织联合党支部",
  "软弱涣散村党组织整顿",
  "“党支部+合作社”集体经济",
  "干部实绩档案",
  "年轻干部一线轮岗",
  "乡土人才库",
  "大学生村干部留任激励",
  "返乡创业“领头雁”",
  "人才服务“一站式”窗口",
  "党员志愿服务队",
  "村务监督委员会规范运行",
  "组工干部“读讲干写考评”",
  "干部下基层“四访”",
  "“银龄人才”参与治理",
  "智慧党建平台",
];
const SUFFIXES = ["试点", "实践", "工作机制", "提质扩面", "规范化建设", "创新探索"];
const PROBLEMS = [
  "农村党员队伍老化，35 岁以下党员不足一成，后继乏人。",
  "部分无职党员长期游离于组织之外，作用发挥不明显，群众评价不高。",
  "村干部考核以材料为主，群众参与少，考核结果与报酬脱节。",
  "外出务工党员多，组织生活难以正常开展，管理服务跟不上。",
  "村级集体经济薄弱，办事缺钱，党组织凝聚力不强。",
  "基层人才引不来、留不住，专业技术力量不足。",
];

const at = (value: string) => parseBusinessDateTime(value)!;
const pad = (n: number) => String(n).padStart(2, "0");

type Actor = { id: string; username: string; name: string };

function proposal(faker: Faker, title: string, year: number): ProposalFields {
  return {
    title,
    leaderName: faker.person.fullName().replace(/\s/g, ""),
    leaderContact: faker.phone.number({ style: "national" }).replace(/\D/g, "").slice(0, 11),
    category: faker.helpers.arrayElement(SUGGESTION_CATEGORIES),
    focus: faker.helpers.arrayElement(TOPIC_FOCUSES),
    tier: faker.helpers.arrayElement(TOPIC_TIERS),
    problem: faker.helpers.arrayElement(PROBLEMS),
    innovationKinds: faker.helpers.arrayElements(INNOVATION_KINDS, { min: 1, max: 2 }),
    methods: faker.helpers.arrayElements(TEN_METHOD_KEYS, { min: 1, max: 3 }),
    sectorIds: demoSectorIds(title),
    goals: `用一年时间，${title}覆盖全部村（社区），形成可复制的制度成果。`,
    measures: "一是摸清底数，建立台账；二是制定办法，明确职责；三是试点先行，逐步推开；四是定期督查，年底评议。",
    expectedResults: "党员作用发挥更加明显，群众满意度明显提升，形成一套制度文件和典型案例。",
    inputPeople: "专班 3 人，各村（社区）联络员各 1 人",
    inputMoney: `${faker.number.int({ min: 2, max: 20 })} 万元，从党建工作经费列支`,
    inputMaterials: "宣传资料、台账册、公示栏",
    selfAssessment: Object.fromEntries(INNOVATION_STANDARDS.map((s) => [s.key, "符合。结合本单位实际，具有较强的可操作性。"])),
    milestones: [
      { title: "制定实施方案", dueDate: `${year}-04-30` },
      { title: "完成试点", dueDate: `${year}-07-31` },
      { title: "全面推开", dueDate: `${year}-10-31` },
      { title: "总结评估", dueDate: `${year}-12-15` },
    ],
  };
}

/** Where each project of a year ends up, drawn by weight. */
const PAST_YEAR: [ProjectState, number][] = [
  ["COMPLETED", 70],
  ["TERMINATED", 8],
  ["REJECTED", 14],
  ["IN_PROGRESS", 8],
];
const THIS_YEAR: [ProjectState, number][] = [
  ["DRAFT", 8],
  ["SUBMITTED", 10],
  ["RETURNED", 6],
  ["IN_HEARING", 6],
  ["REVISE", 4],
  ["REJECTED", 8],
  ["APPROVED", 5],
  ["IN_PROGRESS", 43],
  ["COMPLETED", 6],
  ["TERMINATED", 4],
];

// state group allowed: the demo's own scenario (the states its projects reach through a hearing), not a rule.
const HEARD: ProjectState[] = ["IN_HEARING", "REVISE", "REJECTED", "APPROVED", "IN_PROGRESS", "COMPLETED", "TERMINATED"];
const VERDICT_OF: Partial<Record<ProjectState, Verdict>> = { REVISE: "REVISE", REJECTED: "REJECT" };
const OPINIONS: Record<Verdict, string> = {
  APPROVE: "同意立项。请细化节点安排，按季度报送进展。",
  REVISE: "思路可行，但措施不够具体、投入测算不足，请修改完善后再审。",
  REJECT: "与往年已实施项目重复度较高，创新性不足，不予立项。",
};
const RETURN_REASON = "措施不够具体，请补充分阶段的工作安排和经费测算。";

type Planned = { id: string; unitId: string; actor: Actor; target: ProjectState; quality: number };

const currentVersion = async (tx: Tx, id: string) => (await tx.project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

/**
 * One year: proposals written and submitted in February–March, heard at an April hearing (three reviewers
 * each, scored on the year's rubric), decided by the 部务会, then started, completed or terminated.
 */
async function seedYear(faker: Faker, year: number, weights: [ProjectState, number][], count: number, admin: Actor, liaisons: Actor[]) {
  const yearRow = await db.year.findUniqueOrThrow({ where: { year } });
  const users = await db.user.findMany({
    where: { roles: { has: "UNIT_USER" }, unit: { type: { in: ["TOWNSHIP", "DEPARTMENT"] } } },
    include: { unit: true },
    orderBy: { username: "asc" },
  });
  const claims = await db.topicClaim.findMany({
    where: { topic: { yearId: yearRow.id }, status: { in: CLAIM_MACHINE.group("takenUp") } },
    include: { topic: true },
  });
  const reviewers = await db.user.findMany({
    where: { roles: { has: "REVIEWER" } },
    select: { id: true, username: true, name: true },
    orderBy: { username: "asc" },
  });
  const featured = users.find((user) => user.username === "unit")!;
  const targets = faker.helpers.multiple(() => faker.helpers.weightedArrayElement(weights.map(([value, weight]) => ({ value, weight }))), { count });
  // The featured township has one proposal in each state a township meets first.
  // state group allowed: the demo's own scenario, not a rule.
  const featuredStates: ProjectState[] = year === 2026 ? ["DRAFT", "RETURNED", "SUBMITTED", "IN_PROGRESS"] : ["COMPLETED"];
  const adminAt = (mmdd: string) => ({ actor: admin, ip: null, now: at(`${year}-${mmdd} 10:00`) });

  await db.$transaction(
    async (tx) => {
      const planned: Planned[] = [];
      for (let i = 0; i < count + featuredStates.length; i++) {
        const isFeatured = i >= count;
        const claim = !isFeatured ? claims[i] : undefined;
        if (claim && !users.some((u) => u.unitId === claim.unitId)) continue;
        const user = isFeatured ? featured : claim ? users.find((u) => u.unitId === claim.unitId)! : faker.helpers.arrayElement(users);
        const actor = { id: user.id, username: user.username, name: user.name };
        const by = (mmdd: string) => ({ actor, ip: null, now: at(`${year}-${mmdd} ${pad(9 + faker.number.int(8))}:${pad(faker.number.int(59))}`) });
        const { id } = await createProjectRecord(tx, { yearId: yearRow.id, topicId: claim?.topicId }, user.unitId, by("02-15"));
        const title = claim?.topic.title ?? `${user.unit.name}${faker.helpers.arrayElement(PRACTICES)}${faker.helpers.arrayElement(SUFFIXES)}`;
        const fields = proposal(faker, title, year);
        if (claim) Object.assign(fields, { category: claim.topic.category, focus: claim.topic.focus, tier: claim.topic.tier });
        const target = isFeatured ? featuredStates[i - count] : targets[i];
        const saved = await saveDraftRecord(tx, { ...fields, id, version: 0 }, unitCarrier(user.unitId), by("02-20"));
        if (target !== "DRAFT")
          await transitionProjectRecord(
            tx,
            { id, version: saved.version, transition: "submit" },
            { kind: "unit", carrier: unitCarrier(user.unitId) },
            by("03-10"),
          );
        if (target === "RETURNED")
          await transitionProjectRecord(
            tx,
            { id, version: saved.version + 1, transition: "return", reason: RETURN_REASON },
            { kind: "admin" },
            adminAt("03-20"),
          );
        // How good the proposal is: reviewers score around it, and the meeting follows them.
        const quality = target === "REJECTED" ? 55 : target === "REVISE" ? 66 : 72 + faker.number.int(20);
        planned.push({ id, unitId: user.unitId, actor, target, quality });
      }

      const decided = planned.filter((p) => HEARD.includes(p.target) && p.target !== "IN_HEARING");
      const pending = planned.filter((p) => p.target === "IN_HEARING");
      await hearRound(tx, faker, {
        yearId: yearRow.id,
        year,
        title: `${year}年度创新项目部务听证会`,
        mmdd: "04-08",
        projects: decided,
        reviewers,
        admin,
        close: true,
      });
      if (pending.length > 0)
        await hearRound(tx, faker, {
          yearId: yearRow.id,
          year,
          title: `${year}年度补充申报项目听证会`,
          mmdd: "11-18",
          projects: pending,
          reviewers,
          admin,
          close: false,
        });

      const meeting = await createMeetingRecord(
        tx,
        { yearId: yearRow.id, number: `${year}年第4次`, heldAt: at(`${year}-04-20 15:00`), attendees: "部长、副部长、各科室负责人" },
        adminAt("04-20"),
      );
      for (const project of decided) {
        const verdict = VERDICT_OF[project.target] ?? "APPROVE";
        await recordDecisionRecord(
          tx,
          { meetingId: meeting.id, projectId: project.id, verdict, opinion: OPINIONS[verdict], projectVersion: await currentVersion(tx, project.id) },
          adminAt("04-20"),
        );
      }

      for (const [index, project] of decided.filter((p) => !VERDICT_OF[p.target]).entries()) {
        const unitBy = (mmdd: string) => ({ actor: project.actor, ip: null, now: at(`${year}-${mmdd} 11:00`) });
        if (liaisons.length > 0) {
          const liaison = liaisons[index % liaisons.length];
          await assignLiaisonRecord(tx, { id: project.id, version: await currentVersion(tx, project.id), liaisonId: liaison.id }, adminAt("04-25"));
          if (index % 3 === 0) {
            await addGuidanceNoteRecord(
              tx,
              { projectId: project.id, content: "建议先选 2 个基础较好的村试点，及时总结经验；台账要规范，便于季度督查。" },
              { actor: liaison, ip: null, now: at(`${year}-05-20 15:00`), isAdmin: false },
            );
          }
        }
        if (project.target === "APPROVED") continue;
        await transitionProjectRecord(
          tx,
          { id: project.id, version: await currentVersion(tx, project.id), transition: "start" },
          { kind: "unit", carrier: unitCarrier(project.unitId) },
          unitBy("05-06"),
        );
        if (project.target === "COMPLETED") {
          const summary = "项目按计划完成，形成制度文件 2 份，典型案例 3 个，群众满意度测评 96%。";
          await transitionProjectRecord(
            tx,
            { id: project.id, version: await currentVersion(tx, project.id), transition: "complete", summary },
            { kind: "unit", carrier: unitCarrier(project.unitId) },
            unitBy(year === 2026 ? "11-02" : "11-10"),
          );
        }
        if (project.target === "TERMINATED") {
          const reason = "因机构调整，项目牵头单位职责划转，经研究终止实施。";
          await transitionProjectRecord(
            tx,
            { id: project.id, version: await currentVersion(tx, project.id), transition: "terminate", reason },
            { kind: "admin" },
            adminAt("09-15"),
          );
        }
      }
    },
    { timeout: 600_000 },
  );
}

/** One hearing: the projects on its agenda, every reviewer seated, three each, scored around each project's quality. */
async function hearRound(
  tx: Tx,
  faker: Faker,
  input: { yearId: string; year: number; title: string; mmdd: string; projects: Planned[]; reviewers: Actor[]; admin: Actor; close: boolean },
) {
  const by = { actor: input.admin, ip: null, now: at(`${input.year}-${input.mmdd} 09:00`) };
  const hearing = await createHearingRecord(
    tx,
    {
      yearId: input.yearId,
      kind: "HEARING",
      level: "DEPARTMENT",
      title: input.title,
      heldAt: at(`${input.year}-${input.mmdd} 09:00`),
      place: "县委组织部三楼会议室",
      attendees: "群众代表 2 名、党代表 1 名",
    },
    by,
  );
  await addAgendaItemsRecord(tx, { hearingId: hearing.id, projectIds: input.projects.map((p) => p.id) }, by);
  await setHearingReviewersRecord(tx, { hearingId: hearing.id, version: 0, userIds: input.reviewers.map((r) => r.id) }, by);
  await autoAssignRecord(tx, { hearingId: hearing.id, perProposal: 3 }, by);
  const quality = new Map(input.projects.map((p) => [p.id, p.quality]));
  const assignments = await tx.reviewAssignment.findMany({
    where: { item: { hearingId: hearing.id } },
    include: { item: { select: { projectId: true } } },
    orderBy: { id: "asc" },
  });
  for (const [index, assignment] of assignments.entries()) {
    // The hearing still open has half of its scores in.
    if (!input.close && index % 2 === 1) continue;
    const base = quality.get(assignment.item.projectId)! / 10;
    const values = Object.fromEntries(
      INNOVATION_STANDARDS.map((s) => [s.key, Math.max(0, Math.min(10, Math.round((base + faker.number.float({ min: -1.5, max: 1.5 })) * 2) / 2))]),
    );
    const verdict: Verdict = base >= 7 ? "APPROVE" : base >= 6.2 ? "REVISE" : "REJECT";
    const reviewer = input.reviewers.find((r) => r.id === assignment.reviewerId)!;
    await saveScoreRecord(tx, { assignmentId: assignment.id, values, comment: OPINIONS[verdict], recommendation: verdict, submit: true }, reviewer.id, {
      actor: reviewer,
      ip: null,
      now: at(`${input.year}-${input.mmdd} 11:00`),
    });
  }
  if (input.close) {
    const { version } = await tx.hearing.findUniqueOrThrow({ where: { id: hearing.id } });
    await closeHearingRecord(tx, { id: hearing.id, version }, { ...by, now: at(`${input.year}-${input.mmdd} 17:00`) });
  }
}

/** About a hundred projects in each demo year; the current year's proposal window reopens for a month. */
export async function seedProjects(faker: Faker, years: number[], currentYear: number) {
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true, username: true, name: true } });
  const liaisons = await db.user.findMany({
    where: { roles: { has: "COUNTY_STAFF" } },
    select: { id: true, username: true, name: true },
    orderBy: { username: "asc" },
  });
  for (const year of years) await seedYear(faker, year, year === currentYear ? THIS_YEAR : PAST_YEAR, year === currentYear ? 110 : 90, admin, liaisons);
  // The demo's "today" is late in the year: a supplementary proposal period lets units try the whole flow.
  const yearRow = await db.year.findUniqueOrThrow({ where: { year: currentYear } });
  await db.yearWindow.update({
    where: { yearId_kind: { yearId: yearRow.id, kind: "PROPOSAL" } },
    data: { endsAt: at(`${new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)} 17:30`) },
  });
  await db.year.update({ where: { id: yearRow.id }, data: { note: "演示数据：项目申报截止时间已延至一个月后（补充申报）。" } });
}
