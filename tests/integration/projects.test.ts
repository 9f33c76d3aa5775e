import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { addGuidanceNote, assignLiaison, createProject, saveDraft, transitionProject, uploadAttachment } from "@/lib/projects/actions";
import { attachmentForViewer, getProject, listProjects, similarItems, versionPair } from "@/lib/projects/queries";
import { saveDraftFields, saveDraftRecord, transitionProjectRecord } from "@/lib/projects/service";
import { saveDraftSchema } from "@/lib/projects/schemas";
import { createTopicRecord } from "@/lib/topics/service";
import { takeTopicRecord } from "@/lib/topics/claims";
import { createYearRecord } from "@/lib/years/service";
import { formatDate } from "@/lib/time";
import { fileStore } from "@/lib/storage";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";
import { unitCarrier } from "@/lib/projects/carrier";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
const YEAR = Number(formatDate(new Date()).slice(0, 4));
const DAY = 86_400_000;

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let otherStaff: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  otherStaff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
});

beforeEach(async () => {
  signOutTestUser();
  await setProposalWindow(new Date(Date.now() - DAY), new Date(Date.now() + 10 * DAY));
});
afterEach(() => vi.useRealTimers());

async function setProposalWindow(startsAt: Date, endsAt: Date) {
  await db.yearWindow.update({ where: { yearId_kind: { yearId, kind: "PROPOSAL" } }, data: { startsAt, endsAt } });
}

const complete = {
  title: "无职党员设岗定责试点",
  leaderName: "张书记",
  leaderContact: "13800000000",
  category: "PARTY_BUILDING" as const,
  focus: "KEY" as const,
  tier: "FEATURE" as const,
  problem: "部分无职党员长期游离于组织之外，作用发挥不明显",
  innovationKinds: ["WORK" as const],
  methods: ["ADD" as const, "FIX" as const],
  sectorIds: ["sector_community"],
  goals: "全镇无职党员人人有岗",
  measures: "设岗、定责、评议",
  expectedResults: "党员作用明显",
  inputPeople: "3 人",
  inputMoney: "2 万元",
  inputMaterials: "",
  selfAssessment: { fit: "符合", novelty: "有突破", design: "有创意", impact: "有推动", replicability: "可推广" },
  milestones: [{ title: "制定方案", dueDate: `${YEAR}-12-30` }],
};

/** A township's draft with every field filled, ready to submit; returns its id and version. */
async function completeDraft(clerk = clerkA, fields: Partial<typeof complete> = {}) {
  await actAs(clerk);
  const created = await createProject({ yearId });
  const id = created!.data!.id;
  const saved = await saveDraft({ ...complete, ...fields, id, version: 0 });
  return { id, version: saved!.data!.version };
}

async function submitted(clerk = clerkA, fields: Partial<typeof complete> = {}) {
  const { id, version } = await completeDraft(clerk, fields);
  const result = await transitionProject({ id, version, transition: "submit" });
  expect(result?.data?.state).toBe("SUBMITTED");
  return { id, version: version + 1 };
}

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });

describe("drafts and scoping", () => {
  it("saves as the user goes, refuses a save based on an old version, and keeps drafts to their unit", async () => {
    await actAs(clerkA);
    const { id } = (await createProject({ yearId }))!.data!;
    const first = await saveDraft({ title: "半成品", id, version: 0 });
    expect(first?.data?.version).toBe(1);
    const second = await saveDraft({ title: "半成品（续）", problem: "问题", id, version: 1 });
    expect(second?.data?.version).toBe(2);
    // Another tab (or a colleague) still on version 1:
    const stale = await saveDraft({ title: "另一个窗口", id, version: 1 });
    expect(stale?.serverError).toMatch(/已在别处修改/);
    expect((await db.project.findUniqueOrThrow({ where: { id } })).title).toBe("半成品（续）");

    await actAs(clerkB);
    expect((await saveDraft({ title: "乙乡改甲镇的", id, version: 2 }))?.serverError).toBe("项目不存在");
    expect(await getProject(viewer(clerkB), id)).toBeNull();
    expect((await listProjects(viewer(clerkB), { yearId })).projects.some((p) => p.id === id)).toBe(false);
    // The county does not read a draft that was never submitted either.
    expect(await getProject(viewer(admin), id)).toBeNull();
    expect(await getProject(viewer(clerkA), id)).not.toBeNull();
  });

  it("keeps the milestones and sectors as typed: rewritten when they change, untouched when an autosave repeats them", async () => {
    await actAs(clerkA);
    const { id } = (await createProject({ yearId }))!.data!;
    const two = [
      { title: "制定方案", dueDate: `${YEAR}-06-30` },
      { title: "全面推开", dueDate: "" },
    ];
    let version = (await saveDraft({ title: "节点", id, version: 0, milestones: two, sectorIds: ["sector_rural", "sector_community"] }))!.data!.version;
    const stored = () => db.projectMilestone.findMany({ where: { projectId: id }, orderBy: { sortOrder: "asc" } });
    const sectors = async () => (await db.projectSector.findMany({ where: { projectId: id } })).map((row) => row.sectorId).sort();
    const before = await stored();
    expect(before.map((m) => [m.title, m.dueDate?.toISOString() ?? null])).toEqual([
      ["制定方案", `${YEAR}-06-29T16:00:00.000Z`],
      ["全面推开", null],
    ]);
    // The same milestones again (an autosave of another field): the rows stay as they were.
    version = (await saveDraft({ title: "节点（改）", id, version, milestones: two, sectorIds: ["sector_rural", "sector_community"] }))!.data!.version;
    expect((await stored()).map((m) => m.id)).toEqual(before.map((m) => m.id));
    // A changed date, a removed milestone and a removed sector are saved.
    await saveDraft({ title: "节点（改）", id, version, milestones: [{ title: "制定方案", dueDate: `${YEAR}-07-31` }], sectorIds: ["sector_rural"] });
    expect((await stored()).map((m) => [m.title, m.dueDate?.toISOString()])).toEqual([["制定方案", `${YEAR}-07-30T16:00:00.000Z`]]);
    expect(await sectors()).toEqual(["sector_rural"]);
  });

  it("stores a proposal the same by either way of saving: the texts alone in one statement, or the whole in the transaction", async () => {
    await actAs(clerkA);
    const [a, b] = [(await createProject({ yearId }))!.data!.id, (await createProject({ yearId }))!.data!.id];
    for (const id of [a, b]) expect((await saveDraft({ ...complete, id, version: 0 }))?.data?.version).toBe(1);
    // Every column of the form changed (cleared, other values, other lists); sectors, milestones, programme as stored.
    const changed = {
      ...complete,
      title: "无职党员设岗定责（修改）",
      leaderName: "",
      category: "TALENT" as const,
      focus: null,
      tier: "INNOVATION" as const,
      problem: "改过的问题",
      innovationKinds: ["IDEA" as const, "MECHANISM" as const],
      methods: [],
      goals: "",
      inputMaterials: "会场",
      selfAssessment: { fit: "改" },
    };
    const carrier = unitCarrier(clerkA.unitId);
    expect(await saveDraftFields(saveDraftSchema.parse({ ...changed, id: a, version: 1 }), carrier)).toEqual({ version: 2 });
    await db.$transaction((tx) =>
      saveDraftRecord(tx, saveDraftSchema.parse({ ...changed, id: b, version: 1 }), carrier, {
        actor: { id: clerkA.id, username: clerkA.username, name: clerkA.name },
        ip: null,
      }),
    );
    const row = async (id: string) => {
      const { id: _id, code: _code, createdAt: _c, updatedAt, ...rest } = await db.project.findUniqueOrThrow({ where: { id } });
      expect(Date.now() - updatedAt.getTime()).toBeLessThan(60_000);
      return rest;
    };
    expect(await row(a)).toEqual(await row(b));
    expect(await row(a)).toMatchObject({
      title: "无职党员设岗定责（修改）",
      leaderName: null,
      focus: null,
      methods: [],
      innovationKinds: ["IDEA", "MECHANISM"],
      version: 2,
    });
    // A changed milestone is not the one statement's to save: the action takes the transaction.
    const moved = { ...changed, milestones: [{ title: "制定方案", dueDate: `${YEAR}-11-30` }], id: a, version: 2 };
    expect(await saveDraftFields(saveDraftSchema.parse(moved), carrier)).toBeNull();
    expect((await saveDraft(moved))?.data?.version).toBe(3);
    // Two tabs saving the same version in one statement each: one stored, the other told, never overwritten silently.
    const tabs = await Promise.allSettled(
      ["甲标签页", "乙标签页"].map((title) => saveDraftFields(saveDraftSchema.parse({ ...moved, title, version: 3 }), carrier)),
    );
    expect(tabs.filter((t) => t.status === "fulfilled").map((t) => (t as PromiseFulfilledResult<unknown>).value)).toEqual([{ version: 4 }]);
    expect(tabs.filter((t) => t.status === "rejected").map((t) => String((t as PromiseRejectedResult).reason))).toEqual([
      expect.stringMatching(/已在别处修改/),
    ]);
  });

  it("starts a proposal from a topic only when the unit took it up, with the topic's fields filled in", async () => {
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
    await actAs(clerkA);
    expect((await createProject({ yearId, topicId: topic.id }))?.serverError).toMatch(/只能据本单位已认领/);
    await db.$transaction((tx) =>
      takeTopicRecord(tx, { topicId: topic.id, note: null }, clerkA.unitId, {
        actor: { id: clerkA.id, username: clerkA.username, name: clerkA.name },
        ip: null,
      }),
    );
    const created = await createProject({ yearId, topicId: topic.id });
    const project = await db.project.findUniqueOrThrow({ where: { id: created!.data!.id } });
    expect(project).toMatchObject({
      topicId: topic.id,
      title: "党员积分制管理",
      category: "PARTY_BUILDING",
      focus: "HOT",
      tier: "INNOVATION",
      problem: "积分量化党员表现",
    });
    // A second click leads to the same proposal rather than a duplicate.
    expect((await createProject({ yearId, topicId: topic.id }))?.data).toEqual({ id: project.id, existed: true });
  });
});

describe("submission", () => {
  it("refuses an incomplete proposal and submits a complete one as version 1", async () => {
    await actAs(clerkA);
    const { id } = (await createProject({ yearId }))!.data!;
    await saveDraft({ title: "只有名称", id, version: 0 });
    expect((await transitionProject({ id, version: 1, transition: "submit" }))?.serverError).toMatch(/^申报书尚不完整：请填写责任领导/);
    const { id: full, version } = await completeDraft();
    expect((await transitionProject({ id: full, version, transition: "submit" }))?.data).toEqual({ state: "SUBMITTED", versionNumber: 1 });
    expect((await saveDraft({ ...complete, id: full, version: version + 1 }))?.serverError).toBe("“已申报”的申报书不能修改");
    expect(await db.projectVersion.count({ where: { projectId: full } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "project.transition", entityId: full } })).toBe(1);
    expect(await db.notification.count({ where: { userId: admin.id, kind: "project.submitted", link: `/projects/${full}` } })).toBe(1);
  });

  it("takes a submission one second before the proposal deadline and refuses one a second after", async () => {
    const deadline = new Date(Date.now() + 60_000);
    await setProposalWindow(new Date(Date.now() - DAY), deadline);
    const early = await completeDraft();
    const late = await completeDraft();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(deadline.getTime() - 1000);
    expect((await transitionProject({ id: early.id, version: early.version, transition: "submit" }))?.data?.state).toBe("SUBMITTED");
    vi.setSystemTime(deadline.getTime() + 1000);
    expect((await transitionProject({ id: late.id, version: late.version, transition: "submit" }))?.serverError).toMatch(/^申报已于 .+ 截止$/);
  });

  it("makes one submission of a double click", async () => {
    const { id, version } = await completeDraft();
    const results = await Promise.all([transitionProject({ id, version, transition: "submit" }), transitionProject({ id, version, transition: "submit" })]);
    expect(results.filter((r) => r?.data).length).toBe(1);
    expect(results.find((r) => !r?.data)?.serverError).toBe("已经提交申报，无需重复操作");
    expect(await db.projectVersion.count({ where: { projectId: id } })).toBe(1);
  });

  it("returns a proposal for completion with reasons; the unit fixes it and resubmits, even after the deadline", async () => {
    const { id, version } = await submitted();
    await actAs(clerkA);
    expect((await transitionProject({ id, version, transition: "return", reason: "不行" }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    const noReason = await transitionProject({ id, version, transition: "return" });
    expect(noReason?.validationErrors?.fieldErrors.reason).toEqual(["请填写退回理由"]);
    expect((await transitionProject({ id, version, transition: "return", reason: "请补充经费测算" }))?.data?.state).toBe("RETURNED");
    expect(await db.notification.count({ where: { userId: clerkA.id, link: `/projects/${id}`, body: "请补充经费测算" } })).toBe(1);

    await setProposalWindow(new Date(Date.now() - 2 * DAY), new Date(Date.now() - DAY));
    await actAs(clerkA);
    const saved = await saveDraft({ ...complete, inputMoney: "2 万元（宣传 1 万，培训 1 万）", id, version: version + 1 });
    expect((await transitionProject({ id, version: saved!.data!.version, transition: "resubmit" }))?.data).toEqual({ state: "SUBMITTED", versionNumber: 2 });
    const { current, previous } = await versionPair(id, 2);
    expect((previous!.snapshot as { inputMoney: string }).inputMoney).toBe("2 万元");
    expect((current!.snapshot as { inputMoney: string }).inputMoney).toBe("2 万元（宣传 1 万，培训 1 万）");
    const events = await db.projectEvent.findMany({ where: { projectId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["create", "submit", "return", "resubmit"]);
  });

  it("lets the unit withdraw before the hearing, and nobody else", async () => {
    const { id, version } = await submitted();
    await actAs(admin);
    expect((await transitionProject({ id, version, transition: "withdraw" }))?.serverError).toBe("无权执行此操作");
    await actAs(clerkB);
    expect((await transitionProject({ id, version, transition: "withdraw" }))?.serverError).toBe("项目不存在");
    await actAs(clerkA);
    expect((await transitionProject({ id, version, transition: "withdraw" }))?.data?.state).toBe("DRAFT");
    await db.$transaction((tx) =>
      transitionProjectRecord(
        tx,
        { id, version: version + 1, transition: "submit" },
        { kind: "unit", carrier: unitCarrier(clerkA.unitId) },
        { actor: { id: clerkA.id, username: clerkA.username, name: clerkA.name }, ip: null },
      ),
    );
    await db.$transaction((tx) =>
      transitionProjectRecord(
        tx,
        { id, version: version + 2, transition: "schedule" },
        { kind: "hearing" },
        { actor: { id: admin.id, username: admin.username, name: admin.name }, ip: null },
      ),
    );
    expect((await transitionProject({ id, version: version + 3, transition: "withdraw" }))?.serverError).toBe("当前状态不能“撤回”");
  });

  it("starts, completes with a summary, and lets only the admin terminate", async () => {
    const { id, version } = await submitted();
    const hearing = { actor: { id: admin.id, username: admin.username, name: admin.name }, ip: null };
    await db.$transaction((tx) => transitionProjectRecord(tx, { id, version, transition: "approve" }, { kind: "hearing" }, hearing));
    await actAs(clerkA);
    expect((await transitionProject({ id, version: version + 1, transition: "terminate", reason: "不想做了" }))?.serverError).toBe("无权执行此操作");
    expect((await transitionProject({ id, version: version + 1, transition: "start" }))?.data?.state).toBe("IN_PROGRESS");
    expect((await transitionProject({ id, version: version + 2, transition: "complete" }))?.validationErrors?.fieldErrors.summary).toEqual(["请填写结项总结"]);
    expect((await transitionProject({ id, version: version + 2, transition: "complete", summary: "全镇 126 名无职党员全部设岗" }))?.data?.state).toBe(
      "COMPLETED",
    );
    expect((await db.project.findUniqueOrThrow({ where: { id } })).finalSummary).toBe("全镇 126 名无职党员全部设岗");
  });
});

describe("liaisons and guidance notes", () => {
  it("lets the admin name a staff liaison, who alone of the staff writes guidance notes", async () => {
    const { id, version } = await submitted();
    await actAs(admin);
    expect((await assignLiaison({ id, version, liaisonId: clerkB.id }))?.validationErrors?.fieldErrors.liaisonId).toEqual(["联系人须是在岗的组工干部"]);
    expect((await assignLiaison({ id, version, liaisonId: staff.id }))?.data).toBeTruthy();
    await actAs(otherStaff);
    expect((await addGuidanceNote({ projectId: id, content: "我不是联系人" }))?.serverError).toBe("只有该项目的联系人可以填写指导记录");
    await actAs(staff);
    expect((await addGuidanceNote({ projectId: id, content: "建议先选两个村试点" }))?.data).toBeTruthy();
    expect((await listProjects(viewer(staff), { yearId, liaison: "me" })).projects.map((p) => p.id)).toEqual([id]);
    await actAs(clerkA);
    expect((await addGuidanceNote({ projectId: id, content: "单位不能写" }))?.serverError).toBe("无权执行此操作");
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "project.note" } })).toBe(1);
  });
});

describe("attachments", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  const upload = (projectId: string, name: string, content: Buffer) => {
    const form = new FormData();
    form.set("projectId", projectId);
    form.set("file", new File([new Uint8Array(content)], name));
    return uploadAttachment(form);
  };

  it("checks the type by content, stores under a generated key and serves only those who may see the project", async () => {
    const { id } = await completeDraft();
    expect((await upload(id, "实施方案.pdf", pdf))?.data?.fileName).toBe("实施方案.pdf");
    expect((await upload(id, "伪装.pdf", Buffer.from("这其实是一段文字")))?.serverError).toMatch(/^不支持该文件类型/);
    expect((await upload(id, "程序.pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1")))?.serverError).toMatch(/^不支持该文件类型/);
    expect((await upload(id, "换了名字.docx", pdf))?.serverError).toMatch(/^不支持该文件类型/);
    const [stored] = await db.attachment.findMany({ where: { projectId: id } });
    expect(stored.storageKey).toMatch(new RegExp(`^${id}/[0-9a-f-]{36}$`));
    expect(await fileStore().get(stored.storageKey)).toEqual(pdf);

    await actAs(clerkB);
    expect((await upload(id, "别人的.pdf", pdf))?.serverError).toBe("项目不存在");
    expect(await attachmentForViewer(viewer(clerkB), id, stored.id)).toBeNull();
    expect(await attachmentForViewer(viewer(clerkA), id, stored.id)).not.toBeNull();
    // Guessing another project's attachment id under one's own project finds nothing either.
    const own = await completeDraft(clerkB);
    expect(await attachmentForViewer(viewer(clerkB), own.id, stored.id)).toBeNull();
  });
});

describe("similar projects and topics", () => {
  it("finds submitted projects of any unit by Chinese text similarity, never drafts", async () => {
    await submitted(clerkB, { title: "流动党员离乡不离党管理服务", problem: "外出务工党员多，组织生活难以正常开展" });
    await completeDraft(clerkB, { title: "流动党员离乡不离党草稿" });
    await submitted(clerkB, { title: "乡土人才库建设", problem: "基层人才引不来留不住" });
    const found = await similarItems({ title: "流动党员管理", problem: "" });
    expect(found[0]).toMatchObject({ kind: "project", title: "流动党员离乡不离党管理服务", unitName: "乙乡" });
    expect(found.some((item) => item.title.includes("草稿"))).toBe(false);
    const byProblem = await similarItems({ title: "", problem: "外出务工党员组织生活难以开展" });
    expect(byProblem[0]?.title).toBe("流动党员离乡不离党管理服务");
    expect(await similarItems({ title: "x", problem: "" })).toEqual([]);
  });
});

describe("optimistic locking on transitions", () => {
  it("refuses a transition made from an outdated page", async () => {
    const { id, version } = await submitted();
    await actAs(admin);
    await assignLiaison({ id, version, liaisonId: staff.id });
    expect((await transitionProject({ id, version, transition: "return", reason: "补充" }))?.serverError).toBe(STALE_RECORD);
  });
});
