import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addInspectionProjects,
  addRectification,
  answerRectification,
  createInspection,
  publishInspection,
  reviewRectification,
  saveInspectionItem,
} from "@/lib/inspections/actions";
import { getInspection, listInspections } from "@/lib/inspections/queries";
import { saveItemRecord } from "@/lib/inspections/service";
import { atRisk } from "@/lib/inspections/labels";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { quarterOf, quarterStart } from "@/lib/reports/quarters";
import { toDateTimeLocal } from "@/lib/time";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const { year: YEAR, quarter: QUARTER } = quarterOf(new Date());
let admin: Awaited<ReturnType<typeof makeUser>>;
let memberA: Awaited<ReturnType<typeof makeUser>>;
let memberB: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let projectA: string;
let projectB: string;

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });
const actor = (user: { id: string; username: string; name: string }) => ({ actor: { id: user.id, username: user.username, name: user.name }, ip: null });

beforeAll(async () => {
  const county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  memberA = await makeUser(["COUNTY_STAFF"], county.section.id);
  memberB = await makeUser(["COUNTY_STAFF"], county.section.id);
  outsider = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  const make = async (clerk: typeof clerkA, title: string) => {
    const { id } = await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, clerk.unitId, actor(clerk)));
    await db.project.update({ where: { id }, data: { title, state: "IN_PROGRESS", startedAt: quarterStart(YEAR, 1) } });
    // A milestone long past and never reported done: lagging.
    await db.projectMilestone.create({ data: { projectId: id, sortOrder: 0, title: "试点", dueDate: quarterStart(YEAR, 1) } });
    return id;
  };
  projectA = await make(clerkA, "甲镇项目");
  projectB = await make(clerkB, "乙乡项目");
  await make(clerkA, "甲镇项目二");
});

beforeEach(() => signOutTestUser());

describe("inspections", () => {
  it("is written by its team side by side, published by the admin, read by the units concerned, and answered", async () => {
    await actAs(admin);
    const created = await createInspection({ year: YEAR, quarter: QUARTER, theme: "一村一名入党积极分子计划实施情况", memberIds: [memberA.id, memberB.id] });
    const id = created!.data!.id;
    expect((await addInspectionProjects({ inspectionId: id, projectIds: [], allLagging: true }))?.data?.added).toBeGreaterThanOrEqual(2);
    const items = await db.inspectionItem.findMany({ where: { inspectionId: id, projectId: { in: [projectA, projectB] } } });
    const itemA = items.find((i) => i.projectId === projectA)!;
    const itemB = items.find((i) => i.projectId === projectB)!;

    await actAs(outsider);
    expect((await saveInspectionItem({ id: itemA.id, version: 0, finding: "LAGGING", problems: null, recommendations: null }))?.serverError).toBe(
      "只有督查组成员可以撰写督查报告",
    );

    // Two members save different sections at the same moment: both kept. The same section from a stale page: refused.
    const [a, b] = await Promise.all([
      db.$transaction((tx) =>
        saveItemRecord(
          tx,
          { id: itemA.id, version: 0, finding: "LAGGING", problems: "试点村未落实", recommendations: "限期整改" },
          { ...actor(memberA), isAdmin: false },
        ),
      ),
      db.$transaction((tx) =>
        saveItemRecord(tx, { id: itemB.id, version: 0, finding: "ON_TRACK", problems: null, recommendations: null }, { ...actor(memberB), isAdmin: false }),
      ),
    ]);
    expect([a, b]).toEqual([undefined, undefined]);
    await actAs(memberB);
    expect((await saveInspectionItem({ id: itemA.id, version: 0, finding: "NORMAL", problems: null, recommendations: null }))?.serverError).toMatch(
      /已被其他成员修改/,
    );
    const saved = await db.inspectionItem.findMany({ where: { id: { in: [itemA.id, itemB.id] } }, orderBy: { id: "asc" } });
    expect(Object.fromEntries(saved.map((i) => [i.projectId, [i.finding, i.updatedByName]]))).toEqual({
      [projectA]: ["LAGGING", memberA.name],
      [projectB]: ["ON_TRACK", memberB.name],
    });

    await actAs(memberA);
    expect(
      (await addRectification({ itemId: itemA.id, content: "补齐试点村台账", dueAt: toDateTimeLocal(new Date(Date.now() + 86_400_000)) }))?.data,
    ).toBeTruthy();

    // Not published yet: units see nothing.
    expect(await getInspection(viewer(clerkA), id)).toBeNull();
    await actAs(admin);
    expect((await publishInspection({ id, version: 0 }))?.serverError).toMatch(/还没有督查结论/);
    for (const other of await db.inspectionItem.findMany({ where: { inspectionId: id, finding: null } })) {
      await db.$transaction((tx) =>
        saveItemRecord(
          tx,
          { id: other.id, version: other.version, finding: "NORMAL", problems: null, recommendations: null },
          { ...actor(admin), isAdmin: true },
        ),
      );
    }
    expect((await publishInspection({ id, version: 0 }))?.data).toBeTruthy();

    const seenByA = await getInspection(viewer(clerkA), id);
    expect(seenByA?.items.map((i) => i.projectId)).toContain(projectA);
    expect(seenByA?.items.every((i) => i.project.unitId === clerkA.unitId)).toBe(true);
    expect((await listInspections(viewer(clerkB), YEAR)).map((i) => i.id)).toContain(id);
    expect(await db.projectEvent.count({ where: { projectId: projectA, kind: "inspection" } })).toBe(1);
    // The team found it lagging while the unit filed no report: not "at risk" (that needs an on-track report).
    const sectionA = seenByA!.items.find((i) => i.projectId === projectA)!;
    expect(atRisk(sectionA.finding, sectionA.unitReportedBehind)).toBe(false);

    const rectification = await db.rectificationItem.findFirstOrThrow({ where: { itemId: itemA.id } });
    await actAs(clerkB);
    expect((await answerRectification({ id: rectification.id, version: 0, answer: "乙乡替甲镇答" }))?.serverError).toBe("整改事项不存在");
    await actAs(clerkA);
    expect((await answerRectification({ id: rectification.id, version: 0, answer: "已补齐 3 个村的台账" }))?.data).toBeTruthy();
    await actAs(memberB);
    expect((await reviewRectification({ id: rectification.id, version: 1, accept: false, review: null }))?.validationErrors?.fieldErrors.review).toBeTruthy();
    expect((await reviewRectification({ id: rectification.id, version: 1, accept: true, review: "台账齐全" }))?.data).toBeTruthy();
    expect((await db.rectificationItem.findUniqueOrThrow({ where: { id: rectification.id } })).status).toBe("ACCEPTED");
  });

  it("marks at risk only where the unit reported on track and the team found trouble", () => {
    expect(atRisk("LAGGING", false)).toBe(true);
    expect(atRisk("PROBLEM", false)).toBe(true);
    expect(atRisk("LAGGING", true)).toBe(false);
    expect(atRisk("NORMAL", false)).toBe(false);
    expect(atRisk("LAGGING", null)).toBe(false);
  });
});
