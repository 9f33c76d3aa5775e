import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createYearRecord } from "@/lib/years/service";
import {
  countyFigures,
  deadlines,
  lagging,
  pipeline,
  projectsByDimension,
  projectsByState,
  reportRates,
  townshipTable,
  unitProjectsByState,
  unitTodo,
  yearOverYear,
  forgetKeptFigures,
} from "@/lib/dashboard/queries";
import { listProjects } from "@/lib/projects/queries";
import { GRID_ORDER, GRID_PAGE_SIZE, gridWhere, reportGrid, type GridFilter } from "@/lib/reports/queries";
import { quarterStart } from "@/lib/reports/quarters";
import { projectFilterSchema } from "@/lib/projects/schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { behindTheCounters, makeCounty, makeUnit, makeUser } from "./support/fixtures";

const Y = 2025;
const DAY = 86_400_000;
const now = new Date();

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;
let year2024Id: string;
const ids: Record<string, string> = {};

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });

async function project(key: string, data: Omit<Prisma.ProjectUncheckedCreateInput, "title"> & { title?: string }) {
  ids[key] = (await db.project.create({ data: { title: key, ...data } })).id;
  return ids[key];
}

async function report(projectId: string, quarter: number, status: "SUBMITTED" | "RETURNED" | "ACCEPTED" | "DRAFT", late: boolean, milestones: unknown = []) {
  await db.progressReport.create({
    data: { projectId, year: Y, quarter, status, late, submittedAt: status === "DRAFT" ? null : new Date(), milestones: milestones as Prisma.InputJsonValue },
  });
}

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  year2024Id = (await db.$transaction((tx) => createYearRecord(tx, 2024, null))).id;
  yearId = (await db.$transaction((tx) => createYearRecord(tx, Y, null))).id;
  const A = county.townshipA.id;
  const B = county.townshipB.id;
  const q = (quarter: 1 | 2 | 3 | 4) => quarterStart(Y, quarter);

  // A: one running since Q1 (lagging), one completed in Q2. B: one submitted, one never-submitted draft, one terminated in Q3.
  const p1 = await project("running", {
    yearId,
    unitId: A,
    state: "IN_PROGRESS",
    category: "CADRE",
    focus: "KEY",
    tier: "ROUTINE",
    submittedAt: q(1),
    startedAt: q(1),
  });
  const [late1, done1] = await Promise.all([
    db.projectMilestone.create({ data: { projectId: p1, sortOrder: 0, title: "试点", dueDate: new Date(q(1).getTime() + 30 * DAY) } }),
    db.projectMilestone.create({ data: { projectId: p1, sortOrder: 1, title: "推开", dueDate: new Date(q(1).getTime() + 40 * DAY) } }),
  ]);
  await db.projectMilestone.create({ data: { projectId: p1, sortOrder: 2, title: "总结", dueDate: new Date(now.getTime() + 30 * DAY) } });
  const p2 = await project("completed", {
    yearId,
    unitId: A,
    state: "COMPLETED",
    category: "CADRE",
    focus: "HOT",
    tier: "FEATURE",
    submittedAt: q(1),
    startedAt: q(1),
    endedAt: new Date(q(2).getTime() + 20 * DAY),
  });
  await project("submitted", { yearId, unitId: B, state: "SUBMITTED", category: "PARTY_BUILDING", submittedAt: q(1) });
  await project("draft", { yearId, unitId: B, state: "DRAFT", category: "TALENT" });
  await project("approved", { yearId, unitId: county.department.id, state: "APPROVED", submittedAt: q(1) });
  await project("terminated", { yearId, unitId: B, state: "TERMINATED", submittedAt: q(1), startedAt: q(3), endedAt: new Date(q(3).getTime() + 10 * DAY) });
  await project("old", { yearId: year2024Id, unitId: A, state: "COMPLETED", submittedAt: quarterStart(2024, 1) });

  await report(p1, 1, "SUBMITTED", false);
  await report(p1, 2, "SUBMITTED", true);
  await report(p1, 4, "ACCEPTED", false, [
    { milestoneId: late1.id, title: "试点", planned: "", done: false, doneOn: null, note: null },
    { milestoneId: done1.id, title: "推开", planned: "", done: true, doneOn: null, note: null },
  ]);
  await report(p2, 1, "ACCEPTED", false);
  await report(p2, 2, "RETURNED", false);

  // A topic assigned to township A, open for another month, not yet answered.
  const topic = await db.topic.create({
    data: {
      yearId,
      code: `${Y}-GB-01`,
      seq: 1,
      title: "发包选题",
      description: "说明",
      category: "CADRE",
      focus: "KEY",
      tier: "ROUTINE",
      claimMode: "ASSIGNED",
      claimClosesAt: new Date(now.getTime() + 30 * DAY),
      status: "PUBLISHED",
      publishedAt: now,
    },
  });
  await db.topicUnit.create({ data: { topicId: topic.id, unitId: A } });
  ids.topic = topic.id;
});

describe("county panels", () => {
  it("counts projects by state without others' unsubmitted drafts, as the project list does", async () => {
    expect(await projectsByState(yearId)).toEqual({ IN_PROGRESS: 1, COMPLETED: 1, SUBMITTED: 1, APPROVED: 1, TERMINATED: 1 });
    const listed = await listProjects(viewer(admin), { ...projectFilterSchema.parse({ state: "IN_PROGRESS" }), yearId });
    expect(listed.total).toBe(1);
  });

  it("counts by category, focus, tier and unit type in one query", async () => {
    const dims = await projectsByDimension(yearId);
    expect(dims.category).toEqual({ CADRE: 2, PARTY_BUILDING: 1, NONE: 2 });
    expect(dims.focus).toEqual({ KEY: 1, HOT: 1, NONE: 3 });
    expect(dims.tier).toEqual({ ROUTINE: 1, FEATURE: 1, NONE: 3 });
    expect(dims.unitType).toEqual({ TOWNSHIP: 4, DEPARTMENT: 1 });
    const townships = await listProjects(viewer(admin), { ...projectFilterSchema.parse({ unitType: "TOWNSHIP" }), yearId });
    expect(townships.total).toBe(4);
  });

  it("follows the pipeline from topics to completions, and the approved link lists the same projects", async () => {
    expect(await pipeline(yearId)).toEqual({ topics: 1, claims: 0, proposals: 5, fromTopics: 0, approved: 4, completed: 1 });
    const approved = await listProjects(viewer(admin), { ...projectFilterSchema.parse({ stage: "approved" }), yearId });
    expect(approved.total).toBe(4);
  });

  it("computes the on-time report rate of quarters whose deadline passed", async () => {
    const rates = await reportRates([2024, Y], Y, now);
    const year = rates.years.find((r) => r.year === Y)!;
    expect(year.quarters.map((q) => [q.due, q.onTime, q.late, q.missing])).toEqual([
      [2, 2, 0, 0],
      [2, 1, 1, 0],
      [2, 0, 0, 2],
      [1, 1, 0, 0],
    ]);
    expect(year).toMatchObject({ due: 7, onTime: 4, rate: 57 });
    expect(rates.byUnit.get(county.townshipA.id)).toEqual({ due: 6, onTime: 4, rate: 67 });
    expect(rates.byUnit.get(county.townshipB.id)).toEqual({ due: 1, onTime: 0, rate: 0 });
    // Before the deadline a quarter has no rate.
    const early = await reportRates([Y], Y, new Date(quarterStart(Y, 3).getTime() + 20 * DAY));
    expect(early.years[0].quarters[2]).toMatchObject({ closed: false, rate: null });
    expect(early.years[0].quarters.slice(0, 2).every((q) => q.closed)).toBe(true);
  });

  it("finds lagging projects with the grid's rule, and the grid's filter lists them", async () => {
    const result = await lagging(Y, now);
    expect(result.total).toBe(1);
    expect(result.items).toEqual([{ id: ids.running, title: "running", unitId: county.townshipA.id, unitName: "甲镇", lagging: 1 }]);
    expect(result.byUnit.get(county.townshipA.id)).toBe(1);
    const grid = await reportGrid(viewer(admin), { year: Y, lagging: "1" }, now);
    expect(grid.rows.map((r) => [r.project.id, r.lagging])).toEqual([[ids.running, 1]]);
  });

  it("tables the townships with their year and their proposals year by year", async () => {
    const rows = await townshipTable(Y, [2024, Y]);
    expect(rows.map((r) => r.name).sort()).toEqual(["乙乡", "甲镇"].sort());
    expect(rows.find((r) => r.name === "甲镇")).toMatchObject({ proposals: 2, approved: 2, inProgress: 1, completed: 1, other: 0, perYear: [1, 2] });
    expect(rows.find((r) => r.name === "乙乡")).toMatchObject({ proposals: 2, approved: 1, inProgress: 0, completed: 0, other: 1, perYear: [0, 2] });
  });

  it("compares the years", async () => {
    expect(await yearOverYear()).toEqual([
      { year: 2024, proposals: 1, approved: 1, completed: 1 },
      { year: Y, proposals: 5, approved: 4, completed: 1 },
    ]);
  });
});

describe("unit panels", () => {
  it("lists what the unit must do, overdue first, with deadlines and links", async () => {
    const { items } = await unitTodo(viewer(clerkA), yearId, now);
    const missing = items.find((i) => i.href === `/reports/${ids.running}/${Y}/3`);
    expect(missing).toMatchObject({ kind: "report", overdue: true });
    expect(items[0].overdue).toBe(true);
    expect(items.find((i) => i.href === `/reports/${ids.completed}/${Y}/2`)).toMatchObject({ kind: "report", detail: "被退回，请修改后重新报送" });
    const claim = items.find((i) => i.kind === "claim");
    expect(claim).toMatchObject({ href: `/topics/${ids.topic}`, overdue: false });
    expect(claim?.deadline?.getTime()).toBeGreaterThan(now.getTime());
    // Another unit sees none of it.
    const clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
    const other = await unitTodo(viewer(clerkB), yearId, now);
    expect(other.items.some((i) => i.href.includes(ids.running) || i.kind === "claim")).toBe(false);
  });

  it("counts the unit's own projects by state, its drafts included", async () => {
    expect(await unitProjectsByState(county.townshipB.id, yearId)).toEqual({ SUBMITTED: 1, DRAFT: 1, TERMINATED: 1 });
  });
});

describe("the report grid's page in SQL (decision 0114)", () => {
  it("gives each reader the page, order and count the Prisma read gave, filter by filter", async () => {
    const y2021 = (await db.$transaction((tx) => createYearRecord(tx, 2021, null))).id;
    const units = [
      await makeUnit("格甲", "TOWNSHIP", county.county.id),
      await makeUnit("格乙", "TOWNSHIP", county.county.id),
      await makeUnit("格丙", "DEPARTMENT", county.county.id),
    ];
    // Codes out of name order, one unit without a code (last, as Prisma orders it); titles repeat, so ids break ties.
    await db.unit.update({ where: { id: units[0].id }, data: { code: "G-9" } });
    await db.unit.update({ where: { id: units[1].id }, data: { code: "G-1" } });
    const start = quarterStart(2021, 1);
    for (let i = 0; i < 40; i++) {
      await project(`grid${i}`, {
        yearId: y2021,
        unitId: units[i % 3].id,
        state: "COMPLETED",
        title: `格项目${i % 7}`,
        submittedAt: start,
        startedAt: i % 9 === 0 ? quarterStart(2022, 1) : start,
        // Ended within 2021 (so that the later tests' rates of 2023 do not count them), some before Q3.
        endedAt: i % 5 === 0 ? quarterStart(2021, 3) : quarterStart(2021, 4),
        liaisonId: i % 4 === 0 ? admin.id : null,
      });
    }
    const clerk = await makeUser(["UNIT_USER"], units[1].id);
    const filters: GridFilter[] = [
      { year: 2021 },
      { year: 2021, page: 2 },
      { year: 2021, q: "格项目3" },
      { year: 2021, q: "格乙" },
      { year: 2021, q: "%" },
      { year: 2021, liaison: "me" },
      { year: 2021, lagging: "1" },
    ];
    for (const user of [admin, clerk]) {
      for (const filter of filters) {
        const where = await gridWhere(viewer(user), filter, now);
        const page = filter.page ?? 1;
        const expected = await db.project.findMany({
          where,
          orderBy: GRID_ORDER,
          skip: (page - 1) * GRID_PAGE_SIZE,
          take: GRID_PAGE_SIZE,
          select: { id: true },
        });
        const actual = await reportGrid(viewer(user), filter, now);
        const label = `${user.roles.join()} ${JSON.stringify(filter)}`;
        expect(
          actual.rows.map((row) => row.project.id),
          label,
        ).toEqual(expected.map((row) => row.id));
        expect(actual.total, label).toBe(await db.project.count({ where }));
      }
    }
    expect((await reportGrid(viewer(admin), { year: 2021, page: 2 }, now)).rows.length).toBeGreaterThan(0);
  });
});

describe("the report grid's count kept between writes (decision 0114)", () => {
  it("stays until a write to the projects commits", async () => {
    const before = await reportGrid(viewer(admin), { year: Y }, now);
    const started = (await db.project.findUniqueOrThrow({ where: { id: ids.running } })).startedAt;
    // Unseen by the change counters, the kept count stays (this fails if the grid counts on every load)...
    await behindTheCounters(Prisma.sql`UPDATE "Project" SET "startedAt" = NULL WHERE "id" = ${ids.running}`);
    expect((await reportGrid(viewer(admin), { year: Y }, now)).total).toBe(before.total);
    // ...and a committed write moves the stamp: the next load counts again.
    await db.project.update({ where: { id: ids.running }, data: { updatedAt: new Date() } });
    expect((await reportGrid(viewer(admin), { year: Y }, now)).total).toBe(before.total - 1);
    await db.project.update({ where: { id: ids.running }, data: { startedAt: started } });
    expect((await reportGrid(viewer(admin), { year: Y }, now)).total).toBe(before.total);
  });
});

describe("the county figures kept between requests (decision 0105)", () => {
  it("are read again after a write to their tables, a report deadline or a milestone's day ending, and kept otherwise", async () => {
    const old = { id: (await db.$transaction((tx) => createYearRecord(tx, 2023, null))).id, year: 2023 };
    const years = [2023, 2024, Y];
    const q1Deadline = (await deadlines([2023])).get("2023-1")!;
    const before = new Date(q1Deadline.getTime() - DAY);
    const read = (at: Date) => countyFigures(old, years, [2023], at);
    const q1 = (figures: Awaited<ReturnType<typeof read>>) => figures.rates.years.find((r) => r.year === 2023)!.quarters[0];
    forgetKeptFigures();
    const empty = await read(before);
    expect(empty.states).toEqual({});
    // Nothing changed: the very same figures, not read again.
    expect(await read(before)).toBe(empty);

    // A write (here straight in SQL, as any writer would) shows on the next read.
    const id = await project("kept", {
      yearId: old.id,
      unitId: county.townshipA.id,
      state: "IN_PROGRESS",
      submittedAt: quarterStart(2023, 1),
      startedAt: quarterStart(2023, 1),
    });
    const written = await read(before);
    expect(written.states).toEqual({ IN_PROGRESS: 1 });
    expect(written.townships.find((t) => t.id === county.townshipA.id)).toMatchObject({ proposals: 1, inProgress: 1 });
    expect(q1(written)).toMatchObject({ closed: false, due: 1, rate: null });
    await db.$executeRaw`UPDATE "Project" SET "state" = 'COMPLETED', "endedAt" = ${quarterStart(2023, 2)} WHERE "id" = ${id}`;
    expect((await read(before)).states).toEqual({ COMPLETED: 1 });
    await db.$executeRaw`UPDATE "Project" SET "state" = 'IN_PROGRESS', "endedAt" = NULL WHERE "id" = ${id}`;
    expect((await read(before)).states).toEqual({ IN_PROGRESS: 1 });

    // The first quarter's deadline passes with no write: the quarter now counts, its report missing.
    const after = new Date(q1Deadline.getTime() + 3_600_000);
    expect(q1(await read(after))).toMatchObject({ closed: true, due: 1, missing: 1, rate: 0 });
    // Its report arrives on time: the rate follows.
    await report(id, 1, "SUBMITTED", false);
    await db.progressReport.updateMany({ where: { projectId: id }, data: { year: 2023 } });
    expect(q1(await read(after))).toMatchObject({ closed: true, onTime: 1, missing: 0, rate: 100 });

    // A milestone due tomorrow: not lagging today, lagging once its day has ended, with no write in between.
    await db.projectMilestone.create({ data: { projectId: id, sortOrder: 0, title: "节点", dueDate: new Date(after.getTime() + DAY) } });
    const today = await read(after);
    expect(today.behind.total).toBe(0);
    expect(await read(new Date(after.getTime() + DAY))).toBe(today);
    expect((await read(new Date(after.getTime() + 2 * DAY + 1000))).behind.total).toBe(1);
  });
});
