import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { searchAll } from "@/lib/search/queries";
import { splitWords } from "@/lib/search/schemas";
import { createProjectRecord } from "@/lib/projects/service";
import { listProjects } from "@/lib/projects/queries";
import { listTopics } from "@/lib/topics/queries";
import { listSuggestions } from "@/lib/suggestions/queries";
import { listCases } from "@/lib/promotion/queries";
import { createYearRecord } from "@/lib/years/service";
import type { ProjectState } from "@/lib/generated/prisma/enums";
import { behindTheCounters, makeCounty, makeUser } from "./support/fixtures";
import { Prisma } from "@/lib/generated/prisma/client";

type User = Awaited<ReturnType<typeof makeUser>>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let staff: User, leader: User, reviewer: User, clerkA: User, clerkB: User;
const ids: Record<string, string> = {};

async function project(
  unitId: string,
  clerk: User,
  yearId: string,
  state: ProjectState,
  fields: { title: string; problem?: string; measures?: string },
  submitted = true,
) {
  const actor = { id: clerk.id, username: clerk.username, name: clerk.name };
  const { id } = await db.$transaction((tx) => createProjectRecord(tx, { yearId }, unitId, { actor, ip: null }));
  await db.project.update({ where: { id }, data: { ...fields, state, submittedAt: submitted ? new Date() : null } });
  return id;
}

const search = (user: User, q: string) => searchAll({ roles: user.roles, unitId: user.unitId }, splitWords(q));
const titles = (hits: { title: string }[] | undefined) => (hits ?? []).map((hit) => hit.title);

beforeAll(async () => {
  county = await makeCounty();
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  leader = await makeUser(["LEADER"], county.county.id);
  reviewer = await makeUser(["REVIEWER"], county.department.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  const y2025 = await db.$transaction((tx) => createYearRecord(tx, 2025, null));
  const y2026 = await db.$transaction((tx) => createYearRecord(tx, 2026, null));
  ids.a = await project(county.townshipA.id, clerkA, y2026.id, "IN_PROGRESS", { title: "党员服务承诺制", problem: "群众反映办事难，村干部作风不实" });
  ids.aOld = await project(county.townshipA.id, clerkA, y2025.id, "COMPLETED", { title: "村务公开栏规范化", problem: "承诺事项不公开" });
  ids.b = await project(county.townshipB.id, clerkB, y2026.id, "SUBMITTED", { title: "流动党员党组织建设", problem: "外出务工党员多，承诺难兑现" });
  ids.bDraft = await project(county.townshipB.id, clerkB, y2026.id, "DRAFT", { title: "承诺践诺草稿" }, false);
  ids.case = await project(county.townshipB.id, clerkB, y2025.id, "COMPLETED", {
    title: "无职党员设岗定责",
    problem: "无职党员作用发挥不明显",
    measures: "设置政策宣传、矛盾调解岗位，年底承诺评议",
  });
  await db.projectMark.create({ data: { projectId: ids.case, mark: "DEMONSTRATION", decidedOn: new Date(), reason: "经验可复制", byId: staff.id } });

  const aspect = await db.suggestionAspect.create({ data: { category: "PARTY_BUILDING", name: "测试方面" } });
  const topic = (code: string, seq: number, title: string, status: "DRAFT" | "PUBLISHED") =>
    db.topic.create({
      data: {
        yearId: y2026.id,
        code,
        seq,
        title,
        description: "围绕群众关心的问题设计载体",
        category: "PARTY_BUILDING",
        aspectId: aspect.id,
        focus: "HOT",
        tier: "ROUTINE",
        claimMode: "OPEN",
        claimClosesAt: new Date(Date.now() + 86_400_000),
        status,
      },
    });
  ids.topicPublished = (await topic("2026-JC-01", 1, "承诺事项公开办理", "PUBLISHED")).id;
  ids.topicDraft = (await topic("2026-JC-02", 2, "承诺考评办法", "DRAFT")).id;
  ids.suggestion = (
    await db.suggestion.create({
      data: { receiptNo: "JY2026000123", yearId: y2026.id, category: "PARTY_BUILDING", aspectId: aspect.id, content: "建议推行党员承诺公开，接受群众监督" },
    })
  ).id;
});

describe("search", () => {
  it("finds a project by a two-character word in its title or its problem, every word required", async () => {
    const result = await search(clerkA, "承诺");
    expect(titles(result.projects?.hits).sort()).toEqual(["党员服务承诺制", "村务公开栏规范化"].sort());
    expect(result.projects?.total).toBe(2);
    expect(result.projects?.byYear).toEqual([
      { year: 2026, count: 1 },
      { year: 2025, count: 1 },
    ]);
    expect(titles((await search(clerkA, "作风")).projects?.hits)).toEqual(["党员服务承诺制"]);
    expect(titles((await search(clerkA, "承诺  作风")).projects?.hits)).toEqual(["党员服务承诺制"]);
    expect((await search(clerkA, "承诺 没有的词")).projects?.total).toBe(0);
    // One character, and a word of three: both found without the bigram index's help or with it.
    expect(titles((await search(clerkA, "栏")).projects?.hits)).toEqual(["村务公开栏规范化"]);
    expect(titles((await search(clerkA, "服务承诺制")).projects?.hits)).toEqual(["党员服务承诺制"]);
  });

  it("a unit finds neither another unit's project, nor draft topics, nor suggestions", async () => {
    const result = await search(clerkA, "承诺");
    expect(result.projects?.hits.map((hit) => hit.id)).not.toContain(ids.b);
    expect(titles(result.topics?.hits)).toEqual(["承诺事项公开办理"]);
    expect(result.suggestions).toBeNull();
  });

  it("county readers find every unit's projects but not another unit's unsubmitted draft, draft topics and suggestions", async () => {
    const result = await search(staff, "承诺");
    const found = result.projects?.hits.map((hit) => hit.id) ?? [];
    expect(found.sort()).toEqual([ids.a, ids.aOld, ids.b].sort());
    expect(found).not.toContain(ids.bDraft);
    expect(titles(result.topics?.hits).sort()).toEqual(["承诺事项公开办理", "承诺考评办法"].sort());
    expect(result.suggestions?.hits.map((hit) => hit.id)).toEqual([ids.suggestion]);
    // By its receipt number too, in any case.
    expect((await search(leader, "jy2026000123")).suggestions?.total).toBe(1);
  });

  it("the case library hit appears for a unit (another unit's project), matched in its measures too", async () => {
    const result = await search(clerkA, "评议");
    expect(result.cases?.hits.map((hit) => hit.id)).toEqual([ids.case]);
    expect(result.projects?.total).toBe(0);
    expect((await search(clerkA, "甲镇")).cases?.total).toBe(0);
    expect((await search(clerkA, "乙乡 设岗")).cases?.total).toBe(1);
  });

  it("a reviewer sees no projects and no suggestions, but the catalogue and the case library", async () => {
    const result = await search(reviewer, "承诺");
    expect(result.projects).toBeNull();
    expect(result.suggestions).toBeNull();
    expect(titles(result.topics?.hits)).toEqual(["承诺事项公开办理"]);
    expect(result.cases?.total).toBe(1);
  });

  it("each module's list finds with the same words what its 查看全部 link promises", async () => {
    const y2026 = await db.year.findFirstOrThrow({ where: { year: 2026 } });
    for (const q of ["承诺", "党员 承诺", "承诺 群众"]) {
      const found = await search(staff, q);
      const inYear = (section: { byYear: { year: number; count: number }[] } | null) => section?.byYear.find((row) => row.year === 2026)?.count ?? 0;
      expect((await listProjects(staff, { q, yearId: y2026.id })).total).toBe(inYear(found.projects));
      expect((await listTopics(staff, { q, yearId: y2026.id })).total).toBe(inYear(found.topics));
      expect((await listSuggestions({ q, yearId: y2026.id })).total).toBe(inYear(found.suggestions));
      expect((await listCases({ q })).total).toBe(found.cases?.total);
    }
    expect((await search(staff, "党员 承诺")).suggestions?.total).toBe(1);
  });

  it("keeps the counts per year until a project changes, and counts suggestions afresh (decision 0114)", async () => {
    const before = await search(staff, "承诺");
    // Unseen by the change counters, the kept counts stay (this fails if they are counted on every search)...
    await behindTheCounters(Prisma.sql`UPDATE "Project" SET "problem" = "problem" || '承诺' WHERE "id" = ${ids.case}`);
    expect((await search(staff, "承诺")).projects).toMatchObject({ total: before.projects?.total, byYear: before.projects?.byYear });
    // ...and a committed write moves the stamp: the next search counts again.
    await db.project.update({ where: { id: ids.case }, data: { updatedAt: new Date() } });
    const after = await search(staff, "承诺");
    expect(after.projects?.total).toBe((before.projects?.total ?? 0) + 1);
    expect(after.projects?.byYear.find((row) => row.year === 2025)?.count).toBe((before.projects?.byYear.find((row) => row.year === 2025)?.count ?? 0) + 1);
    // No counter watches the suggestions: counted on every search.
    const suggestion = await db.suggestion.findUniqueOrThrow({ where: { id: ids.suggestion } });
    await db.suggestion.update({ where: { id: suggestion.id }, data: { content: "已改写" } });
    expect((await search(staff, "承诺")).suggestions?.total).toBe((before.suggestions?.total ?? 0) - 1);
    await db.suggestion.update({ where: { id: suggestion.id }, data: { content: suggestion.content } });
    await db.project.update({ where: { id: ids.case }, data: { problem: "无职党员作用发挥不明显" } });
  });

  it("gives a county reader the first hits in the same order whether the newest-first walk finds them or not", async () => {
    // Every window from one project per year up: a window too small for a year that holds more projects makes the
    // walk give up and read through the bigram index; either way the hits are the first ones in the page's order.
    // Edited after later-made ones (ids follow the making order): the order is by updatedAt, not by id.
    await db.project.update({ where: { id: ids.aOld }, data: { updatedAt: new Date(Date.UTC(2030, 0, 1)) } });
    await db.project.update({ where: { id: ids.a }, data: { updatedAt: new Date(Date.UTC(2030, 0, 1)) } });
    for (const q of ["承诺", "党员", "党员 承诺", "公开", "没有的词"]) {
      const words = splitWords(q);
      for (const limit of [1, 2, 5]) {
        const expected = await db.project.findMany({
          where: {
            OR: [{ state: { not: "DRAFT" } }, { submittedAt: { not: null } }],
            AND: words.map((word) => ({
              OR: [{ title: { contains: word, mode: "insensitive" as const } }, { problem: { contains: word, mode: "insensitive" as const } }],
            })),
          },
          orderBy: [{ year: { year: "desc" } }, { updatedAt: "desc" }, { id: "desc" }],
          take: limit,
          select: { id: true },
        });
        for (const window of [1, 2, 3, 2000]) {
          const found = await searchAll({ roles: staff.roles, unitId: staff.unitId }, words, limit, window);
          expect(
            found.projects?.hits.map((hit) => hit.id),
            `${q} ${limit} ${window}`,
          ).toEqual(expected.map((row) => row.id));
        }
      }
    }
  });

  it("takes % and _ as plain characters", async () => {
    expect((await search(staff, "%")).projects?.total).toBe(0);
    expect((await search(staff, "_")).topics?.total).toBe(0);
  });

  it("uses the bigram index for a two-character word", async () => {
    // Few rows here, so the planner would rather read the table: forbid that to see that the index fits the query.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT count(*) FROM "Project" p WHERE search_bigrams(p."title" || E'\\n' || coalesce(p."problem", '')) @> ARRAY['承诺']::text[]`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Project_search_bigrams_idx");
  });
});
