import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import {
  addPlanItem,
  copyPlan,
  createPlan,
  createPlanKind,
  movePlanItem,
  placeUnderProgramme,
  removePlanItem,
  transitionPlan,
  updatePlan,
  updatePlanItem,
  updatePlanKind,
} from "@/lib/plan/actions";
import { planForYear, programmeOptions } from "@/lib/plan/queries";
import { createProject, saveDraft, transitionProject } from "@/lib/projects/actions";
import { listProjects } from "@/lib/projects/queries";
import { programmePanel } from "@/lib/dashboard/queries";
import { DOCUMENTS } from "@/lib/documents/registry";
import { documentText, type OfficialDoc } from "@/lib/documents/model";
import { createTopicRecord } from "@/lib/topics/service";
import { takeTopicRecord } from "@/lib/topics/claims";
import { createYearRecord } from "@/lib/years/service";
import { formatDate } from "@/lib/time";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = Number(formatDate(new Date()).slice(0, 4));
const DAY = 86_400_000;
const KIND = { part: "plankind_part", line: "plankind_line", work: "plankind_work", programme: "plankind_programme" };

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;
let nextYearId: string;
let planId: string;
let partId: string;
let programmeId: string;
let otherProgrammeId: string;

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });

const complete = {
  title: "社区网格党建",
  leaderName: "张书记",
  leaderContact: "13800000000",
  category: "PARTY_BUILDING" as const,
  focus: "KEY" as const,
  tier: "FEATURE" as const,
  problem: "社区党员分散，组织生活难开展",
  innovationKinds: ["WORK" as const],
  methods: ["ADD" as const],
  sectorIds: ["sector_community"],
  goals: "网格全覆盖",
  measures: "划网格、设支部",
  expectedResults: "服务更及时",
  inputPeople: "3 人",
  inputMoney: "无",
  inputMaterials: "",
  selfAssessment: { fit: "符合", novelty: "有突破", design: "有创意", impact: "有推动", replicability: "可推广" },
  milestones: [{ title: "制定方案", dueDate: `${YEAR}-12-30` }],
};

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  leader = await makeUser(["LEADER"], county.county.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  nextYearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR + 1, null))).id;
  await db.yearWindow.update({
    where: { yearId_kind: { yearId, kind: "PROPOSAL" } },
    data: { startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 10 * DAY) },
  });
});
beforeEach(() => signOutTestUser());

async function add(parentId: string | null, kindId: string, title: string, extra: { goals?: string; sectionId?: string } = {}) {
  const result = await addPlanItem({ planId, parentId, kindId, title, goals: extra.goals ?? "", sectionId: extra.sectionId ?? "" });
  return result!.data!.id;
}

describe("writing the plan", () => {
  it("has the default item kinds, 工程 the only one projects may be placed under", async () => {
    const kinds = await db.planItemKind.findMany({ orderBy: { sortOrder: "asc" } });
    expect(kinds.map((k) => `${k.name}${k.programme ? "*" : ""}`)).toEqual(["板块", "主线", "突破", "工作", "工程*"]);
  });

  it("is the admin's: others are refused, one plan a year, items checked, edits ordered and locked", async () => {
    for (const user of [staff, leader, clerkA]) {
      await actAs(user);
      expect((await createPlan({ yearId, theme: "创新发展年" }))?.serverError).toBe("无权执行此操作");
    }
    await actAs(admin);
    expect((await createPlan({ yearId, theme: "" }))?.validationErrors?.fieldErrors.theme).toEqual(["请填写年度主题"]);
    planId = (await createPlan({ yearId, theme: "组织工作“创新发展年”" }))!.data!.id;
    expect((await createPlan({ yearId, theme: "另一个" }))?.serverError).toBe(`${YEAR} 年度已有工作要点`);

    partId = await add(null, KIND.part, "实施六项工程");
    programmeId = await add(partId, KIND.programme, "素质提升工程", { goals: "轮训书记", sectionId: county.section.id });
    otherProgrammeId = await add(partId, KIND.programme, "信息畅通工程");
    const line = await add(null, KIND.line, "开展“创新发展年”活动");
    // Same title among siblings (a double click), a township as the responsible section, a missing kind: refused.
    expect((await addPlanItem({ planId, parentId: partId, kindId: KIND.programme, title: "素质提升工程" }))?.validationErrors?.fieldErrors.title).toEqual([
      "同一层级下已有同名条目",
    ]);
    expect(
      (await addPlanItem({ planId, parentId: partId, kindId: KIND.programme, title: "基础强化工程", sectionId: county.townshipA.id }))?.validationErrors
        ?.fieldErrors.sectionId,
    ).toEqual(["责任科室须为部内在用的科室"]);
    expect((await addPlanItem({ planId, parentId: null, kindId: "", title: "无类型" }))?.validationErrors?.fieldErrors.kindId).toEqual(["请选择条目类型"]);
    expect(await db.planItem.count({ where: { planId } })).toBe(4);

    // Reorder: the line moves before the part; it cannot move further up.
    expect((await movePlanItem({ id: line, direction: "up" }))?.data).toEqual({ ok: true });
    expect((await movePlanItem({ id: line, direction: "up" }))?.serverError).toBe("已是同级第一项");
    const top = await db.planItem.findMany({ where: { planId, parentId: null }, orderBy: { sortOrder: "asc" } });
    expect(top.map((i) => i.title)).toEqual(["开展“创新发展年”活动", "实施六项工程"]);

    // Rename with the version read; a stale rename is refused.
    const current = await db.planItem.findUniqueOrThrow({ where: { id: otherProgrammeId } });
    expect((await updatePlanItem({ id: current.id, version: current.version, kindId: KIND.programme, title: "信息畅通工程（网络）" }))?.data).toEqual({
      ok: true,
    });
    expect((await updatePlanItem({ id: current.id, version: current.version, kindId: KIND.programme, title: "又一名" }))?.serverError).toBe(STALE_RECORD);
    expect((await updatePlan({ id: planId, version: 1, theme: "x" }))?.serverError).toBe(STALE_RECORD);
    expect((await updatePlan({ id: planId, version: 0, theme: "组织工作“创新发展年”", preamble: "以思想的大解放开创组织工作新局面" }))?.data).toEqual({
      ok: true,
    });

    const audits = await db.auditLog.findMany({ where: { entityType: { in: ["WorkPlan", "PlanItem"] } }, select: { action: true } });
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(["plan.create", "plan_item.create", "plan_item.move", "plan_item.update", "plan.update"]));
  });

  it("is seen by units only once published, on the page and as the document", async () => {
    const load = (user: typeof admin) => DOCUMENTS["work-plan"].load({ ...viewer(user), unit: { type: "TOWNSHIP" } } as never, String(YEAR));
    expect(await planForYear(viewer(clerkA), yearId)).toBeNull();
    expect(await load(clerkA)).toBeNull();
    expect(await programmeOptions(viewer(clerkA), yearId)).toEqual([]);
    expect((await planForYear(viewer(leader), yearId))?.theme).toBe("组织工作“创新发展年”");
    expect(documentText((await load(staff)) as OfficialDoc)).toContain("（草拟稿，尚未印发）");

    await actAs(clerkA);
    expect((await transitionPlan({ id: planId, version: 1, transition: "publish" }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    expect((await transitionPlan({ id: planId, version: 1, transition: "withdraw" }))?.serverError).toBe("工作要点尚未印发");
    expect((await transitionPlan({ id: planId, version: 1, transition: "publish" }))?.data).toEqual({ ok: true });
    expect((await transitionPlan({ id: planId, version: 2, transition: "publish" }))?.serverError).toBe("工作要点已印发，无需重复操作");

    expect((await planForYear(viewer(clerkA), yearId))?.items).toHaveLength(4);
    expect((await programmeOptions(viewer(clerkA), yearId)).map((p) => p.title)).toEqual(["素质提升工程", "信息畅通工程（网络）"]);
    const text = documentText((await load(clerkA)) as OfficialDoc);
    expect(text).toContain(`测试县${YEAR}年组织工作要点`);
    expect(text).toContain("（一）素质提升工程\n轮训书记\n责任科室：组织科");
    expect(text).not.toContain("草拟稿");
  });
});

describe("projects and topics under programmes", () => {
  let projectId: string;
  let projectVersion: number;

  it("a unit picks a programme of its year's published plan in its proposal, optional at submission", async () => {
    await actAs(clerkA);
    projectId = (await createProject({ yearId }))!.data!.id;
    const wrong = await saveDraft({ ...complete, programmeId: partId, id: projectId, version: 0 });
    expect(wrong?.serverError).toBe("所选工程不属于本年度工作要点");
    const saved = await saveDraft({ ...complete, programmeId, id: projectId, version: 0 });
    expect(saved?.data?.version).toBe(1);
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).programmeId).toBe(programmeId);
    // Cleared again: no programme is "under none", and submission does not require one.
    const cleared = await saveDraft({ ...complete, id: projectId, version: 1 });
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).programmeId).toBeNull();
    const submitted = await transitionProject({ id: projectId, version: cleared!.data!.version, transition: "submit" });
    expect(submitted?.data?.state).toBe("SUBMITTED");
    projectVersion = (await db.project.findUniqueOrThrow({ where: { id: projectId } })).version;
  });

  it("the admin places a submitted project; others may not; a draft never submitted is the unit's own", async () => {
    for (const user of [clerkA, staff, leader]) {
      await actAs(user);
      expect((await placeUnderProgramme({ target: "project", id: projectId, version: projectVersion, programmeId }))?.serverError).toBe("无权执行此操作");
    }
    await actAs(clerkB);
    const draftOfB = (await createProject({ yearId }))!.data!.id;
    await actAs(admin);
    expect((await placeUnderProgramme({ target: "project", id: draftOfB, version: 0, programmeId }))?.serverError).toBe(
      "单位尚未提交的草稿由单位自行选择所属工程",
    );
    expect((await placeUnderProgramme({ target: "project", id: projectId, version: projectVersion + 5, programmeId }))?.serverError).toBe(STALE_RECORD);
    expect((await placeUnderProgramme({ target: "project", id: projectId, version: projectVersion, programmeId }))?.data).toEqual({ ok: true });
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).programmeId).toBe(programmeId);
    // A programme of another year's plan is refused.
    await actAs(admin);
    const other = (await createPlan({ yearId: nextYearId, theme: "明年" }))!.data!.id;
    const nextProgramme = (await addPlanItem({ planId: other, parentId: null, kindId: KIND.programme, title: "明年的工程" }))!.data!.id;
    expect(
      (await placeUnderProgramme({ target: "project", id: projectId, version: projectVersion + 1, programmeId: nextProgramme }))?.validationErrors?.fieldErrors
        .programmeId,
    ).toEqual(["所选工程不属于本年度工作要点"]);
    await db.workPlan.delete({ where: { id: other } });
  });

  it("a project taking up a topic sits under the topic's programme", async () => {
    const topic = await db.$transaction((tx) =>
      createTopicRecord(
        tx,
        {
          yearId,
          sourceIds: [],
          title: "党员积分制管理",
          description: "积分量化党员表现",
          category: "PARTY_BUILDING",
          aspectId: null,
          focus: "HOT",
          tier: "INNOVATION",
          claimMode: "OPEN",
          claimClosesAt: new Date(Date.now() + DAY),
          unitIds: [],
        },
        { actor: { id: staff.id, username: staff.username, name: staff.name }, ip: null },
      ),
    );
    await db.topic.update({ where: { id: topic.id }, data: { status: "PUBLISHED" } });
    await actAs(admin);
    const version = (await db.topic.findUniqueOrThrow({ where: { id: topic.id } })).version;
    expect((await placeUnderProgramme({ target: "topic", id: topic.id, version, programmeId: otherProgrammeId }))?.data).toEqual({ ok: true });
    await db.$transaction((tx) =>
      takeTopicRecord(tx, { topicId: topic.id, note: null }, clerkB.unitId, {
        actor: { id: clerkB.id, username: clerkB.username, name: clerkB.name },
        ip: null,
      }),
    );
    await actAs(clerkB);
    const created = await createProject({ yearId, topicId: topic.id });
    expect((await db.project.findUniqueOrThrow({ where: { id: created!.data!.id } })).programmeId).toBe(otherProgrammeId);
  });

  it("the project list filters by programme in the database within the viewer's scope; the dashboard groups by it", async () => {
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const county = await listProjects(viewer(staff), { yearId, programme: programmeId });
    expect(ids(county.projects)).toEqual([projectId]);
    expect(county.projects[0].programme?.title).toBe("素质提升工程");
    expect((await listProjects(viewer(clerkB), { yearId, programme: programmeId })).total).toBe(0);
    expect(ids((await listProjects(viewer(clerkA), { yearId, programme: "none" })).projects)).not.toContain(projectId);
    const panel = await programmePanel(yearId, YEAR, new Date(), Promise.resolve([]));
    expect(panel.map((row) => [row.title, row.total, row.byState.SUBMITTED ?? 0])).toEqual([
      ["素质提升工程", 1, 1],
      ["信息畅通工程（网络）", 0, 0],
    ]);
  });

  it("a programme with projects can be neither removed nor turned into another kind; an item with items under it cannot be removed", async () => {
    await actAs(admin);
    expect((await removePlanItem({ id: programmeId }))?.serverError).toBe("该工程下已归入 1 个项目，请先将其改归其他工程后再删除");
    expect((await removePlanItem({ id: partId }))?.serverError).toBe("该条目下还有 2 个子条目，请先删除或调整子条目");
    const current = await db.planItem.findUniqueOrThrow({ where: { id: programmeId } });
    expect(
      (await updatePlanItem({ id: programmeId, version: current.version, kindId: KIND.work, title: current.title }))?.validationErrors?.fieldErrors.kindId,
    ).toEqual(["该工程下已归入 1 个项目或选题，不能改为不可归入项目的类型"]);
    const kind = await db.planItemKind.findUniqueOrThrow({ where: { id: KIND.programme } });
    expect(
      (await updatePlanKind({ id: kind.id, version: kind.version, name: "工程", programme: false, sortOrder: 40 }))?.validationErrors?.fieldErrors.programme,
    ).toEqual(["该类型的条目下已归入 3 个项目或选题，不能取消“可归入项目”"]);
    expect((await createPlanKind({ name: "工程", programme: true, sortOrder: 50 }))?.validationErrors?.fieldErrors.name).toEqual(["已有同名类型"]);
    expect((await createPlanKind({ name: "专项", programme: true, sortOrder: 50 }))?.data?.id).toBeDefined();
    await actAs(clerkA);
    expect((await createPlanKind({ name: "单位的", programme: true, sortOrder: 50 }))?.serverError).toBe("无权执行此操作");
  });
});

describe("next year's plan", () => {
  it("starts as a draft copy of this year's: theme and tree, no placements", async () => {
    await actAs(admin);
    const copied = (await copyPlan({ yearId: nextYearId }))!.data!.id;
    const plan = await db.workPlan.findUniqueOrThrow({
      where: { id: copied },
      include: { items: { include: { _count: { select: { projects: true, topics: true } } } } },
    });
    expect(plan).toMatchObject({ status: "DRAFT", theme: "组织工作“创新发展年”", preamble: "以思想的大解放开创组织工作新局面" });
    expect(plan.items.map((i) => i.title).sort()).toEqual(["信息畅通工程（网络）", "实施六项工程", "开展“创新发展年”活动", "素质提升工程"].sort());
    const part = plan.items.find((i) => i.title === "实施六项工程")!;
    expect(
      plan.items
        .filter((i) => i.parentId === part.id)
        .map((i) => i.title)
        .sort(),
    ).toEqual(["信息畅通工程（网络）", "素质提升工程"].sort());
    expect(plan.items.find((i) => i.title === "素质提升工程")?.sectionId).toBe(county.section.id);
    expect(plan.items.every((i) => i._count.projects === 0 && i._count.topics === 0)).toBe(true);
    expect(plan.items.some((i) => i.id === programmeId)).toBe(false);
    expect((await copyPlan({ yearId: nextYearId }))?.serverError).toBe(`${YEAR + 1} 年度已有工作要点`);
    const earliest = (await db.$transaction((tx) => createYearRecord(tx, YEAR - 5, null))).id;
    expect((await copyPlan({ yearId: earliest }))?.serverError).toBe(`${YEAR - 5} 年度以前没有工作要点可复制，请新建`);
  });
});
