// The project list's one statement (decision 0112) against the Prisma where the export keeps: the same rows in the
// same order and the same count, filter by filter and for each kind of reader; and the project page's one
// statement (decision 0111) against the include it replaced.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getProject,
  liaisonOptions,
  listProjects,
  PROJECT_ORDER,
  PROJECTS_PAGE_SIZE,
  projectPageRead,
  projectWhere,
  projectWhereSql,
} from "@/lib/projects/queries";
import { hearingRecordOf } from "@/lib/hearings/queries";
import type { ProjectFilter } from "@/lib/projects/schemas";
import type { ProjectState, Role } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { createYearRecord } from "@/lib/years/service";
import { unitOptions } from "@/lib/units/queries";
import { unitLabel } from "@/lib/units/tree";
import { behindTheCounters, makeCounty, makeUnit, makeUser } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let lead: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;
let otherYearId: string;
let sectorIds: string[];
let topicId: string;
const ids: string[] = [];

/** What getProject read through Prisma before decision 0111. */
const PAGE_INCLUDE = {
  year: { select: { year: true } },
  unit: { select: { id: true, name: true, type: true } },
  topic: { select: { id: true, code: true, title: true } },
  programme: { select: { id: true, title: true } },
  liaison: { select: { id: true, name: true } },
  milestones: { orderBy: { sortOrder: "asc" } },
  sectors: { select: { sectorId: true, sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
  attachments: { where: { reportId: null }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, createdAt: true } },
  events: { orderBy: { at: "asc" } },
  notes: { orderBy: { at: "desc" } },
  versions: { orderBy: { number: "desc" }, select: { id: true, number: true, submittedAt: true, submittedBy: true } },
  consultations: { orderBy: { heldAt: "desc" } },
} satisfies Prisma.ProjectInclude;

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });
const STATES: ProjectState[] = ["DRAFT", "SUBMITTED", "APPROVED", "IN_PROGRESS", "COMPLETED", "TERMINATED", "RETURNED", "REVISE", "IN_HEARING"];

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  // A cadre who won a topic in their own name (个人中标) and leads a draft of another unit.
  lead = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, 2031, null))).id;
  otherYearId = (await db.$transaction((tx) => createYearRecord(tx, 2032, null))).id;
  sectorIds = [];
  for (const [i, name] of ["测试农村", "测试社区", "测试两新"].entries()) {
    sectorIds.push((await db.sector.create({ data: { name, grouping: i < 2 ? "测试城乡" : null, sortOrder: 3 - i } })).id);
  }
  topicId = (
    await db.topic.create({
      data: {
        yearId,
        code: "T-1",
        seq: 1,
        title: "测试选题",
        description: "说明",
        category: "PARTY_BUILDING",
        focus: "KEY",
        tier: "FEATURE",
        claimMode: "OPEN",
        claimClosesAt: new Date(),
      },
    })
  ).id;
  const units = [county.townshipA.id, county.townshipB.id, county.department.id];
  // 75 projects over two years, three units, every state, some drafts never submitted, words in titles and
  // problems (one with a LIKE wildcard), liaisons, sectors, one topic; several share an updatedAt.
  for (let i = 0; i < 75; i++) {
    const state = STATES[i % STATES.length];
    const project = await db.project.create({
      data: {
        yearId: i % 5 === 0 ? otherYearId : yearId,
        unitId: units[i % 3],
        state,
        title: `${i % 4 === 0 ? "党建引领" : "基层治理"}项目${i}${i === 7 ? " 100%_完成" : ""}`,
        problem: i % 6 === 0 ? null : `问题${i % 2 === 0 ? "积分" : "网格"}`,
        category: i % 3 === 0 ? "PARTY_BUILDING" : i % 3 === 1 ? null : "TALENT",
        focus: i % 2 === 0 ? "KEY" : null,
        tier: i % 4 === 1 ? "FEATURE" : null,
        submittedAt: state === "DRAFT" && i % 2 === 0 ? null : new Date(Date.UTC(2031, 0, 1 + (i % 9))),
        liaisonId: i % 4 === 0 ? staff.id : i % 4 === 1 ? admin.id : null,
        leadUserId: i === 18 ? lead.id : null,
        topicId: i % 10 === 0 ? topicId : null,
        updatedAt: new Date(Date.UTC(2031, 1, 1 + (i % 11))),
      },
    });
    ids.push(project.id);
    for (const [k, sectorId] of sectorIds.entries()) if ((i + k) % 3 === 0) await db.projectSector.create({ data: { projectId: project.id, sectorId } });
  }
});

/** Through Prisma, as the list was read before decision 0112 (and as the export still reads it). */
async function throughPrisma(v: ReturnType<typeof viewer>, filter: ProjectFilter & { yearId: string | null }) {
  const where = projectWhere(v, filter);
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: PROJECT_ORDER[filter.sort ?? "updated"],
      skip: (page - 1) * PROJECTS_PAGE_SIZE,
      take: PROJECTS_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        state: true,
        category: true,
        focus: true,
        tier: true,
        submittedAt: true,
        updatedAt: true,
        unit: { select: { name: true } },
        liaison: { select: { name: true } },
        topic: { select: { code: true } },
        programme: { select: { id: true, title: true } },
        sectors: { select: { sector: { select: { name: true, grouping: true } } }, orderBy: [{ sector: { sortOrder: "asc" } }, { sector: { name: "asc" } }] },
      },
    }),
  ]);
  return { total, page, pageSize: PROJECTS_PAGE_SIZE, projects: rows };
}

describe("the project list in one statement", () => {
  const filters: (ProjectFilter & { yearId: string | null })[] = [];
  beforeAll(() => {
    const y = { yearId };
    filters.push(
      { yearId: null },
      y,
      { ...y, state: "IN_PROGRESS", category: "PARTY_BUILDING" },
      { ...y, state: "DRAFT" },
      { ...y, stage: "approved" },
      { ...y, focus: "KEY", tier: "FEATURE" },
      { ...y, unitType: "TOWNSHIP" },
      { ...y, unitId: county.townshipB.id },
      { ...y, topicId },
      { ...y, sector: sectorIds[0] },
      { ...y, sector: "group:测试城乡" },
      { ...y, programme: "none" },
      { ...y, programme: "no-such-programme" },
      { ...y, liaison: "me" },
      { ...y, liaison: "none" },
      { ...y, liaison: admin.id },
      { ...y, q: "党建" },
      { ...y, q: "积分 基层" },
      { ...y, q: "100%_" },
      { ...y, q: "%" },
      { yearId: null, page: 2 },
      { yearId: null, page: 9 },
      { ...y, sort: "title" },
      { ...y, sort: "unit", page: 2 },
      { ...y, sort: "submitted" },
      { ...y, sort: "programme" },
    );
  });

  it("gives every reader the rows, order, names and count the Prisma where gives", async () => {
    for (const user of [admin, staff, clerkA, clerkB, lead]) {
      for (const filter of filters) {
        const expected = await throughPrisma(viewer(user), filter);
        const actual = await listProjects(viewer(user), filter);
        expect(actual, `${user.roles.join()} ${JSON.stringify(filter)}`).toEqual(expected);
      }
    }
  });

  it("keeps a unit to its own projects and the county off other units' unsubmitted drafts", async () => {
    const unit = await listProjects(viewer(clerkA), { yearId: null, page: 1 });
    const mine = await db.project.count({ where: { unitId: county.townshipA.id, id: { in: ids } } });
    expect(unit.total).toBe(mine);
    const all = await listProjects(viewer(admin), { yearId: null, state: "DRAFT" });
    const drafts = await db.project.findMany({ where: { id: { in: ids }, state: "DRAFT" }, select: { id: true, submittedAt: true, leadUserId: true } });
    expect(all.total).toBe(drafts.filter((d) => d.submittedAt !== null).length);
    // The cadre leading a project sees its draft (townshipA's), other county readers do not.
    expect((await listProjects(viewer(staff), { yearId: null, state: "DRAFT" })).projects.map((p) => p.id)).not.toContain(ids[18]);
    const led = await listProjects(viewer(lead), { yearId: null, state: "DRAFT" });
    expect(led.projects.map((p) => p.id)).toContain(ids[18]);
  });
});

describe("the list's count kept between writes (decision 0114)", () => {
  it("keeps a count until a write to the projects commits, and counts a sector filter afresh", async () => {
    const filter = { yearId, q: "党建" };
    const before = await listProjects(viewer(admin), filter);
    // Unseen by the counters, the count stays as kept (this fails if it is counted every time)...
    await behindTheCounters(Prisma.sql`UPDATE "Project" SET "title" = '党建' || "title" WHERE "id" = ${ids[1]}`);
    expect((await listProjects(viewer(admin), filter)).total).toBe(before.total);
    // ...and any committed write through the app moves the stamp: the next read counts again.
    await db.project.update({ where: { id: ids[2] }, data: { updatedAt: new Date(Date.UTC(2031, 1, 3)) } });
    expect((await listProjects(viewer(admin), filter)).total).toBe(before.total + 1);
    expect(await listProjects(viewer(admin), filter)).toEqual(await throughPrisma(viewer(admin), filter));
    // No counter watches the sectors of a project: that filter is counted on every read.
    const sector = { yearId, sector: sectorIds[2] };
    const counted = (await listProjects(viewer(admin), sector)).total;
    const outside = await db.project.findFirstOrThrow({
      where: { id: { in: ids }, yearId, state: { not: "DRAFT" }, sectors: { none: { sectorId: sectorIds[2] } } },
    });
    await db.projectSector.create({ data: { projectId: outside.id, sectorId: sectorIds[2] } });
    expect((await listProjects(viewer(admin), sector)).total).toBe(counted + 1);
    await db.projectSector.delete({ where: { projectId_sectorId: { projectId: outside.id, sectorId: sectorIds[2] } } });
    await db.project.update({ where: { id: ids[1] }, data: { title: `基层治理项目1` } });
  });

  it("finds a keyword's projects from the bigram index, not from every project of the year", async () => {
    // Few rows here, so the planner would rather read the table: forbid that to see that the index fits the query.
    const where = projectWhereSql(viewer(admin), { yearId: null, q: "党建" });
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN SELECT count(*) FROM "Project" p WHERE ${where}`);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Project_search_bigrams_idx");
  });
});

describe("the project page in one statement", () => {
  it("reads what the include read, scoped as before", async () => {
    const id = ids[3];
    await db.projectMilestone.createMany({
      data: [
        { projectId: id, sortOrder: 2, title: "第二步", dueDate: new Date(Date.UTC(2031, 5, 1, 16)) },
        { projectId: id, sortOrder: 1, title: "第一步", dueDate: null },
      ],
    });
    await db.projectEvent.createMany({
      data: [
        { projectId: id, kind: "create", actorName: "甲", at: new Date(Date.UTC(2031, 0, 1)) },
        { projectId: id, kind: "submit", toState: "SUBMITTED", note: "提交", actorName: "甲", at: new Date(Date.UTC(2031, 0, 2)) },
      ],
    });
    await db.guidanceNote.create({ data: { projectId: id, authorId: staff.id, authorName: "联系人", content: "指导" } });
    await db.projectVersion.createMany({ data: [1, 2].map((number) => ({ projectId: id, number, snapshot: { n: number }, submittedBy: "甲" })) });
    await db.consultation.create({
      data: {
        projectId: id,
        heldAt: new Date(Date.UTC(2031, 2, 1)),
        participants: "乙",
        problems: "问题",
        causes: "原因",
        countermeasures: "对策",
        followUpBy: "丙",
        followUpDue: new Date(Date.UTC(2031, 3, 1)),
        createdById: staff.id,
      },
    });
    await db.attachment.create({
      data: { projectId: id, fileName: "a.pdf", storageKey: `k-${id}`, mimeType: "application/pdf", size: 12, uploadedById: staff.id },
    });
    await db.project.update({
      where: { id },
      data: { selfAssessment: { A: "好" }, innovationKinds: ["WORK"], methods: ["ADD", "FIX"], startedAt: new Date() },
    });

    const expected = await db.project.findFirst({ where: { id }, include: PAGE_INCLUDE });
    const actual = await getProject(viewer(admin), id);
    expect(actual).toEqual(expected);
    expect(actual?.milestones.map((m) => m.title)).toEqual(["第一步", "第二步"]);
    expect(actual?.startedAt).toBeInstanceOf(Date);
    // A list column left NULL by a row written in SQL (the benchmark's projects): Prisma reads it as [].
    await db.$executeRaw`UPDATE "Project" SET "methods" = NULL, "innovationKinds" = NULL WHERE "id" = ${id}`;
    const nulls = await getProject(viewer(admin), id);
    expect(nulls?.methods).toEqual([]);
    expect(nulls).toEqual(await db.project.findFirst({ where: { id }, include: PAGE_INCLUDE }));

    // ids[3]: townshipA's. Another unit gets nothing; the county nothing of another unit's never-submitted draft.
    expect(await getProject(viewer(clerkA), id)).not.toBeNull();
    expect(await getProject(viewer(clerkB), id)).toBeNull();
    expect(await getProject(viewer(lead), ids[18])).not.toBeNull();
    expect(await getProject(viewer(staff), ids[18])).toBeNull();
    const draft = ids[0]; // DRAFT, never submitted, townshipA's
    expect(await getProject(viewer(admin), draft)).toBeNull();
    expect(await getProject(viewer(clerkA), draft)).not.toBeNull();
    expect(await getProject(viewer(admin), "no-such-project")).toBeNull();
  });

  it("says which other cards have rows, so that the page reads only those", async () => {
    const id = ids[6];
    expect((await projectPageRead(viewer(admin), id))?.related).toEqual({
      rectifications: false,
      promotion: false,
      meetingShares: false,
      events: false,
      awards: false,
    });
    await db.projectMark.create({ data: { projectId: id, mark: "BRAND", decidedOn: new Date(), reason: "理由", byId: admin.id } });
    expect((await projectPageRead(viewer(admin), id))?.related).toMatchObject({ promotion: true, meetingShares: false, events: false });
    // Another unit's reader gets nothing at all, flags included.
    expect(await projectPageRead(viewer(clerkB), id)).toBeNull();
  });

  it("offers the liaisons the Prisma read offered", async () => {
    await makeUser(["COUNTY_STAFF", "UNIT_USER"], county.townshipB.id);
    const inactive = await makeUser(["COUNTY_STAFF"], county.section.id);
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const expected = await db.user.findMany({
      where: { active: true, roles: { has: "COUNTY_STAFF" } },
      orderBy: [{ unit: { code: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, unit: { select: { name: true } } },
    });
    expect(expected.length).toBeGreaterThan(2);
    expect(await liaisonOptions()).toEqual(expected);
  });

  it("offers the units the Prisma read offered, named with their parent", async () => {
    await makeUnit("第二科", "SECTION", county.department.id);
    const retired = await makeUnit("旧乡", "TOWNSHIP", county.county.id);
    await db.unit.update({ where: { id: retired.id }, data: { active: false } });
    const units = await db.unit.findMany({
      where: { active: true },
      orderBy: [{ type: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, name: true, type: true, parentId: true, parent: { select: { name: true } } },
    });
    const expected = units.map(({ parent, ...unit }) => ({ ...unit, name: unitLabel({ ...unit, parent }) }));
    const actual = await unitOptions();
    expect(actual).toEqual(expected);
    expect(actual.map((u) => u.name)).toContain("县委组织部第二科");
    expect(actual.map((u) => u.id)).not.toContain(retired.id);
  });

  it("reads the hearing record the includes read", async () => {
    expect(await hearingRecordOf(ids[5])).toEqual([[], []]);
    const projectId = ids[4];
    const reviewers = [await makeUser(["REVIEWER"], county.section.id), await makeUser(["REVIEWER"], county.section.id)];
    for (const round of [1, 2]) {
      const hearing = await db.hearing.create({
        data: { yearId, kind: "HEARING", level: "COUNTY", title: `第${round}次听证`, heldAt: new Date(Date.UTC(2031, round, 1)), place: "会议室" },
      });
      const item = await db.hearingItem.create({ data: { hearingId: hearing.id, projectId, round } });
      for (const [k, reviewer] of reviewers.entries()) {
        const assignment = await db.reviewAssignment.create({
          data: { itemId: item.id, reviewerId: reviewer.id, createdAt: new Date(Date.UTC(2031, round, 1, k)) },
        });
        if (round === 1 || k === 0)
          await db.score.create({
            data: {
              assignmentId: assignment.id,
              values: {},
              total: 80 + k + 1 / 3,
              comment: k === 0 ? "好" : null,
              recommendation: k === 0 ? "APPROVE" : null,
              submittedAt: k === 0 ? new Date(Date.UTC(2031, round, 2)) : null,
            },
          });
      }
    }
    const meeting = await db.meeting.create({ data: { yearId, number: "第1次", heldAt: new Date(Date.UTC(2031, 4, 1)), attendees: "全体" } });
    await db.decision.create({ data: { meetingId: meeting.id, projectId, verdict: "APPROVE", opinion: "同意立项" } });

    // As the page read it through Prisma before decision 0111 (the assignments by reviewer, as the index gave them).
    const [rounds, decisions] = await Promise.all([
      db.hearingItem.findMany({
        where: { projectId },
        orderBy: { round: "asc" },
        select: {
          id: true,
          round: true,
          hearing: { select: { id: true, title: true, heldAt: true } },
          assignments: {
            orderBy: { reviewerId: "asc" },
            select: {
              id: true,
              reviewerId: true,
              score: { select: { total: true, comment: true, recommendation: true, submittedAt: true } },
              reviewer: { select: { name: true } },
            },
          },
        },
      }),
      db.decision.findMany({
        where: { projectId },
        orderBy: { decidedAt: "asc" },
        select: { id: true, verdict: true, opinion: true, decidedAt: true, meeting: { select: { number: true, heldAt: true } } },
      }),
    ]);
    const record = await hearingRecordOf(projectId);
    expect(record).toEqual([rounds, decisions]);
    expect(record[0]).toHaveLength(2);
    expect(record[0][0].assignments[0].score?.total).toBe(80 + 1 / 3);
    expect(record[0][1].assignments[1].score).toBeNull();
  });
});
