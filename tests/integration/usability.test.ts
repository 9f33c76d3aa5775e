// Issue 20 points 3, 5 and 12 on a real database: the project code, the unit's /reports list, the 申报书 document
// and its readers, and the hearing ranking by the aggregate chosen with the rubric.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addAgendaItems, assignReviewer, createHearing, saveRubric, setHearingReviewers } from "@/lib/hearings/actions";
import { storeScore } from "@/lib/hearings/scores";
import { hearingRanking, rubricOf, yearRanking } from "@/lib/hearings/queries";
import { DEFAULT_RUBRIC } from "@/lib/hearings/scoring";
import { createProjectRecord, saveDraftRecord, transitionProjectRecord } from "@/lib/projects/service";
import { proposalVersionFor } from "@/lib/projects/queries";
import { proposalDocument } from "@/lib/documents/proposal";
import { documentText } from "@/lib/documents/model";
import { renderDocx } from "@/lib/documents/docx";
import { saveReport, submitReport } from "@/lib/reports/actions";
import { unitReportItems, unitReportsDue } from "@/lib/reports/queries";
import { quarterOf, quarterStart } from "@/lib/reports/quarters";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";
import { unitCarrier } from "@/lib/projects/carrier";

const YEAR = Number(formatDate(new Date()).slice(0, 4));
const NOW = quarterOf(new Date());

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let lenient: Awaited<ReturnType<typeof makeUser>>;
let harsh: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;
let lastYearId: string;

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });
const actor = (user: { id: string; username: string; name: string }) => ({ actor: { id: user.id, username: user.username, name: user.name }, ip: null });

beforeAll(async () => {
  county = await makeCounty();
  const school = await makeUnit("县委党校", "DEPARTMENT", county.county.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  lenient = await makeUser(["REVIEWER"], school.id);
  harsh = await makeUser(["REVIEWER"], school.id);
  lastYearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR - 1, null))).id;
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  for (const id of [yearId, lastYearId])
    await db.yearWindow.update({
      where: { yearId_kind: { yearId: id, kind: "PROPOSAL" } },
      data: { startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000) },
    });
});

beforeEach(() => signOutTestUser());

/** A complete proposal of the clerk's unit, submitted through the project services. */
async function submittedProject(clerk: typeof clerkA, title: string, year = yearId) {
  return db.$transaction(async (tx) => {
    const { id } = await createProjectRecord(tx, { yearId: year }, clerk.unitId, actor(clerk));
    const { version } = await saveDraftRecord(
      tx,
      {
        id,
        version: 0,
        title,
        leaderName: "周书记",
        leaderContact: "13800000000",
        category: "PARTY_BUILDING",
        focus: "KEY",
        tier: "FEATURE",
        problem: "村级服务力量不足。\n群众办事要跑多趟。",
        innovationKinds: ["WORK"],
        methods: ["ADD"],
        sectorIds: ["sector_rural"],
        goals: "服务队全覆盖",
        measures: "每月固定服务日",
        expectedResults: "群众满意度提升",
        inputPeople: "专班 3 人",
        inputMoney: "2 万元",
        inputMaterials: null,
        selfAssessment: { fit: "符合", novelty: "有新意", design: "载体新", impact: "有推动", replicability: "可推广" },
        milestones: [{ title: "组建服务队", dueDate: `${YEAR}-12-30` }],
      },
      unitCarrier(clerk.unitId),
      actor(clerk),
    );
    await transitionProjectRecord(tx, { id, version, transition: "submit" }, { kind: "unit", carrier: unitCarrier(clerk.unitId) }, actor(clerk));
    return id;
  });
}

/** The 部务会 approves it (立项), through the same transition the decision service makes. */
async function approve(id: string) {
  await db.$transaction(async (tx) => {
    const { version } = await tx.project.findUniqueOrThrow({ where: { id } });
    await transitionProjectRecord(tx, { id, version, transition: "approve" }, { kind: "hearing" }, actor(admin));
  });
  return (await db.project.findUniqueOrThrow({ where: { id } })).code;
}

describe("项目编号", () => {
  it("is given when the project is approved (立项), in order within the year, and not before", async () => {
    const draft = await db.$transaction((tx) => createProjectRecord(tx, { yearId }, clerkA.unitId, actor(clerkA)));
    expect((await db.project.findUniqueOrThrow({ where: { id: draft.id } })).code).toBeNull();
    const first = await submittedProject(clerkA, "编号一");
    const second = await submittedProject(clerkB, "编号二");
    const lastYear = await submittedProject(clerkB, "去年的项目", lastYearId);
    expect((await db.project.findUniqueOrThrow({ where: { id: first } })).code).toBeNull();
    for (const id of [first, second, lastYear]) await approve(id);
    const codes = await db.project.findMany({ where: { id: { in: [first, second, lastYear] } }, select: { id: true, code: true } });
    const codeOf = (id: string) => codes.find((c) => c.id === id)?.code;
    const firstNumber = Number(codeOf(first)!.split("-")[1]);
    expect(codeOf(first)).toMatch(new RegExp(`^${YEAR}-\\d{3}$`));
    expect(codeOf(second)).toBe(`${YEAR}-${String(firstNumber + 1).padStart(3, "0")}`);
    expect(codeOf(lastYear)).toBe(`${YEAR - 1}-001`);
  });
});

describe("项目编号 of projects approved before the migration", () => {
  it("numbers the approved ones of each year in the order of approval and leaves the others without", async () => {
    const late = await submittedProject(clerkA, "后立项的项目");
    const early = await submittedProject(clerkB, "先立项的项目");
    const pending = await submittedProject(clerkB, "未立项的项目");
    await approve(early);
    await approve(late);
    const sql = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261207600000_project_code_rank_aggregate/migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf('UPDATE "Project"'));
    const before = await db.project.findMany({ where: { code: { not: null } }, select: { id: true, code: true } });
    // As the migration found them: no codes yet.
    await db.project.updateMany({ data: { code: null } });
    await db.$executeRawUnsafe(backfill);
    const after = await db.project.findMany({ where: { code: { not: null } }, select: { id: true, code: true } });
    expect(new Map(after.map((p) => [p.id, p.code]))).toEqual(new Map(before.map((p) => [p.id, p.code])));
    const codeOf = (id: string) => after.find((p) => p.id === id)?.code ?? null;
    expect(Number(codeOf(late)!.slice(5))).toBe(Number(codeOf(early)!.slice(5)) + 1);
    expect(codeOf(pending)).toBeNull();
  });
});

describe("申报书 (the formal document of a submitted version)", () => {
  it("is readable by its own unit and the county, not by another unit, and lays out the whole form", async () => {
    const id = await submittedProject(clerkA, "党员志愿服务队全覆盖");
    const draftNumber = proposalDocument((await proposalVersionFor(viewer(clerkA), { projectId: id, number: 1 }))!).number;
    expect(draftNumber).toBe("第 1 版"); // no code before 立项
    await approve(id);
    const project = await db.project.findUniqueOrThrow({ where: { id } });
    expect(await proposalVersionFor(viewer(clerkB), { projectId: id, number: 1 })).toBeNull();
    const version = await proposalVersionFor(viewer(clerkA), { projectId: id, number: 1 });
    expect(version).not.toBeNull();
    expect((await proposalVersionFor(viewer(admin), { versionId: version!.id }))?.id).toBe(version!.id);
    expect(await proposalVersionFor(viewer(clerkB), { versionId: version!.id })).toBeNull();
    expect(await proposalVersionFor(viewer(clerkA), { projectId: id, number: 2 })).toBeNull();

    const doc = proposalDocument(version!);
    expect(doc).toMatchObject({ type: "proposal", letterhead: false, issuer: "甲镇", number: `项目编号：${project.code}　第 1 版` });
    expect(doc.title).toBe(`${YEAR}年度组织工作改革创新项目申报书`);
    const text = documentText(doc);
    for (const words of [
      "项目名称 党员志愿服务队全覆盖",
      "申报单位 甲镇",
      `申报年度 ${YEAR}年度`,
      "类别 基层党建",
      "党组织领域",
      "村级服务力量不足。",
      "群众办事要跑多趟。",
    ])
      expect(text).toContain(words);
    for (const words of [
      "五、实施节点",
      "组建服务队",
      "六、投入保障（预算）",
      "资金投入 2 万元",
      "七、对照创新标准自评",
      "可推广",
      "申报单位（盖章）：",
      "日期：",
    ])
      expect(text).toContain(words);
    expect((await renderDocx(doc)).length).toBeGreaterThan(1000);
  });
});

describe("the unit's /reports list", () => {
  it("shows the current year's open items with code and year by default, earlier years and submitted ones on request", async () => {
    // A project of last year still in implementation: last year's four quarters are overdue, this year's are open.
    const id = await submittedProject(clerkA, "跨年度实施的项目", lastYearId);
    await approve(id);
    await db.project.update({ where: { id }, data: { state: "IN_PROGRESS", startedAt: quarterStart(YEAR - 1, 1) } });
    const code = (await db.project.findUniqueOrThrow({ where: { id } })).code;
    const open = await unitReportItems(viewer(clerkA), { year: YEAR, show: "open", page: 1 });
    const mine = open.rows.filter((row) => row.projectId === id);
    expect(mine.map((row) => row.quarter)).toEqual(Array.from({ length: NOW.quarter }, (_, i) => i + 1));
    expect(mine.every((row) => row.year === YEAR && row.projectYear === YEAR - 1 && row.code === code)).toBe(true);
    expect(open.earlierOpen).toBe(4);
    // The same status as the dashboard's rule (cellStatus) for every item.
    const due = await unitReportsDue(viewer(clerkA));
    for (const row of mine) expect(due.find((d) => d.project.id === id && d.year === row.year && d.quarter === row.quarter)?.status).toBe(row.status);

    const earlier = await unitReportItems(viewer(clerkA), { year: "all", show: "open", page: 1 });
    expect(earlier.rows.filter((row) => row.projectId === id && row.year === YEAR - 1).map((row) => row.status)).toEqual([
      "missing",
      "missing",
      "missing",
      "missing",
    ]);

    // Submitted: gone from the open list, still in the full one.
    await actAs(clerkA);
    const fields = { progress: "已组建服务队", percent: 30, problems: null, nextSteps: "推开", milestones: [] };
    expect((await saveReport({ projectId: id, year: YEAR, quarter: NOW.quarter, ...fields }))?.data).toBeTruthy();
    expect((await submitReport({ projectId: id, year: YEAR, quarter: NOW.quarter, version: 0 }))?.data).toBeTruthy();
    const after = await unitReportItems(viewer(clerkA), { year: YEAR, show: "open", page: 1 });
    expect(after.total).toBe(open.total - 1);
    expect(after.rows.some((row) => row.projectId === id && row.quarter === NOW.quarter)).toBe(false);
    const all = await unitReportItems(viewer(clerkA), { year: YEAR, show: "all", page: 1 });
    expect(all.rows.find((row) => row.projectId === id && row.quarter === NOW.quarter)?.status).toMatch(/^(submitted|late)$/);

    // Another unit sees none of it.
    const other = await unitReportItems(viewer(clerkB), { year: "all", show: "all", page: 1 });
    expect(other.rows.some((row) => row.projectId === id)).toBe(false);
  });
});

describe("ranking by the aggregate chosen with the rubric", () => {
  it("ranks by it, shows both ranks, flags the items whose ranks differ, and freezes the choice at the first score", async () => {
    await actAs(clerkA);
    expect((await saveRubric({ yearId, version: 0, criteria: DEFAULT_RUBRIC, rankBy: "NORMALIZED_MEAN" }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    expect((await saveRubric({ yearId, version: 0, criteria: DEFAULT_RUBRIC, rankBy: "NORMALIZED_MEAN" }))?.data).toEqual({ ok: true });
    expect((await rubricOf(yearId)).rankBy).toBe("NORMALIZED_MEAN");

    // True quality P1 < P2 < P3 < P4; the lenient reviewer scores P1–P3, the harsh one P2–P4 (tests/unit/hearings.test.ts).
    const ids = [
      await submittedProject(clerkA, "排名一"),
      await submittedProject(clerkB, "排名二"),
      await submittedProject(clerkA, "排名三"),
      await submittedProject(clerkB, "排名四"),
    ];
    const created = await createHearing({
      yearId,
      kind: "HEARING",
      level: "DEPARTMENT",
      title: "排名依据听证会",
      heldAt: toDateTimeLocal(new Date()),
      place: "三楼",
      attendees: null,
    });
    const hearingId = created!.data!.id;
    await addAgendaItems({ hearingId, projectIds: ids });
    await setHearingReviewers({ hearingId, version: 0, userIds: [lenient.id, harsh.id] });
    const items = await db.hearingItem.findMany({ where: { hearingId } });
    const itemOf = (projectId: string) => items.find((item) => item.projectId === projectId)!.id;
    const plan: [typeof lenient, number, number][] = [
      [lenient, 0, 8],
      [lenient, 1, 8.5],
      [lenient, 2, 9],
      [harsh, 1, 6.5],
      [harsh, 2, 7],
      [harsh, 3, 7.5],
    ];
    for (const [reviewer, index] of plan) expect((await assignReviewer({ itemId: itemOf(ids[index]), reviewerId: reviewer.id }))?.data).toBeTruthy();
    for (const [reviewer, index, each] of plan) {
      const assignment = await db.reviewAssignment.findUniqueOrThrow({ where: { itemId_reviewerId: { itemId: itemOf(ids[index]), reviewerId: reviewer.id } } });
      const values = Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, each]));
      await storeScore({ assignmentId: assignment.id, values, comment: null, recommendation: "APPROVE", submit: true }, reviewer.id, actor(reviewer));
    }
    // Frozen with the rubric at the first score.
    expect((await saveRubric({ yearId, version: 1, criteria: DEFAULT_RUBRIC, rankBy: "TRIMMED_MEAN" }))?.serverError).toMatch(/已锁定/);

    const ranking = await hearingRanking(hearingId, yearId, 1);
    expect(ranking.by).toBe("normalizedMean");
    const rows = ranking.rows.map((row) => [row.item.project.title, row.rank, row.trimmedRank, row.normalizedRank, row.ranksDiffer]);
    expect(rows).toEqual([
      ["排名四", 1, 3, 1, true],
      ["排名三", 2, 1, 2, true],
      ["排名二", 3, 3, 3, false],
      ["排名一", 4, 1, 4, true],
    ]);
    expect(ranking.differ).toBe(3);
    const year = await yearRanking(yearId, 1);
    expect(year.by).toBe("normalizedMean");
    expect(year.rows.filter((row) => ids.includes(row.item.project.id)).map((row) => [row.item.project.title, row.trimmedRank, row.normalizedRank])).toEqual([
      ["排名四", 3, 1],
      ["排名三", 1, 2],
      ["排名二", 3, 3],
      ["排名一", 1, 4],
    ]);
  });
});
