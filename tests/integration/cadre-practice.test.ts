import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { reviewPractice, savePractice, setSectionHead, submitPractice } from "@/lib/practice/actions";
import { cadreYear, findLinkableProjects, LINKABLE_SHOWN, practiceGrid, practiceItemPage, reviewQueue } from "@/lib/practice/queries";
import { GET as linkableRoute } from "@/app/api/practice/projects/route";
import { practicePanel } from "@/lib/dashboard/practice";
import type { UnitType } from "@/lib/generated/prisma/enums";
import { practiceGridExport } from "@/lib/practice/export";
import { sendPracticeReminders } from "@/lib/reminders/practice";
import { createYearRecord } from "@/lib/years/service";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

let county: Awaited<ReturnType<typeof makeCounty>>;
let otherSection: Awaited<ReturnType<typeof makeUnit>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let head: Awaited<ReturnType<typeof makeUser>>;
let cadre: Awaited<ReturnType<typeof makeUser>>;
let otherHead: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;
let deptStaff: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;

/** A viewer as the session gives it to the queries (id, roles and the type of the account's unit). */
const reader = (u: { id: string; roles: Awaited<ReturnType<typeof makeUser>>["roles"] }, type: UnitType) => ({ id: u.id, roles: u.roles, unit: { type } });

const research = {
  year: YEAR,
  kind: "RESEARCH" as const,
  period: 1,
  topic: "村级后备力量培养",
  heldOn: `${YEAR}年3月`,
  place: "甲镇三个村",
  interviewees: "村党组织书记、后备干部12人",
  findings: "后备力量年龄偏大",
  proposals: "建立村级后备人才库",
};

beforeAll(async () => {
  county = await makeCounty();
  otherSection = await makeUnit("干部科", "SECTION", county.department.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  head = await makeUser(["COUNTY_STAFF"], county.section.id);
  cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  otherHead = await makeUser(["COUNTY_STAFF"], otherSection.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  deptStaff = await makeUser(["COUNTY_STAFF"], county.department.id);
  leader = await makeUser(["LEADER"], county.county.id);
  await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  await actAs(admin);
  expect((await setSectionHead({ sectionId: county.section.id, headId: head.id }))?.data).toEqual({ ok: true });
  expect((await setSectionHead({ sectionId: otherSection.id, headId: otherHead.id }))?.data).toEqual({ ok: true });
  // The head must be a cadre of that section.
  expect((await setSectionHead({ sectionId: otherSection.id, headId: cadre.id }))?.validationErrors?.fieldErrors).toMatchObject({
    headId: ["科室负责人须是本科室在岗的组工干部"],
  });
});

beforeEach(() => signOutTestUser());

describe("四个一", () => {
  it("keeps units outside the department out: no action, nothing in the queries", async () => {
    await actAs(clerk);
    expect((await savePractice(research))?.serverError).toBeTruthy();
    const viewer = reader(clerk, "TOWNSHIP");
    expect((await practiceGrid(viewer, { year: YEAR })).total).toBe(0);
    expect(await cadreYear(viewer, cadre.id, YEAR)).toBeNull();
    expect((await reviewQueue(viewer)).total).toBe(0);
  });

  it("refuses an incomplete submission field by field, and a stale version", async () => {
    await actAs(cadre);
    const saved = await savePractice({ year: YEAR, kind: "PROBLEM", period: 1, problem: "软弱涣散村整顿" });
    expect(saved?.data?.version).toBe(0);
    const refused = await submitPractice({ year: YEAR, kind: "PROBLEM", period: 1, version: 0 });
    expect(refused?.validationErrors?.fieldErrors).toMatchObject({ measures: ["请填写采取的措施"] });
    expect((await savePractice({ year: YEAR, kind: "PROBLEM", period: 1, version: 5, problem: "x" }))?.serverError).toBe(
      "该记录已被他人修改，请刷新页面后再改",
    );
  });

  it("makes one record of a double submit, and writes each transition to the audit log", async () => {
    await actAs(cadre);
    const saved = await savePractice(research);
    expect(saved?.data?.version).toBe(0);
    const [a, b] = await Promise.all([
      submitPractice({ year: YEAR, kind: "RESEARCH", period: 1, version: 0 }),
      submitPractice({ year: YEAR, kind: "RESEARCH", period: 1, version: 0 }),
    ]);
    const outcomes = [a?.data ? "ok" : a?.serverError, b?.data ? "ok" : b?.serverError].sort();
    expect(outcomes).toEqual(["ok", "该材料已提交，无需重复操作"]);
    expect(await db.practiceItem.count({ where: { userId: cadre.id, year: YEAR, kind: "RESEARCH", period: 1 } })).toBe(1);
    // Q1's default due date (10 April) has passed by the time this runs after April: the submission is late.
    const item = await db.practiceItem.findFirstOrThrow({ where: { userId: cadre.id, kind: "RESEARCH", period: 1 } });
    expect(item.status).toBe("SUBMITTED");
    expect(await db.auditLog.count({ where: { action: "practice.submit", entityId: item.id } })).toBe(1);
    // Submitted: the cadre may not change it any more.
    expect((await savePractice({ ...research, version: item.version }))?.serverError).toBe("已提交的材料不能修改");
  });

  it("lets only the head of the cadre's section review, returning with a comment and then accepting", async () => {
    const item = await db.practiceItem.findFirstOrThrow({ where: { userId: cadre.id, kind: "RESEARCH", period: 1 } });
    await actAs(otherHead);
    expect((await reviewPractice({ itemId: item.id, version: item.version, accept: true, comment: null }))?.serverError).toBe(
      "材料不存在，或不属于您负责的科室",
    );
    expect((await reviewQueue(reader(otherHead, "SECTION"))).total).toBe(0);
    await actAs(cadre);
    expect((await reviewPractice({ itemId: item.id, version: item.version, accept: true, comment: null }))?.serverError).toBe(
      "材料不存在，或不属于您负责的科室",
    );

    await actAs(head);
    expect((await reviewQueue(reader(head, "SECTION"))).items.map((i) => i.id)).toEqual([item.id]);
    const noComment = await reviewPractice({ itemId: item.id, version: item.version, accept: false, comment: null });
    expect(noComment?.validationErrors?.fieldErrors).toMatchObject({ comment: ["请填写退回意见"] });
    expect((await reviewPractice({ itemId: item.id, version: item.version, accept: false, comment: "请补充走访数据" }))?.data).toEqual({ ok: true });
    // The first review moved the version on: the same version again is refused.
    expect((await reviewPractice({ itemId: item.id, version: item.version, accept: true, comment: null }))?.serverError).toBeTruthy();
    expect(await db.notification.count({ where: { userId: cadre.id, kind: "practice.returned" } })).toBe(1);

    await actAs(cadre);
    const returned = await db.practiceItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(returned.status).toBe("RETURNED");
    const resaved = await savePractice({ ...research, findings: "后备力量年龄偏大，走访 12 人", version: returned.version });
    expect((await submitPractice({ year: YEAR, kind: "RESEARCH", period: 1, version: resaved!.data!.version }))?.data).toBeDefined();

    await actAs(head);
    const again = await db.practiceItem.findUniqueOrThrow({ where: { id: item.id } });
    expect((await reviewPractice({ itemId: item.id, version: again.version, accept: true, comment: "材料翔实" }))?.data).toEqual({ ok: true });
    const actions = await db.auditLog.findMany({ where: { entityId: item.id }, orderBy: { seq: "asc" }, select: { action: true } });
    // The two refused reviews above (another section's head, a plain cadre) are audited as refusals on the item too.
    expect(actions.map((a) => a.action)).toEqual([
      "practice.submit",
      "access.denied",
      "access.denied",
      "practice.return",
      "practice.submit",
      "practice.accept",
    ]);
  });

  it("shows the grid of cadres × items, filtered by section and exported", async () => {
    const viewer = reader(admin, "SECTION");
    const all = await practiceGrid(viewer, { year: YEAR });
    expect(all.rows.map((r) => r.cadre.id).sort()).toEqual([head.id, cadre.id, otherHead.id].sort());
    const mine = await practiceGrid(viewer, { year: YEAR, section: otherSection.id });
    expect(mine.rows.map((r) => r.cadre.id)).toEqual([otherHead.id]);
    const row = all.rows.find((r) => r.cadre.id === cadre.id)!;
    expect(row.slots[0].cell).toBe("accepted");
    expect(row.slots).toHaveLength(7);
    const year = await cadreYear(reader(cadre, "SECTION"), cadre.id, YEAR);
    expect(year?.slots[0].cell).toBe("accepted");
    const { total, response } = await practiceGridExport(viewer, { year: YEAR, section: county.section.id });
    expect(total).toBe(2);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("lets a cadre read only their own year, items, grid and export; a head the section's; readers of all everyone's", async () => {
    const key = { year: YEAR, kind: "RESEARCH" as const, period: 1 };
    await actAs(otherHead);
    expect((await savePractice({ ...research, topic: "干部科的调研" }))?.data?.version).toBe(0);
    const asCadre = reader(cadre, "SECTION");
    expect((await cadreYear(asCadre, cadre.id, YEAR))?.cadre.id).toBe(cadre.id);
    expect((await practiceItemPage(asCadre, cadre.id, key))?.item?.status).toBe("ACCEPTED");
    // A colleague's year and items: neither the head of their own section's nor another section's cadre's.
    for (const other of [head, otherHead]) {
      expect(await cadreYear(asCadre, other.id, YEAR)).toBeNull();
      expect(await practiceItemPage(asCadre, other.id, key)).toBeNull();
    }
    expect((await practiceGrid(asCadre, { year: YEAR })).rows.map((r) => r.cadre.id)).toEqual([cadre.id]);
    expect((await practiceGrid(asCadre, { year: YEAR, section: otherSection.id })).total).toBe(0);
    expect((await practiceGridExport(asCadre, { year: YEAR })).total).toBe(1);

    // The head: their section's cadres, not another section's.
    const asHead = reader(head, "SECTION");
    expect((await practiceItemPage(asHead, cadre.id, key))?.item?.status).toBe("ACCEPTED");
    expect(await cadreYear(asHead, otherHead.id, YEAR)).toBeNull();
    expect(await practiceItemPage(asHead, otherHead.id, key)).toBeNull();
    expect((await practiceGrid(asHead, { year: YEAR })).rows.map((r) => r.cadre.id).sort()).toEqual([head.id, cadre.id].sort());
    expect((await practiceGridExport(asHead, { year: YEAR })).total).toBe(2);
    const asOtherHead = reader(otherHead, "SECTION");
    expect(await cadreYear(asOtherHead, cadre.id, YEAR)).toBeNull();
    expect((await practiceGrid(asOtherHead, { year: YEAR })).rows.map((r) => r.cadre.id)).toEqual([otherHead.id]);

    // The admin, department staff outside the sections and leaders: every cadre.
    for (const viewer of [reader(admin, "SECTION"), reader(deptStaff, "DEPARTMENT"), reader(leader, "COUNTY")]) {
      expect((await practiceGrid(viewer, { year: YEAR })).total).toBe(3);
      expect((await practiceItemPage(viewer, otherHead.id, key))?.item?.status).toBe("DRAFT");
      expect((await cadreYear(viewer, cadre.id, YEAR))?.slots[0].cell).toBe("accepted");
      expect((await practiceGridExport(viewer, { year: YEAR })).total).toBe(3);
    }
    // A unit outside the department: nothing, not even its own grid row.
    expect(await practiceItemPage(reader(clerk, "TOWNSHIP"), cadre.id, key)).toBeNull();
    expect((await practiceGridExport(reader(clerk, "TOWNSHIP"), { year: YEAR })).total).toBe(0);

    // The dashboard's panel: the same counts for every county reader, the late cadres named only to readers of all.
    const december = new Date(`${YEAR}-12-07T10:00:00+08:00`);
    const named = await practicePanel(reader(deptStaff, "DEPARTMENT"), YEAR, december);
    const nameless = await practicePanel(asCadre, YEAR, december);
    expect(named.names).toBe(true);
    expect(named.lateCadres.map((c) => c.id)).toContain(head.id);
    expect(nameless).toMatchObject({ names: false, lateCadres: [], lateTotal: named.lateTotal, rates: named.rates });
    expect((await practicePanel(reader(leader, "COUNTY"), YEAR, december)).lateCadres).toEqual(named.lateCadres);
  });

  it("reminds each cadre once after a due date has passed, not again on the next run", async () => {
    const yearRow = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
    const due = new Date(Date.now() - 86_400_000);
    await db.yearWindow.update({ where: { yearId_kind: { yearId: yearRow.id, kind: "PRACTICE_E" } }, data: { endsAt: due } });
    await sendPracticeReminders();
    const count = () => db.notification.count({ where: { userId: cadre.id, kind: "practice.overdue", title: { contains: "树立一个典型" } } });
    expect(await count()).toBe(1);
    await sendPracticeReminders();
    expect(await count()).toBe(1);
  });
});

describe("四个一 reminders before the due date", () => {
  it("reminds each cadre who has not sent the item once, two days before its due date, and not again on the next run", async () => {
    const yearRow = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    for (const kind of ["PRACTICE_R4", "PRACTICE_R1"] as const)
      await db.yearWindow.update({ where: { yearId_kind: { yearId: yearRow.id, kind } }, data: { endsAt: inTwoDays } });
    const due = (userId: string, label: string) => db.notification.count({ where: { userId, kind: "practice.due", title: { contains: label } } });
    expect(await due(cadre.id, "第四季度调研报告")).toBe(0);
    await sendPracticeReminders();
    // Nobody has sent the fourth quarter's report: each cadre once, with the due date in the title.
    for (const who of [cadre, head, otherHead]) expect(await due(who.id, "第四季度调研报告")).toBe(1);
    const note = await db.notification.findFirstOrThrow({ where: { userId: cadre.id, kind: "practice.due", title: { contains: "第四季度调研报告" } } });
    expect(note.link).toBe(`/practice/${YEAR}/research-4`);
    // The first quarter's: the cadre's is accepted (no reminder); the head's is not written (one); the other head's a draft (one).
    expect(await due(cadre.id, "第一季度调研报告")).toBe(0);
    expect(await due(head.id, "第一季度调研报告")).toBe(1);
    expect(await due(otherHead.id, "第一季度调研报告")).toBe(1);
    await sendPracticeReminders();
    for (const who of [cadre, head, otherHead]) expect(await due(who.id, "第四季度调研报告")).toBe(1);
    expect(await due(head.id, "第一季度调研报告")).toBe(1);
    // Units outside the department are no cadres: nothing.
    expect(await db.notification.count({ where: { userId: clerk.id, kind: "practice.due" } })).toBe(0);
  });
});

describe("四个一: the 典型's project", () => {
  it("finds only projects under way or done by their words, links one, and refuses a draft", async () => {
    const year = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
    const base = { yearId: year.id, unitId: county.townshipA.id, createdById: clerk.id };
    const running = await db.project.create({ data: { ...base, title: "典型关联：党员积分制实践", state: "IN_PROGRESS", code: `${YEAR}-T901` } });
    const done = await db.project.create({ data: { ...base, title: "典型关联：党员积分制试点", state: "COMPLETED" } });
    const draft = await db.project.create({ data: { ...base, title: "典型关联：党员积分制草稿", state: "DRAFT" } });
    const found = await findLinkableProjects(["典型关联", "积分制"]);
    expect(found.map((p) => p.id).sort()).toEqual([running.id, done.id].sort());
    expect(found.find((p) => p.id === running.id)?.detail).toContain(`${YEAR}-T901`);
    expect((await findLinkableProjects([`${YEAR}-T901`])).map((p) => p.id)).toEqual([running.id]);
    expect((await findLinkableProjects([])).length).toBe(0);
    expect(LINKABLE_SHOWN).toBeGreaterThan(0);

    // The picker's route: a cadre writing their 四个一 may ask; a unit account may not, nor a visitor.
    const ask = (q: string) => linkableRoute(new Request(`http://localhost/api/practice/projects?q=${encodeURIComponent(q)}`));
    await actAs(cadre);
    const answer = await ask("典型关联 积分制");
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { items: { id: string }[] }).items.map((p) => p.id).sort()).toEqual([running.id, done.id].sort());
    expect((await ask("")).status).toBe(400);
    await actAs(clerk);
    expect((await ask("积分制")).status).toBe(403);
    signOutTestUser();
    expect((await ask("积分制")).status).toBe(401);

    // The save links a project under way, and refuses a draft at the field.
    await actAs(cadre);
    const exemplar = {
      year: YEAR,
      kind: "EXEMPLAR" as const,
      period: 1,
      exemplarType: "PRACTICE" as const,
      exemplarName: "党员积分制",
      reason: "积分与评议挂钩",
    };
    const refused = await savePractice({ ...exemplar, projectId: draft.id });
    expect(refused?.validationErrors?.fieldErrors).toMatchObject({ projectId: ["只能关联实施中或已结项的项目"] });
    const saved = await savePractice({ ...exemplar, projectId: running.id });
    expect(saved?.data).toBeDefined();
    expect((await db.practiceItem.findFirstOrThrow({ where: { userId: cadre.id, kind: "EXEMPLAR", period: 1 } })).projectId).toBe(running.id);
  });
});
