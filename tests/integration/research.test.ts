import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db/client";
import { setSectionHead } from "@/lib/practice/actions";
import {
  createResearchArea,
  createResearchTopic,
  markResearchProposal,
  reviewResearchTopic,
  saveResearchReport,
  startResearch,
  submitResearchReport,
  updateResearchArea,
  updateResearchTopic,
} from "@/lib/research/actions";
import { researchAdoptionForYear, researchList, researchRecordFor, researchReportData, researchTopicPage } from "@/lib/research/queries";
import { researchListExport } from "@/lib/research/export";
import { DOCUMENTS } from "@/lib/documents/registry";
import { documentText } from "@/lib/documents/model";
import { createYearRecord } from "@/lib/years/service";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = 2031;
const STALE = "该记录已被他人修改，请刷新页面后再改";

let county: Awaited<ReturnType<typeof makeCounty>>;
let otherSection: Awaited<ReturnType<typeof makeUnit>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let head: Awaited<ReturnType<typeof makeUser>>;
let lead: Awaited<ReturnType<typeof makeUser>>;
let member: Awaited<ReturnType<typeof makeUser>>;
let otherHead: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;
let topicId: string;

const as = (user: { id: string; roles: readonly string[] }) => ({ id: user.id, roles: user.roles as never });
const current = () => db.researchTopic.findUniqueOrThrow({ where: { id: topicId }, select: { id: true, version: true } });

beforeAll(async () => {
  county = await makeCounty();
  otherSection = await makeUnit("干部科", "SECTION", county.department.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  head = await makeUser(["COUNTY_STAFF"], county.section.id);
  lead = await makeUser(["COUNTY_STAFF"], county.section.id);
  member = await makeUser(["COUNTY_STAFF"], otherSection.id);
  otherHead = await makeUser(["COUNTY_STAFF"], otherSection.id);
  leader = await makeUser(["LEADER"], county.county.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  await actAs(admin);
  await setSectionHead({ sectionId: county.section.id, headId: head.id });
  await setSectionHead({ sectionId: otherSection.id, headId: otherHead.id });
});

beforeEach(() => signOutTestUser());

const fields = () => ({
  year: YEAR,
  title: "村级后备力量培养机制研究",
  question: "村级后备干部为何“选不出、留不住”？",
  areaId: "research_area_grassroots",
  leadId: lead.id,
  memberIds: [member.id],
  dueAt: `${YEAR}-10-31T17:30`,
});

describe("调查研究课题", () => {
  it("has the four default areas, and the admin adds, renames and deactivates areas", async () => {
    expect((await db.researchArea.findMany({ orderBy: { sortOrder: "asc" } })).map((a) => a.name)).toEqual([
      "干部选任",
      "基层组织建设",
      "领导班子思想政治建设",
      "人才工作",
    ]);
    await actAs(admin);
    const created = await createResearchArea({ name: "党员教育", sortOrder: 50 });
    expect(created?.data?.id).toBeTruthy();
    expect((await createResearchArea({ name: "党员教育", sortOrder: 60 }))?.validationErrors?.fieldErrors).toMatchObject({ name: ["已有同名领域"] });
    expect((await updateResearchArea({ id: created!.data!.id, version: 0, name: "党员教育管理", sortOrder: 50, active: false }))?.data).toBeTruthy();
    expect((await updateResearchArea({ id: created!.data!.id, version: 0, name: "x", sortOrder: 50, active: true }))?.serverError).toBe(STALE);
    await actAs(lead);
    expect((await createResearchArea({ name: "其他", sortOrder: 1 }))?.serverError).toBe("无权执行此操作");
  });

  it("lets only the admin set topics: lead and members must be cadres, titles unique in a year, a double click makes one", async () => {
    await actAs(lead);
    expect((await createResearchTopic(fields()))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    expect((await createResearchTopic({ ...fields(), leadId: clerk.id }))?.validationErrors?.fieldErrors).toMatchObject({
      leadId: ["牵头人须是部机关科室在岗的组工干部"],
    });
    expect((await createResearchTopic({ ...fields(), memberIds: [leader.id] }))?.validationErrors?.fieldErrors).toMatchObject({
      memberIds: ["课题组成员须是部机关科室在岗的组工干部"],
    });
    expect((await createResearchTopic({ ...fields(), title: "" }))?.validationErrors?.fieldErrors).toMatchObject({ title: ["请填写课题名称"] });
    const inactive = await db.researchArea.findFirstOrThrow({ where: { active: false } });
    expect((await createResearchTopic({ ...fields(), areaId: inactive.id }))?.validationErrors?.fieldErrors).toMatchObject({
      areaId: ["所选调研领域不存在或已停用"],
    });
    const [a, b] = await Promise.all([createResearchTopic(fields()), createResearchTopic(fields())]);
    const made = [a, b].filter((r) => r?.data);
    expect(made).toHaveLength(1);
    expect([a, b].find((r) => !r?.data)?.validationErrors?.fieldErrors).toMatchObject({ title: ["本年度已有同名课题"] });
    topicId = made[0]!.data!.id;
    const row = await db.researchTopic.findUniqueOrThrow({ where: { id: topicId } });
    expect(row.state).toBe("PROPOSED");
    expect(row.sectionId).toBe(county.section.id);
    expect(await db.notification.count({ where: { kind: "research.assigned", userId: { in: [lead.id, member.id] } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "research.create", entityId: topicId } })).toBe(1);
  });

  it("keeps units outside the department out, and scopes the team's actions to the team", async () => {
    await actAs(clerk);
    expect((await startResearch({ id: topicId, version: 0 }))?.serverError).toBe("无权执行此操作");
    expect(await researchTopicPage(as(clerk), topicId)).toBeNull();
    expect((await researchList(as(clerk), yearId, {})).total).toBe(0);
    expect(await researchReportData(as(clerk), topicId)).toBeNull();
    // A cadre outside the team cannot start or write it.
    await actAs(otherHead);
    expect((await startResearch({ id: topicId, version: 0 }))?.serverError).toBe("课题不存在，或您不是该课题组成员");
    await actAs(member);
    expect((await saveResearchReport({ id: topicId, version: 0, problems: "x", analysis: null, proposals: [] }))?.serverError).toBe(
      "只有调研中的课题可以填写报告",
    );
    expect((await startResearch({ id: topicId, version: 5 }))?.serverError).toBe(STALE);
    expect((await startResearch({ id: topicId, version: 0 }))?.data).toEqual({ version: 1 });
    expect((await startResearch({ id: topicId, version: 1 }))?.serverError).toBe("该课题已开始调研");
  });

  it("the admin may still change a topic being researched (with its version), not once the report is in", async () => {
    await actAs(admin);
    const { version } = await current();
    const changed = await updateResearchTopic({ ...fields(), id: topicId, version, dueAt: `${YEAR}-11-15T17:30` });
    expect(changed?.data).toEqual({ version: version + 1 });
    expect((await updateResearchTopic({ ...fields(), id: topicId, version }))?.serverError).toBe(STALE);
  });

  it("members save drafts, only the lead submits a complete report", async () => {
    await actAs(member);
    let { version } = await current();
    const saved = await saveResearchReport({ id: topicId, version, problems: "后备力量年龄偏大", analysis: null, proposals: ["建立村级后备人才库", " "] });
    expect(saved?.data).toEqual({ version: version + 1 });
    expect((await saveResearchReport({ id: topicId, version, problems: "x", analysis: null, proposals: [] }))?.serverError).toBe(STALE);
    version = saved!.data!.version;
    expect(await db.researchProposal.count({ where: { topicId } })).toBe(1);
    expect((await submitResearchReport({ id: topicId, version }))?.serverError).toBe("只有牵头人可以提交报告");
    await actAs(lead);
    expect((await submitResearchReport({ id: topicId, version }))?.validationErrors?.fieldErrors).toMatchObject({ analysis: ["请填写原因分析"] });
    const again = await saveResearchReport({
      id: topicId,
      version,
      problems: "后备力量年龄偏大\n外出青年回流少",
      analysis: "村级岗位待遇低，培养渠道单一。",
      proposals: ["建立村级后备人才库", "实施“回引工程”", "落实村干部报酬正常增长机制"],
    });
    const [a, b] = await Promise.all([
      submitResearchReport({ id: topicId, version: again!.data!.version }),
      submitResearchReport({ id: topicId, version: again!.data!.version }),
    ]);
    expect([a?.data ? "ok" : a?.serverError, b?.data ? "ok" : b?.serverError].sort()).toEqual(["ok", "报告已提交，无需重复操作"]);
    expect((await db.researchTopic.findUniqueOrThrow({ where: { id: topicId } })).state).toBe("REPORTED");
    expect(await db.notification.count({ where: { kind: "research.submitted", userId: head.id } })).toBe(1);
  });

  it("only the head of the lead's section reviews: a return needs a comment, then the topic is closed", async () => {
    await actAs(otherHead);
    let { version } = await current();
    expect((await reviewResearchTopic({ id: topicId, version, accept: true, comment: null }))?.serverError).toBe("课题不存在，或不属于您负责的科室");
    await actAs(lead);
    expect((await reviewResearchTopic({ id: topicId, version, accept: true, comment: null }))?.serverError).toBe("课题不存在，或不属于您负责的科室");
    await actAs(head);
    expect((await reviewResearchTopic({ id: topicId, version, accept: false, comment: null }))?.validationErrors?.fieldErrors).toMatchObject({
      comment: ["请填写退回意见"],
    });
    expect((await reviewResearchTopic({ id: topicId, version, accept: false, comment: "请补充问卷数据" }))?.data).toEqual({ ok: true });
    expect((await db.researchTopic.findUniqueOrThrow({ where: { id: topicId } })).state).toBe("RESEARCHING");
    await actAs(lead);
    ({ version } = await current());
    expect((await submitResearchReport({ id: topicId, version }))?.data).toBeTruthy();
    await actAs(head);
    ({ version } = await current());
    expect((await reviewResearchTopic({ id: topicId, version, accept: true, comment: "报告扎实" }))?.data).toEqual({ ok: true });
    const actions = await db.auditLog.findMany({
      where: { entityId: topicId, action: { not: "access.denied" } },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "research.create",
      "research.start",
      "research.update",
      "research.submit",
      "research.return",
      "research.submit",
      "research.close",
    ]);
  });

  it("leaders mark proposals; the admin records a named leader's marking; 采纳率 per topic, year and person", async () => {
    const proposals = await db.researchProposal.findMany({ where: { topicId }, orderBy: { seq: "asc" } });
    await actAs(admin);
    expect((await updateResearchTopic({ ...fields(), id: topicId, version: (await current()).version }))?.serverError).toBe("报告已交的课题不能再修改");
    await actAs(lead);
    expect((await markResearchProposal({ proposalId: proposals[0].id, version: 0, mark: "ADOPTED", note: null, leaderName: null }))?.serverError).toBe(
      "无权执行此操作",
    );
    await actAs(leader);
    expect((await markResearchProposal({ proposalId: proposals[0].id, version: 0, mark: "ADOPTED", note: "抓紧落实", leaderName: null }))?.data).toEqual({
      version: 1,
    });
    expect((await markResearchProposal({ proposalId: proposals[0].id, version: 0, mark: "PARTLY", note: null, leaderName: null }))?.serverError).toBe(STALE);
    expect((await markResearchProposal({ proposalId: proposals[1].id, version: 0, mark: "NOT_ADOPTED", note: "暂缓", leaderName: null }))?.data).toBeTruthy();
    await actAs(admin);
    expect(
      (await markResearchProposal({ proposalId: proposals[2].id, version: 0, mark: "PARTLY", note: null, leaderName: null }))?.validationErrors?.fieldErrors,
    ).toMatchObject({
      leaderName: ["请填写批示领导（代领导录入时）"],
    });
    expect(
      (await markResearchProposal({ proposalId: proposals[2].id, version: 0, mark: "PARTLY", note: "试点先行", leaderName: "王书记" }))?.data,
    ).toBeTruthy();
    const marked = await db.researchProposal.findMany({ where: { topicId }, orderBy: { seq: "asc" } });
    expect(marked.map((p) => [p.mark, p.leaderName])).toEqual([
      ["ADOPTED", leader.name],
      ["NOT_ADOPTED", leader.name],
      ["PARTLY", "王书记"],
    ]);

    const page = await researchTopicPage(as(leader), topicId);
    expect(page?.tally).toMatchObject({ proposals: 3, adopted: 1, partly: 1, notAdopted: 1, unmarked: 0 });
    expect(page?.rate).toBeCloseTo(2 / 3);

    const year = await researchAdoptionForYear(yearId);
    expect(year.topics).toBe(1);
    expect(year.byState).toEqual({ PROPOSED: 0, RESEARCHING: 0, REPORTED: 0, CLOSED: 1 });
    expect(year.rate).toBeCloseTo(2 / 3);

    const records = await researchRecordFor([lead.id, member.id, head.id], yearId);
    expect(records).toEqual([
      { userId: lead.id, led: 1, member: 0, finished: 1, proposals: 3, adopted: 1, partly: 1, notAdopted: 1, unmarked: 0, rate: 2 / 3 },
      { userId: member.id, led: 0, member: 1, finished: 1, proposals: 3, adopted: 1, partly: 1, notAdopted: 1, unmarked: 0, rate: 2 / 3 },
      { userId: head.id, led: 0, member: 0, finished: 0, proposals: 0, adopted: 0, partly: 0, notAdopted: 0, unmarked: 0, rate: null },
    ]);
  });

  it("filters the list in the database, exports it, and renders the report as a formal document", async () => {
    await actAs(admin);
    const second = await createResearchTopic({ ...fields(), title: "年轻干部成长路径研究", areaId: "research_area_cadres", leadId: member.id, memberIds: [] });
    expect(second?.data?.id).toBeTruthy();
    const viewer = as(admin);
    expect((await researchList(viewer, yearId, {})).total).toBe(2);
    expect((await researchList(viewer, yearId, { area: "research_area_cadres" })).rows.map((r) => r.title)).toEqual(["年轻干部成长路径研究"]);
    expect((await researchList(viewer, yearId, { section: county.section.id })).rows.map((r) => r.id)).toEqual([topicId]);
    expect((await researchList(viewer, yearId, { state: "CLOSED" })).rows.map((r) => r.id)).toEqual([topicId]);
    expect((await researchList(as(lead), yearId, { mine: "1" })).rows.map((r) => r.id)).toEqual([topicId]);
    expect((await researchList(as(member), yearId, { mine: "1" })).total).toBe(2);

    const { total, response } = await researchListExport(viewer, { id: yearId, year: YEAR }, { section: county.section.id });
    expect(total).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const text = JSON.stringify(workbook.worksheets[0].getSheetValues());
    expect(text).toContain("村级后备力量培养机制研究");
    expect(text).not.toContain("年轻干部成长路径研究");
    expect(text).toContain("66.7%");

    const signedIn = { ...admin, unit: { id: county.section.id, name: "组织科", type: "SECTION", fullName: "县委组织部组织科" } } as never;
    const doc = await DOCUMENTS["research-report"].load(signedIn, topicId);
    expect(doc && "blocks" in doc ? documentText(doc) : "").toContain("关于村级后备力量培养机制研究的调研报告");
    expect(doc && "blocks" in doc ? documentText(doc) : "").toContain("落实村干部报酬正常增长机制");
    // Not submitted yet: no document.
    expect(await DOCUMENTS["research-report"].load(signedIn, second!.data!.id)).toBeNull();
  });
});
