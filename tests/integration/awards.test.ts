import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createChallenge, solveQuestion } from "@/lib/security/challenge";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { updateYear } from "@/lib/years/actions";
import {
  adjustAward,
  announceCampaign,
  createCampaign,
  decideCampaign,
  declareJuryConflict,
  handleObjection,
  nominate,
  rankCampaign,
  raiseObjection,
  saveJuryScore,
  withdrawNomination,
} from "@/lib/awards/actions";
import { nominationsOf } from "@/lib/awards/queries";
import { GROUPS } from "@/lib/awards/phase";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEFAULT_WEIGHTS } from "@/lib/awards/ranking";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

process.env.NEXTAUTH_SECRET = "test-secret";

type User = Awaited<ReturnType<typeof makeUser>>;
let admin: User, staff: User, clerkA: User, clerkB: User, clerkSection: User, jurors: User[], conflictedJuror: User;
const projects: Record<string, string> = {};
const YEAR = 2025;

function solved() {
  const { question, token } = createChallenge(process.env.NEXTAUTH_SECRET!);
  return { challengeToken: token, challengeAnswer: String(solveQuestion(question)) };
}

async function project(owner: User, title: string, state: "APPROVED" | "IN_PROGRESS" | "DRAFT", yearId: string) {
  const actor = { id: owner.id, username: owner.username, name: owner.name };
  const created = await db.$transaction((tx) => createProjectRecord(tx, { yearId }, owner.unitId, { actor, ip: null }));
  await db.project.update({
    where: { id: created.id },
    data: { title, state, startedAt: state === "IN_PROGRESS" ? new Date(`${YEAR}-03-01T00:00:00+08:00`) : null },
  });
  projects[title] = created.id;
}

const criteria = [
  { key: "novelty", label: "创新性", weight: 50, max: 10 },
  { key: "effect", label: "实效性", weight: 50, max: 10 },
];

const campaignInput = () => ({
  year: YEAR,
  title: `${YEAR}年度组织工作创新评比表彰`,
  nominationStartsAt: toDateTimeLocal(new Date(Date.now() - 3_600_000)),
  nominationEndsAt: toDateTimeLocal(new Date(Date.now() + 3_600_000)),
  workQuotaPerUnit: 1,
  personQuotaPerUnit: 1,
  criteria,
  weights: DEFAULT_WEIGHTS,
  tiers: [
    { category: "WORK" as const, level: "COUNTY" as const, name: "一等奖", quota: 1 },
    { category: "WORK" as const, level: "COUNTY" as const, name: "二等奖", quota: 1 },
    { category: "WORK" as const, level: "DEPARTMENT" as const, name: "优秀奖", quota: 1 },
    { category: "PERSON" as const, level: "COUNTY" as const, name: "十佳", quota: 10 },
  ],
  jurorIds: [] as string[],
  announcementDays: 5,
});

let campaignId: string;
const version = async () => (await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).version;

beforeAll(async () => {
  const county = await makeCounty();
  const school = await makeUnit("县委党校", "DEPARTMENT", county.county.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  clerkSection = await makeUser(["UNIT_USER"], county.section.id);
  jurors = [await makeUser(["REVIEWER"], school.id), await makeUser(["REVIEWER"], school.id), await makeUser(["REVIEWER"], school.id)];
  conflictedJuror = await makeUser(["REVIEWER"], county.townshipA.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  await project(clerkA, "甲镇一村一名入党积极分子", "IN_PROGRESS", year.id);
  await project(clerkA, "甲镇无职党员设岗定责", "APPROVED", year.id);
  await project(clerkA, "甲镇草稿项目", "DRAFT", year.id);
  await project(clerkB, "乙乡双定双评双述", "IN_PROGRESS", year.id);
  await project(clerkSection, "组织科党员服务承诺制", "APPROVED", year.id);
  // The leading project's year: two milestones, Q1 on time with one milestone done, Q2 late, Q3 and Q4 never sent.
  const leading = projects.甲镇一村一名入党积极分子;
  const [m1, m2] = [
    await db.projectMilestone.create({ data: { projectId: leading, sortOrder: 0, title: "摸底" } }),
    await db.projectMilestone.create({ data: { projectId: leading, sortOrder: 1, title: "推开" } }),
  ];
  await db.progressReport.create({
    data: {
      projectId: leading,
      year: YEAR,
      quarter: 1,
      status: "ACCEPTED",
      submittedAt: new Date(`${YEAR}-04-05T10:00:00+08:00`),
      late: false,
      milestones: [
        { milestoneId: m1.id, done: true },
        { milestoneId: m2.id, done: false },
      ],
    },
  });
  await db.progressReport.create({
    data: {
      projectId: leading,
      year: YEAR,
      quarter: 2,
      status: "ACCEPTED",
      submittedAt: new Date(`${YEAR}-07-20T10:00:00+08:00`),
      late: true,
      milestones: [
        { milestoneId: m1.id, done: true },
        { milestoneId: m2.id, done: false },
      ],
    },
  });
});

beforeEach(() => signOutTestUser());

describe("the year-end campaign", () => {
  it("is opened by the admin only, with checked settings", async () => {
    await actAs(staff);
    expect((await createCampaign({ ...campaignInput(), jurorIds: jurors.map((j) => j.id) }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    const bad = await createCampaign({ ...campaignInput(), jurorIds: [jurors[0].id], weights: { ...DEFAULT_WEIGHTS, jury: 10 } });
    expect(bad?.validationErrors?.fieldErrors).toMatchObject({
      jurorIds: ["评委至少 3 人"],
      weights: ["各项权重合计须为 100%，现为 60%"],
    });
    const notReviewers = await createCampaign({ ...campaignInput(), jurorIds: [jurors[0].id, jurors[1].id, staff.id] });
    expect(notReviewers?.validationErrors?.fieldErrors).toEqual({ jurorIds: ["评委须为在用的评审专家账户"] });
    const created = await createCampaign({ ...campaignInput(), jurorIds: [...jurors, conflictedJuror].map((j) => j.id) });
    campaignId = created!.data!.id;
    // One deadline: the campaign's nomination period is the year's 评比表彰推荐 window, both ways.
    const saved = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { year: { include: { windows: true } } } });
    const window = () => db.yearWindow.findFirstOrThrow({ where: { yearId: saved.yearId, kind: "NOMINATION" } });
    expect((await window()).endsAt).toEqual(saved.nominationEndsAt);
    expect((await window()).startsAt).toEqual(saved.nominationStartsAt);
    const fields = Object.fromEntries(
      saved.year.windows.flatMap((w) => [
        [`${w.kind}_start`, toDateTimeLocal(w.startsAt)],
        [`${w.kind}_end`, toDateTimeLocal(w.endsAt)],
      ]),
    );
    const later = new Date(saved.nominationEndsAt.getTime() + 2 * 86_400_000);
    const moved = await updateYear({
      ...fields,
      id: saved.yearId,
      version: saved.year.version,
      NOMINATION_start: toDateTimeLocal(saved.nominationStartsAt),
      NOMINATION_end: toDateTimeLocal(later),
    } as never);
    expect(moved?.data).toBeTruthy();
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).nominationEndsAt).toEqual(later);
    expect((await window()).endsAt).toEqual(later);
    expect((await createCampaign({ ...campaignInput(), jurorIds: jurors.map((j) => j.id) }))?.validationErrors?.fieldErrors).toEqual({
      year: [`${YEAR}年度的评比表彰已经开启`],
    });
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "award" } })).toBe(1);
  });

  it("takes nominations of the unit's own approved projects of the year, within the unit's quota", async () => {
    await actAs(clerkA);
    const base = { campaignId, category: "WORK" as const, statement: "群众认可度高，已在全镇推开" };
    expect((await nominate({ ...base, projectId: projects.乙乡双定双评双述 }))?.validationErrors?.fieldErrors).toEqual({
      projectId: [`只能推荐本单位${YEAR}年度已立项的项目`],
    });
    expect((await nominate({ ...base, projectId: projects.甲镇草稿项目 }))?.validationErrors?.fieldErrors).toEqual({
      projectId: [`只能推荐本单位${YEAR}年度已立项的项目`],
    });
    const first = await nominate({ ...base, projectId: projects.甲镇无职党员设岗定责 });
    expect(first?.data?.id).toBeTruthy();
    expect((await nominate({ ...base, projectId: projects.甲镇无职党员设岗定责 }))?.validationErrors?.fieldErrors).toEqual({
      category: ["每个单位最多推荐 1 项创新性工作，本单位已推荐 1 项"],
    });
    // Withdrawn, the place is free again; the better project goes instead.
    expect((await withdrawNomination({ id: first!.data!.id, version: 0 }))?.data).toBeTruthy();
    expect((await nominate({ ...base, projectId: projects.甲镇一村一名入党积极分子 }))?.data?.id).toBeTruthy();
    const person = await nominate({
      campaignId,
      category: "PERSON",
      personName: "林晓",
      personTitle: "甲镇党委组织委员",
      deeds: "牵头推行一村一名入党积极分子计划，".repeat(4),
      ledProjectIds: [projects.甲镇一村一名入党积极分子],
      statement: "工作扎实",
    });
    expect(person?.data?.id).toBeTruthy();
    const personOfOther = await nominate({
      campaignId,
      category: "PERSON",
      personName: "王某",
      personTitle: "委员",
      deeds: "事迹".repeat(30),
      ledProjectIds: [projects.乙乡双定双评双述],
      statement: "理由",
    });
    expect(personOfOther?.validationErrors?.fieldErrors).toEqual({ category: ["每个单位最多推荐 1 项创新性人才，本单位已推荐 1 项"] });

    await actAs(clerkB);
    expect((await nominate({ ...base, projectId: projects.乙乡双定双评双述 }))?.data?.id).toBeTruthy();
    // Another unit's nomination cannot be withdrawn by guessing its id.
    const ofA = await db.nomination.findFirstOrThrow({ where: { projectId: projects.甲镇一村一名入党积极分子 } });
    expect((await withdrawNomination({ id: ofA.id, version: ofA.version }))?.serverError).toBe("推荐不存在");

    await actAs(clerkSection);
    const section = await nominate({ ...base, projectId: projects.组织科党员服务承诺制 });
    expect((await db.nomination.findUniqueOrThrow({ where: { id: section!.data!.id } })).level).toBe("DEPARTMENT");

    await actAs(staff);
    expect((await nominate({ ...base, projectId: projects.组织科党员服务承诺制 }))?.serverError).toBe("无权执行此操作");
  });

  it("shows a unit only its own nominations, county readers all of them", async () => {
    const ofGroups = async (viewer: { roles: Role[]; unitId: string }) =>
      (await Promise.all(GROUPS.map((group) => nominationsOf(viewer, campaignId, group)))).flatMap((page) => page.nominations);
    const mine = await ofGroups({ roles: ["UNIT_USER"], unitId: clerkB.unitId });
    expect(mine.map((n) => n.project?.title)).toEqual(["乙乡双定双评双述"]);
    const all = await ofGroups({ roles: ["COUNTY_STAFF"], unitId: staff.unitId });
    expect(all).toHaveLength(4);
    // Each group pages in the database, with its own count.
    const work = await nominationsOf({ roles: ["COUNTY_STAFF"], unitId: staff.unitId }, campaignId, { category: "WORK", level: "COUNTY" });
    expect(work.total).toBe(work.nominations.length);
    expect(work.nominations.every((n) => n.category === "WORK" && n.level === "COUNTY")).toBe(true);
    expect((await nominationsOf({ roles: ["COUNTY_STAFF"], unitId: staff.unitId }, campaignId, { category: "WORK", level: "COUNTY" }, 2)).nominations).toEqual(
      [],
    );
  });

  it("lets jurors score after nominations close, never their own unit's entries", async () => {
    const [work] = await db.nomination.findMany({ where: { projectId: projects.甲镇一村一名入党积极分子 } });
    await actAs(jurors[0]);
    expect((await saveJuryScore({ nominationId: work.id, values: { novelty: 9, effect: 9 }, comment: null, submit: true }))?.serverError).toBe(
      "推荐截止后才能评分",
    );
    await db.campaign.update({ where: { id: campaignId }, data: { nominationEndsAt: new Date(Date.now() - 60_000) } });
    await actAs(clerkA);
    expect((await nominate({ campaignId, category: "WORK", projectId: projects.甲镇无职党员设岗定责, statement: "迟到的推荐" }))?.serverError).toMatch(
      "推荐已于",
    );

    await actAs(conflictedJuror);
    expect((await saveJuryScore({ nominationId: work.id, values: { novelty: 10, effect: 10 }, comment: null, submit: true }))?.serverError).toBe(
      "本单位或上下级单位的推荐须回避，不能评分",
    );

    const works = await db.nomination.findMany({ where: { campaignId, category: "WORK", level: "COUNTY", withdrawnAt: null }, include: { project: true } });
    const byTitle = (title: string) => works.find((n) => n.project?.title === title)!;
    const sheet = { 甲镇一村一名入党积极分子: [9, 8, 9], 乙乡双定双评双述: [7, 7, 6] } as Record<string, number[]>;
    for (const [i, juror] of jurors.entries()) {
      await actAs(juror);
      for (const [title, marks] of Object.entries(sheet)) {
        const result = await saveJuryScore({ nominationId: byTitle(title).id, values: { novelty: marks[i], effect: marks[i] }, comment: null, submit: true });
        expect(result?.data?.submitted).toBe(true);
      }
    }
    await actAs(jurors[0]);
    const incomplete = await saveJuryScore({ nominationId: byTitle("乙乡双定双评双述").id, values: { novelty: 7, effect: null }, comment: null, submit: true });
    expect(incomplete?.validationErrors?.fieldErrors).toEqual({ values: ["请为“实效性”打分"] });
    const person = await db.nomination.findFirstOrThrow({ where: { campaignId, category: "PERSON" } });
    expect((await declareJuryConflict({ nominationId: person.id, reason: "系本人亲属" }))?.data).toBeTruthy();
    expect((await saveJuryScore({ nominationId: person.id, values: { novelty: 9, effect: 9 }, comment: null, submit: true }))?.serverError).toBe(
      "您已声明回避，不能评分",
    );
  });

  it("ranks by the published formula, proposes awards within quotas and records every adjustment", async () => {
    await actAs(admin);
    const ranked = await rankCampaign({ campaignId, version: await version() });
    expect(ranked?.data?.ties).toEqual([]);
    const works = await db.nomination.findMany({
      where: { campaignId, category: "WORK", level: "COUNTY", withdrawnAt: null },
      include: { project: true, tier: true },
      orderBy: { score: "desc" },
    });
    expect(works.map((n) => [n.project?.title, n.tier?.name])).toEqual([
      ["甲镇一村一名入党积极分子", "一等奖"],
      ["乙乡双定双评双述", "二等奖"],
    ]);
    expect(works[0].score).toBeGreaterThan(works[1].score!);
    expect(works[0].breakdown).toMatchObject({
      juryCount: 3,
      reports: 25,
      inspection: 80,
      milestones: 50,
      adoption: 0,
      record: { reportsDue: 4, reportsOnTime: 1, reportsLate: 1, reportsMissing: 2 },
    });

    const second = works[1];
    const full = await adjustAward({ nominationId: second.id, version: second.version, tierId: works[0].tierId!, reason: "拟提为一等奖" });
    expect(full?.validationErrors?.fieldErrors).toEqual({ tierId: ["一等奖名额已满（1 名），请先调整该奖次中的其他推荐"] });
    expect((await adjustAward({ nominationId: second.id, version: second.version, tierId: "", reason: "" }))?.validationErrors?.fieldErrors).toEqual({
      reason: ["请填写调整理由"],
    });
    expect((await adjustAward({ nominationId: second.id, version: second.version, tierId: "", reason: "部务会研究：该项目尚未见成效" }))?.data).toBeTruthy();
    expect((await adjustAward({ nominationId: second.id, version: second.version, tierId: second.tierId!, reason: "再改" }))?.serverError).toBe(STALE_RECORD);
    const changes = await db.awardChange.findMany({ where: { nominationId: second.id } });
    expect(changes.map((c) => [c.fromTierName, c.toTierName, c.reason])).toEqual([["二等奖", null, "部务会研究：该项目尚未见成效"]]);
    const restored = await db.nomination.findUniqueOrThrow({ where: { id: second.id } });
    expect((await adjustAward({ nominationId: second.id, version: restored.version, tierId: second.tierId!, reason: "复议后恢复" }))?.data).toBeTruthy();
  });

  it("announces the list for working days; anyone may object, and an upheld objection changes the list", async () => {
    await actAs(admin);
    // The county's local days off count against the period: the next 10 days all off push the end past them.
    const dayAfter = (n: number) => formatDate(new Date(Date.now() + n * 86_400_000));
    await db.calendarDay.createMany({ data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ date: dayAfter(n), working: false, note: "测试放假" })) });
    const announced = await announceCampaign({ campaignId, version: await version() });
    expect(announced?.data?.endsAt.getTime()).toBeGreaterThan(Date.now() + 15 * 86_400_000);
    await db.calendarDay.deleteMany({});
    expect((await rankCampaign({ campaignId, version: await version() }))?.serverError).toBe("推荐截止后、公示前才能生成拟表彰名单");

    signOutTestUser();
    const second = await db.nomination.findFirstOrThrow({ where: { campaignId, project: { title: "乙乡双定双评双述" } }, include: { tier: true } });
    const noContact = await raiseObjection({
      campaignId,
      nominationId: second.id,
      content: "该项目的季度报告材料与实际不符，请核实。",
      contactName: "",
      contactPhone: "123",
      ...solved(),
    });
    expect(noContact?.validationErrors?.fieldErrors).toMatchObject({ contactName: ["请填写联系人"], contactPhone: [expect.stringContaining("有效的手机号")] });
    const objection = await raiseObjection({
      campaignId,
      nominationId: second.id,
      content: "该项目的季度报告材料与实际不符，请核实。",
      contactName: "赵先生",
      contactPhone: "13800000000",
      ...solved(),
    });
    expect(objection?.data?.id).toBeTruthy();
    const stored = await db.objection.findFirstOrThrow({ where: { campaignId } });
    expect(stored.status).toBe("RECEIVED");

    await actAs(admin);
    expect((await decideCampaign({ campaignId, version: await version(), decisionNumber: "明组发〔2025〕30号" }))?.serverError).toMatch(
      "期满后才能印发表彰决定",
    );
    await db.campaign.update({ where: { id: campaignId }, data: { announcementEndsAt: new Date(Date.now() - 1000) } });
    expect((await decideCampaign({ campaignId, version: await version(), decisionNumber: "明组发〔2025〕30号" }))?.serverError).toBe(
      "还有 1 件异议未办结，办结后才能印发表彰决定",
    );

    await actAs(clerkA);
    expect((await handleObjection({ id: stored.id, version: 0, upheld: true, investigation: "x", answer: "y", effect: "remove" }))?.serverError).toBe(
      "无权执行此操作",
    );
    await actAs(staff);
    const mixed = await handleObjection({ id: stored.id, version: 0, upheld: false, investigation: "经核查属实", answer: "异议成立", effect: "remove" });
    expect(mixed?.validationErrors?.fieldErrors).toEqual({ effect: ["不予支持的异议不改变名单"] });
    const upheld = await handleObjection({
      id: stored.id,
      version: 0,
      upheld: true,
      investigation: "经调阅季度报告和实地核查，第三季度报告所述成效与实际不符",
      answer: "异议成立，撤销该项目拟表彰资格",
      effect: "remove",
    });
    expect(upheld?.data).toBeTruthy();
    const after = await db.nomination.findUniqueOrThrow({ where: { id: second.id }, include: { awardChanges: { orderBy: { at: "desc" }, take: 1 } } });
    expect(after.tierId).toBeNull();
    expect(after.awardChanges[0]).toMatchObject({
      fromTierName: "二等奖",
      toTierName: null,
      objectionId: stored.id,
      reason: "异议成立：异议成立，撤销该项目拟表彰资格",
    });
    expect((await handleObjection({ id: stored.id, version: 0, upheld: false, investigation: "再处理", answer: "再处理", effect: "none" }))?.serverError).toBe(
      STALE_RECORD,
    );

    signOutTestUser();
    const late = await raiseObjection({ campaignId, content: "公示期满后提出的异议内容。", contactName: "钱女士", contactPhone: "0910-1234567", ...solved() });
    expect(late?.serverError).toMatch("公示期已于");
  });

  it("issues the decision once the period is over and every objection is answered", async () => {
    await actAs(admin);
    expect((await decideCampaign({ campaignId, version: await version(), decisionNumber: "明组发〔2025〕30号" }))?.data).toBeTruthy();
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign.status).toBe("DECIDED");
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "award", title: { contains: "表彰决定已印发" } } })).toBe(1);
    expect(await db.notification.count({ where: { userId: clerkB.id, kind: "award", title: { contains: "表彰决定已印发" } } })).toBe(0);
  });
});
