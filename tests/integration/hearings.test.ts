import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addAgendaItems,
  assignReviewer,
  autoAssignReviewers,
  closeHearing,
  createHearing,
  createMeeting,
  declareConflict,
  recordDecision,
  remindReviewers,
  saveRubric,
  saveScore,
  setHearingReviewers,
} from "@/lib/hearings/actions";
import { storeScore, saveScoreRecord } from "@/lib/hearings/scores";
import {
  assignmentForReviewer,
  hearingAgenda,
  hearingRanking,
  hearingResults,
  listHearings,
  myAssignments,
  myHearingProgress,
  nextAssignment,
  yearRanking,
} from "@/lib/hearings/queries";
import { DEFAULT_RUBRIC } from "@/lib/hearings/scoring";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createProjectRecord, saveDraftRecord, transitionProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, behindTheCounters, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";
import { Prisma } from "@/lib/generated/prisma/client";
import { unitCarrier } from "@/lib/projects/carrier";

const YEAR = Number(formatDate(new Date()).slice(0, 4));

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let reviewers: Awaited<ReturnType<typeof makeUser>>[];
let sameUnitReviewer: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;

beforeAll(async () => {
  county = await makeCounty();
  const school = await makeUnit("县委党校", "DEPARTMENT", county.county.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  reviewers = await Promise.all([1, 2, 3, 4].map(() => makeUser(["REVIEWER"], school.id)));
  // Works in 甲镇: must never review 甲镇's proposals.
  sameUnitReviewer = await makeUser(["REVIEWER"], county.townshipA.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  await db.yearWindow.update({
    where: { yearId_kind: { yearId, kind: "PROPOSAL" } },
    data: { startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000) },
  });
});

beforeEach(() => signOutTestUser());

const actor = (user: { id: string; username: string; name: string }) => ({ actor: { id: user.id, username: user.username, name: user.name }, ip: null });

/** A submitted proposal of the clerk's unit, made through the project services. */
async function submittedProject(clerk: typeof clerkA, title: string) {
  return db.$transaction(async (tx) => {
    const { id } = await createProjectRecord(tx, { yearId }, clerk.unitId, actor(clerk));
    const { version } = await saveDraftRecord(
      tx,
      {
        id,
        version: 0,
        title,
        leaderName: "书记",
        leaderContact: "13800000000",
        category: "PARTY_BUILDING",
        focus: "KEY",
        tier: "FEATURE",
        problem: "问题",
        innovationKinds: ["WORK"],
        methods: ["ADD"],
        sectorIds: ["sector_rural"],
        goals: "目标",
        measures: "措施",
        expectedResults: "成效",
        inputPeople: "3 人",
        inputMoney: "1 万",
        inputMaterials: null,
        selfAssessment: { fit: "是", novelty: "是", design: "是", impact: "是", replicability: "是" },
        milestones: [{ title: "方案", dueDate: `${YEAR}-12-30` }],
      },
      unitCarrier(clerk.unitId),
      actor(clerk),
    );
    await transitionProjectRecord(tx, { id, version, transition: "submit" }, { kind: "unit", carrier: unitCarrier(clerk.unitId) }, actor(clerk));
    return id;
  });
}

/** A hearing with the given projects on its agenda and every test reviewer seated. */
async function hearingWith(projectIds: string[], seated = [...reviewers, sameUnitReviewer]) {
  await actAs(admin);
  const created = await createHearing({
    yearId,
    kind: "HEARING",
    level: "DEPARTMENT",
    title: `听证会${Math.random()}`,
    heldAt: toDateTimeLocal(new Date()),
    place: "三楼会议室",
    attendees: "群众代表 2 名",
  });
  const hearingId = created!.data!.id;
  expect((await addAgendaItems({ hearingId, projectIds }))?.data?.added).toBe(projectIds.length);
  expect((await setHearingReviewers({ hearingId, version: 0, userIds: seated.map((r) => r.id) }))?.data).toBeTruthy();
  return hearingId;
}

const full = { fit: 8, novelty: 7, design: 9, impact: 6, replicability: 10 };

describe("agenda and assignment", () => {
  it("puts submitted proposals on the agenda (听证中) and assigns reviewers evenly, never across a conflict", async () => {
    const a1 = await submittedProject(clerkA, "甲镇项目一");
    const a2 = await submittedProject(clerkA, "甲镇项目二");
    const b1 = await submittedProject(clerkB, "乙乡项目");
    const hearingId = await hearingWith([a1, a2, b1]);
    expect((await db.project.findUniqueOrThrow({ where: { id: a1 } })).state).toBe("IN_HEARING");

    const result = await autoAssignReviewers({ hearingId, perProposal: 2 });
    expect(result?.data).toEqual({ added: 6, short: [] });
    const assignments = await db.reviewAssignment.findMany({ where: { item: { hearingId } }, include: { item: true } });
    const ofA = assignments.filter((a) => a.item.projectId !== b1);
    expect(ofA.some((a) => a.reviewerId === sameUnitReviewer.id)).toBe(false);
    const load = new Map<string, number>();
    for (const a of assignments) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);

    const itemA1 = assignments.find((a) => a.item.projectId === a1)!.item;
    const manual = await assignReviewer({ itemId: itemA1.id, reviewerId: sameUnitReviewer.id });
    expect(manual?.validationErrors?.fieldErrors.reviewerId?.[0]).toMatch(/须回避/);
    // Running it again adds nothing: every proposal already has its two.
    expect((await autoAssignReviewers({ hearingId, perProposal: 2 }))?.data?.added).toBe(0);
  });

  it("removes a declared conflict, tells the admin, and never assigns that pair again", async () => {
    const project = await submittedProject(clerkB, "乙乡回避项目");
    const hearingId = await hearingWith([project], reviewers.slice(0, 2));
    await autoAssignReviewers({ hearingId, perProposal: 2 });
    const mine = await db.reviewAssignment.findFirstOrThrow({ where: { reviewerId: reviewers[0].id, item: { hearingId } } });
    await actAs(reviewers[0]);
    expect((await declareConflict({ assignmentId: mine.id, reason: "" }))?.validationErrors?.fieldErrors.reason).toBeTruthy();
    expect((await declareConflict({ assignmentId: mine.id, reason: "本人曾在乙乡挂职" }))?.data).toBeTruthy();
    expect(await db.reviewAssignment.count({ where: { id: mine.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: admin.id, kind: "hearing.conflict" } })).toBeGreaterThan(0);
    await actAs(admin);
    expect((await autoAssignReviewers({ hearingId, perProposal: 2 }))?.data).toEqual({ added: 0, short: [{ title: "乙乡回避项目", missing: 1 }] });
  });
});

describe("scoring", () => {
  it("keeps each reviewer to their own assignments and scores, validates against the rubric and freezes it", async () => {
    const project = await submittedProject(clerkB, "打分项目");
    const hearingId = await hearingWith([project], reviewers.slice(0, 3));
    await autoAssignReviewers({ hearingId, perProposal: 3 });
    const [first, second] = await db.reviewAssignment.findMany({ where: { item: { hearingId } }, orderBy: { reviewerId: "asc" } });
    const owner = reviewers.find((r) => r.id === first.reviewerId)!;
    const other = reviewers.find((r) => r.id === second.reviewerId)!;

    await actAs(other);
    expect((await saveScore({ assignmentId: first.id, values: full, comment: null, recommendation: "APPROVE", submit: true }))?.serverError).toBe(
      "评审任务不存在",
    );
    expect(await assignmentForReviewer(other.id, first.id)).toBeNull();

    await actAs(owner);
    const over = await saveScore({ assignmentId: first.id, values: { ...full, fit: 11 }, comment: null, recommendation: "APPROVE", submit: true });
    expect(over?.validationErrors?.fieldErrors.values?.[0]).toMatch(/须在 0 至 10 之间/);
    const noVerdict = await saveScore({ assignmentId: first.id, values: full, comment: null, recommendation: null, submit: true });
    expect(noVerdict?.validationErrors?.fieldErrors.recommendation).toBeTruthy();
    const draft = await saveScore({ assignmentId: first.id, values: { fit: 8 }, comment: "先打一项", recommendation: null, submit: false });
    expect(draft?.data).toEqual({ version: 0, total: null, submitted: false });
    expect((await db.rubric.findUniqueOrThrow({ where: { yearId } })).frozenAt).not.toBeNull();
    await actAs(admin);
    expect((await saveRubric({ yearId, version: 1, criteria: DEFAULT_RUBRIC }))?.serverError).toMatch(/已锁定/);

    await actAs(owner);
    const submitted = await saveScore({ assignmentId: first.id, version: 0, values: full, comment: "好", recommendation: "APPROVE", submit: true });
    expect(submitted?.data).toEqual({ version: 1, total: 80, submitted: true });
    const others = await myAssignments(other.id, { status: "all", page: 1 });
    expect(others.total).toBeGreaterThan(0);
    expect(others.assignments.every((a) => a.reviewerId === other.id)).toBe(true);
    // The owner's lists, filtered in the database: the submitted score has left what is to do.
    const ids = async (status: "todo" | "draft" | "submitted") => (await myAssignments(owner.id, { hearingId, status, page: 1 })).assignments.map((a) => a.id);
    expect(await ids("submitted")).toEqual([first.id]);
    expect(await ids("todo")).not.toContain(first.id);
    expect(await ids("draft")).toEqual([]);
    expect((await myHearingProgress(owner.id)).find((h) => h.id === hearingId)).toMatchObject({ total: 1, submitted: 1, drafts: 0 });
    expect((await myHearingProgress(other.id)).find((h) => h.id === hearingId)).toMatchObject({ total: 1, submitted: 0 });
    expect(await db.auditLog.count({ where: { action: "hearing.score", entityId: hearingId } })).toBe(1);
    // A submission from a stale form is refused whole: neither the score nor its audit line is written.
    const stale = await saveScore({ assignmentId: first.id, version: 0, values: full, comment: "旧页面", recommendation: "REJECT", submit: true });
    expect(stale?.serverError).toBe(STALE_RECORD);
    expect(await db.score.findUniqueOrThrow({ where: { assignmentId: first.id } })).toMatchObject({ comment: "好", version: 1 });
    expect(await db.auditLog.count({ where: { action: "hearing.score", entityId: hearingId } })).toBe(1);

    await actAs(admin);
    expect((await remindReviewers({ hearingId }))?.data?.reminded).toBe(2);
    const { version } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect((await closeHearing({ id: hearingId, version }))?.data).toBeTruthy();
    await actAs(owner);
    expect((await saveScore({ assignmentId: first.id, version: 1, values: full, comment: "改", recommendation: "REVISE", submit: true }))?.serverError).toBe(
      "听证会已结束，评分不能再改",
    );
  });

  it("stores one of two saves of the same version, the second told the score has changed (never overwritten silently)", async () => {
    const project = await submittedProject(clerkB, "同版本两次保存");
    const hearingId = await hearingWith([project], reviewers.slice(0, 1));
    await autoAssignReviewers({ hearingId, perProposal: 1 });
    const [assignment] = await db.reviewAssignment.findMany({ where: { item: { hearingId } } });
    const reviewer = reviewers.find((r) => r.id === assignment.reviewerId)!;
    // The draft first, then two submissions of its version (a submission writes an audit line with the score).
    const save = (tx: Parameters<typeof saveScoreRecord>[0], comment: string, version?: number) =>
      saveScoreRecord(
        tx,
        version === undefined
          ? { assignmentId: assignment.id, values: { fit: 5 }, comment, recommendation: null, submit: false }
          : { assignmentId: assignment.id, version, values: full, comment, recommendation: "APPROVE", submit: true },
        reviewer.id,
        actor(reviewer),
      );
    const { version } = await db.$transaction((tx) => save(tx, "草稿"));

    // The first save holds its row until the second has read the same version and is waiting on the row.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let stored!: () => void;
    const firstStored = new Promise<void>((resolve) => (stored = resolve));
    const first = db.$transaction(async (tx) => {
      const out = await save(tx, "第一个标签页", version);
      stored();
      await held;
      return out;
    });
    await firstStored;
    // The second is the reviewer's own save (storeScore, as the action calls it): no transaction of its own.
    const second = storeScore(
      { assignmentId: assignment.id, version, values: full, comment: "第二个标签页", recommendation: "APPROVE", submit: true },
      reviewer.id,
      actor(reviewer),
    ).then(
      () => "stored",
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    expect((await first).version).toBe(version + 1);
    expect(await second).toBe(STALE_RECORD);
    const score = await db.score.findUniqueOrThrow({ where: { assignmentId: assignment.id } });
    expect(score).toMatchObject({ comment: "第一个标签页", version: version + 1 });
    // The refused submission wrote no audit line either (its line is written in the same statement, only with the score).
    expect(await db.auditLog.count({ where: { action: "hearing.score", entityId: hearingId } })).toBe(1);
  });

  it("takes 200 reviewers scoring at once without losing or duplicating a score", async () => {
    const projects = await Promise.all(Array.from({ length: 10 }, (_, i) => submittedProject(i % 2 ? clerkA : clerkB, `并发项目${i}`)));
    const school = await db.unit.findFirstOrThrow({ where: { name: "县委党校" } });
    const crowd = await db.$transaction(async (tx) => {
      const users = [];
      for (let i = 0; i < 200; i++) {
        users.push(
          await tx.user.create({
            data: { username: `crowd${i}`, name: `专家${i}`, unitId: school.id, roles: ["REVIEWER" as Role], passwordHash: "x", mustChangePassword: false },
          }),
        );
      }
      return users;
    });
    const hearingId = await hearingWith(projects, crowd);
    expect((await autoAssignReviewers({ hearingId, perProposal: 20 }))?.data?.added).toBe(200);
    const assignments = await db.reviewAssignment.findMany({ where: { item: { hearingId } } });
    // Every reviewer submits at once, and 50 of them double-click.
    const submits = assignments.flatMap((assignment, i) => {
      const reviewer = crowd.find((u) => u.id === assignment.reviewerId)!;
      // The same call the action makes for each reviewer.
      const once = () =>
        storeScore({ assignmentId: assignment.id, values: full, comment: null, recommendation: "APPROVE", submit: true }, reviewer.id, actor(reviewer));
      return i < 50 ? [once(), once()] : [once()];
    });
    const settled = await Promise.allSettled(submits);
    expect(settled.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
    expect(await db.score.count({ where: { assignment: { item: { hearingId } } } })).toBe(200);
    expect(await db.score.count({ where: { assignment: { item: { hearingId } }, submittedAt: { not: null }, total: 80 } })).toBe(200);
    const { ranked } = await hearingResults(hearingId);
    expect(ranked).toHaveLength(10);
    expect(ranked.every((row) => row.count === 20 && row.trimmedMean === 80)).toBe(true);
  }, 120_000);
});

describe("部务会 decisions", () => {
  it("moves each project by its decision, tells the unit, and keeps earlier rounds when a revised proposal is heard again", async () => {
    const approved = await submittedProject(clerkA, "立项项目");
    const revised = await submittedProject(clerkB, "再审项目");
    const rejected = await submittedProject(clerkB, "不立项项目");
    const hearingId = await hearingWith([approved, revised, rejected], reviewers);
    await autoAssignReviewers({ hearingId, perProposal: 3 });
    for (const assignment of await db.reviewAssignment.findMany({ where: { item: { hearingId } } })) {
      const reviewer = reviewers.find((r) => r.id === assignment.reviewerId)!;
      await db.$transaction((tx) =>
        saveScoreRecord(
          tx,
          { assignmentId: assignment.id, values: full, comment: "一轮", recommendation: "APPROVE", submit: true },
          reviewer.id,
          actor(reviewer),
        ),
      );
    }

    await actAs(admin);
    const meeting = (await createMeeting({
      yearId,
      number: `第${Math.floor(Math.random() * 1e6)}次`,
      heldAt: toDateTimeLocal(new Date()),
      attendees: "部长、副部长",
    }))!.data!.id;
    const decide = async (projectId: string, verdict: "APPROVE" | "REVISE" | "REJECT", opinion: string) => {
      const { version } = await db.project.findUniqueOrThrow({ where: { id: projectId } });
      return recordDecision({ meetingId: meeting, projectId, projectVersion: version, verdict, opinion });
    };
    expect((await decide(approved, "APPROVE", "同意立项"))?.data).toBeTruthy();
    expect((await decide(revised, "REVISE", "请补充措施"))?.data).toBeTruthy();
    expect((await decide(rejected, "REJECT", "创新性不足"))?.data).toBeTruthy();
    expect((await decide(approved, "APPROVE", "再来一次"))?.validationErrors?.fieldErrors.projectId?.[0]).toMatch(/只能审定/);
    const states = await db.project.findMany({ where: { id: { in: [approved, revised, rejected] } }, select: { id: true, state: true } });
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [approved]: "APPROVED", [revised]: "REVISE", [rejected]: "REJECTED" });
    expect(
      await db.notification.count({
        where: { userId: clerkB.id, body: `部务会（${(await db.meeting.findUniqueOrThrow({ where: { id: meeting } })).number}）：请补充措施` },
      }),
    ).toBe(1);

    // The unit revises and resubmits; the admin puts it on a new hearing: round 2, round 1 kept.
    const { version } = await db.project.findUniqueOrThrow({ where: { id: revised } });
    await db.$transaction((tx) =>
      transitionProjectRecord(tx, { id: revised, version, transition: "resubmit" }, { kind: "unit", carrier: unitCarrier(clerkB.unitId) }, actor(clerkB)),
    );
    const second = await hearingWith([revised], reviewers.slice(0, 3));
    const items = await db.hearingItem.findMany({
      where: { projectId: revised },
      orderBy: { round: "asc" },
      include: { assignments: { include: { score: true } } },
    });
    expect(items.map((i) => [i.hearingId, i.round])).toEqual([
      [hearingId, 1],
      [second, 2],
    ]);
    expect(items[0].assignments.every((a) => a.score?.comment === "一轮")).toBe(true);
    await actAs(clerkA);
    expect((await recordDecision({ meetingId: meeting, projectId: revised, projectVersion: 0, verdict: "APPROVE", opinion: "x" }))?.serverError).toBe(
      "无权执行此操作",
    );
  });
});

describe("rankings kept between requests", () => {
  it("show every submission, change and new agenda item on the next read (the kept ranking is never stale)", async () => {
    const first = await submittedProject(clerkA, "排名项目一");
    const second = await submittedProject(clerkB, "排名项目二");
    const hearingId = await hearingWith([first, second], reviewers.slice(0, 2));
    await autoAssignReviewers({ hearingId, perProposal: 2 });
    const assignments = await db.reviewAssignment.findMany({ where: { item: { hearingId } }, include: { item: true } });
    const submit = (assignment: (typeof assignments)[number], values: typeof full, version?: number) =>
      storeScore(
        { assignmentId: assignment.id, version, values, comment: null, recommendation: "APPROVE", submit: true },
        assignment.reviewerId,
        actor(reviewers.find((r) => r.id === assignment.reviewerId)!),
      );
    const rowOf = async (projectId: string) => {
      const [year, hearing] = await Promise.all([yearRanking(yearId, 1), hearingRanking(hearingId, yearId, 1)]);
      const inYear = year.rows.find((row) => row.item.project.id === projectId);
      const inHearing = hearing.rows.find((row) => row.item.project.id === projectId);
      expect(inYear?.trimmedMean).toBe(inHearing?.trimmedMean);
      return { mean: inHearing?.trimmedMean, count: inHearing?.count, unscored: hearing.unscored.count };
    };
    const ofFirst = assignments.filter((a) => a.item.projectId === first);
    expect(await rowOf(first)).toEqual({ mean: undefined, count: undefined, unscored: 2 });

    const saved = await submit(ofFirst[0], full);
    expect(await rowOf(first)).toEqual({ mean: 80, count: 1, unscored: 1 });
    // Read twice with nothing changed: the same answer (the kept one).
    expect(await rowOf(first)).toEqual({ mean: 80, count: 1, unscored: 1 });
    // A submitted score changed: the next read has the new total.
    await submit(ofFirst[0], { ...full, fit: 10, novelty: 10 }, saved.version);
    expect(await rowOf(first)).toEqual({ mean: 90, count: 1, unscored: 1 });
    await submit(ofFirst[1], { ...full, fit: 4, novelty: 3 });
    expect(await rowOf(first)).toEqual({ mean: 77, count: 2, unscored: 1 });
    // A new agenda item moves the stamp too.
    const third = await submittedProject(clerkB, "排名项目三");
    await actAs(admin);
    expect((await addAgendaItems({ hearingId, projectIds: [third] }))?.data?.added).toBe(1);
    expect((await rowOf(first)).unscored).toBe(2);
    // A write outside the services (raw SQL) moves the stamp too: the trigger counts it in its own transaction.
    await db.$executeRaw`UPDATE "Score" SET "total" = 50 WHERE "assignmentId" = ${ofFirst[1].id}`;
    expect((await rowOf(first)).mean).toBe(70);
    await db.$executeRaw`UPDATE "Score" SET "submittedAt" = NULL WHERE "assignmentId" = ${ofFirst[1].id}`;
    expect(await rowOf(first)).toEqual({ mean: 90, count: 1, unscored: 2 });
  });
});

describe("the hearing list's item counts kept between requests (decision 0114)", () => {
  it("stay until a write to the agenda commits, and count each hearing's items", async () => {
    const first = await submittedProject(clerkA, "计数项目一");
    const hearingId = await hearingWith([first], reviewers.slice(0, 1));
    const countOf = async () => (await listHearings(yearId, 1)).find((hearing) => hearing.id === hearingId)?._count;
    expect(await countOf()).toEqual({ items: 1, reviewers: 1 });
    const second = await submittedProject(clerkB, "计数项目二");
    // Unseen by the change counters, the kept count stays (this fails if the list counts on every read)...
    const itemId = (await db.hearingItem.findFirstOrThrow({ where: { hearingId } })).id;
    await behindTheCounters(Prisma.sql`
      INSERT INTO "HearingItem" ("id", "hearingId", "projectId", "round", "sortOrder")
      SELECT ${`${itemId}-x`}, "hearingId", ${second}, 1, 2 FROM "HearingItem" WHERE "id" = ${itemId}`);
    expect((await countOf())?.items).toBe(1);
    // ...and a committed write to the agenda moves the stamp: the next read counts again.
    await db.hearingItem.update({ where: { id: itemId }, data: { sortOrder: 0 } });
    expect(await countOf()).toEqual({ items: 2, reviewers: 1 });
    // The export (no page) reads the same counts.
    expect((await listHearings(yearId)).find((hearing) => hearing.id === hearingId)?._count.items).toBe(2);
  });
});

describe("a reviewer's tasks kept between requests", () => {
  it("show every new task, draft, submission, withdrawal and closing on the next read, counts and pages included", async () => {
    const projects = [await submittedProject(clerkB, "任务项目一"), await submittedProject(clerkB, "任务项目二"), await submittedProject(clerkB, "任务项目三")];
    const reviewer = reviewers[3];
    const hearingId = await hearingWith(projects.slice(0, 2), [reviewer]);
    await autoAssignReviewers({ hearingId, perProposal: 1 });
    const left = async (status: "todo" | "draft" | "submitted" | "all" = "todo") => {
      const page = await myAssignments(reviewer.id, { hearingId, status, page: 1 });
      expect(page.assignments.length).toBe(page.total);
      expect(page.assignments.every((a) => a.reviewerId === reviewer.id)).toBe(true);
      return page.assignments.map((a) => a.item.projectId);
    };
    const progress = async () => (await myHearingProgress(reviewer.id)).find((h) => h.id === hearingId);
    // The agenda's progress (kept under the same stamp) and its "not fully scored" filter, counted and paged.
    const agenda = async () => {
      const [all, pending] = await Promise.all([hearingAgenda(hearingId, { page: 1, pending: false }), hearingAgenda(hearingId, { page: 1, pending: true })]);
      expect(all.items).toHaveLength(all.total);
      expect(pending.items).toHaveLength(pending.total);
      return { ...all.progress, pendingShown: pending.total };
    };
    const taskOf = async (projectId: string) => db.reviewAssignment.findFirstOrThrow({ where: { reviewerId: reviewer.id, item: { projectId, hearingId } } });
    expect((await left()).sort()).toEqual(projects.slice(0, 2).sort());
    expect(await progress()).toMatchObject({ total: 2, submitted: 0, drafts: 0 });
    // Read twice with nothing changed: the same answer (the kept one).
    expect((await left()).sort()).toEqual(projects.slice(0, 2).sort());
    // The next task: the oldest not submitted at an open hearing, as the database orders them.
    const oldest = async () =>
      (
        await db.reviewAssignment.findFirst({
          where: {
            reviewerId: reviewer.id,
            OR: [{ score: { is: null } }, { score: { is: { submittedAt: null } } }],
            item: { hearing: { closedAt: null } },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      )?.id ?? null;
    expect(await nextAssignment(reviewer.id)).toBe(await oldest());

    // A new task (a new agenda item, assigned): on the next read.
    await actAs(admin);
    expect((await addAgendaItems({ hearingId, projectIds: [projects[2]] }))?.data?.added).toBe(1);
    await autoAssignReviewers({ hearingId, perProposal: 1 });
    expect((await left()).sort()).toEqual([...projects].sort());
    expect(await progress()).toMatchObject({ total: 3, submitted: 0, drafts: 0 });
    expect(await agenda()).toEqual({ items: 3, assignments: 3, submitted: 0, pending: 3, pendingShown: 3 });

    // A draft stays to do and is a draft; a submission leaves what is to do.
    await actAs(reviewer);
    const first = await taskOf(projects[0]);
    expect((await saveScore({ assignmentId: first.id, values: { fit: 8 }, comment: null, recommendation: null, submit: false }))?.data).toBeTruthy();
    expect(await left("draft")).toEqual([projects[0]]);
    expect(await left()).toContain(projects[0]);
    expect(await progress()).toMatchObject({ total: 3, submitted: 0, drafts: 1 });
    const second = await taskOf(projects[1]);
    expect((await saveScore({ assignmentId: second.id, values: full, comment: null, recommendation: "APPROVE", submit: true }))?.data).toBeTruthy();
    expect((await left()).sort()).toEqual([projects[0], projects[2]].sort());
    expect(await left("submitted")).toEqual([projects[1]]);
    expect(await left("all")).toHaveLength(3);
    expect(await progress()).toMatchObject({ total: 3, submitted: 1, drafts: 1 });
    expect(await nextAssignment(reviewer.id)).toBe(await oldest());
    expect(await agenda()).toEqual({ items: 3, assignments: 3, submitted: 1, pending: 2, pendingShown: 2 });

    // A write outside the services: the trigger moves the stamp all the same.
    await db.$executeRaw`UPDATE "Score" SET "submittedAt" = NULL WHERE "assignmentId" = ${second.id}`;
    expect(await left()).toHaveLength(3);
    expect(await progress()).toMatchObject({ total: 3, submitted: 0, drafts: 2 });
    expect(await agenda()).toEqual({ items: 3, assignments: 3, submitted: 0, pending: 3, pendingShown: 3 });

    // A page past the end is empty, with the count kept.
    const beyond = await myAssignments(reviewer.id, { hearingId, status: "todo", page: 2 });
    expect(beyond).toMatchObject({ total: 3, assignments: [] });

    // Closed: nothing is left to do at this hearing, and it is no longer the next task.
    await actAs(admin);
    const { version } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect((await closeHearing({ id: hearingId, version }))?.data).toBeTruthy();
    expect(await left()).toEqual([]);
    expect(await left("draft")).toHaveLength(2);
    expect((await progress())?.closedAt).not.toBeNull();
    expect(await nextAssignment(reviewer.id)).toBe(await oldest());
  });
});
