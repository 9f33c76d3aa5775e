import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createYearRecord } from "@/lib/years/service";
import { runReminders, sendAllReminders, withAdvisoryLock, JOB_LOCK_ID } from "@/lib/reminders";
import { sendTopicClaimReminders } from "@/lib/reminders/topics";
import { sendProposalWindowReminders } from "@/lib/reminders/proposals";
import { sendRectificationReminders } from "@/lib/reminders/rectifications";
import { sendHearingScoreReminders } from "@/lib/reminders/hearings";
import { sendJuryReminders, sendNominationClosingReminders } from "@/lib/reminders/awards";
import { makeCounty, makeUser } from "./support/fixtures";
import { inDays, makeCampaign, makeProject, makeTopic } from "./support/reminders";

// A year of its own, far from the current one, so the report reminders stay quiet.
const YEAR = 2091;
type User = Awaited<ReturnType<typeof makeUser>>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let clerkA: User;
let clerkB: User;
let reviewer: User;
let reviewer2: User;
let yearId: string;

const count = (userId: string, kind: string) => db.notification.count({ where: { userId, kind } });

beforeAll(async () => {
  county = await makeCounty();
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  reviewer = await makeUser(["REVIEWER"], county.department.id);
  reviewer2 = await makeUser(["REVIEWER"], county.department.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
});

describe("topic claim closing", () => {
  it("reminds the assigned unit that has not answered, once, and again when the closing date moves", async () => {
    const topic = await makeTopic(yearId, 1, [county.townshipA.id, county.townshipB.id], inDays(10));
    await db.topicClaim.create({ data: { topicId: topic.id, unitId: county.townshipB.id, status: "ACCEPTED" } });
    await sendTopicClaimReminders();
    expect(await count(clerkA.id, "topic.deadline")).toBe(0);

    await db.topic.update({ where: { id: topic.id }, data: { claimClosesAt: inDays(2) } });
    await Promise.all([sendTopicClaimReminders(), sendTopicClaimReminders()]);
    await sendTopicClaimReminders();
    expect(await count(clerkA.id, "topic.deadline")).toBe(1);
    expect(await count(clerkB.id, "topic.deadline")).toBe(0);

    await db.topic.update({ where: { id: topic.id }, data: { claimClosesAt: inDays(1) } });
    await sendTopicClaimReminders();
    await sendTopicClaimReminders();
    expect(await count(clerkA.id, "topic.deadline")).toBe(2);
    const [latest] = await db.notification.findMany({ where: { userId: clerkA.id, kind: "topic.deadline" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(latest.link).toBe(`/topics/${topic.id}`);
  });
});

describe("proposal window closing", () => {
  it("reminds units with drafts or returned proposals, not those that submitted", async () => {
    await makeProject(yearId, clerkA, "草稿项目", "DRAFT");
    await makeProject(yearId, clerkA, "退回项目", "RETURNED");
    await makeProject(yearId, clerkB, "已交项目", "SUBMITTED");
    // A department cadre's project won by an individual bid: their section has no unit account, the lead is told.
    const cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
    const led = await makeProject(yearId, cadre, "牵头项目", "DRAFT");
    await db.project.update({ where: { id: led.id }, data: { leadUserId: cadre.id } });
    await db.yearWindow.update({ where: { yearId_kind: { yearId, kind: "PROPOSAL" } }, data: { startsAt: inDays(-30), endsAt: inDays(2) } });
    await Promise.all([sendProposalWindowReminders(), sendProposalWindowReminders()]);
    await sendProposalWindowReminders();
    expect(await count(clerkA.id, "project.deadline")).toBe(1);
    expect(await count(cadre.id, "project.deadline")).toBe(1);
    const toLead = await db.notification.findFirstOrThrow({ where: { userId: cadre.id, kind: "project.deadline" } });
    expect(toLead).toMatchObject({ body: "您牵头的“牵头项目”尚未提交，请在截止前提交。", link: `/projects/${led.id}` });
    expect(await count(clerkB.id, "project.deadline")).toBe(0);
    const notice = await db.notification.findFirstOrThrow({ where: { userId: clerkA.id, kind: "project.deadline" } });
    expect(notice.body).toContain("1 份草稿");
    expect(notice.body).toContain("1 份退回");

    await db.yearWindow.update({ where: { yearId_kind: { yearId, kind: "PROPOSAL" } }, data: { endsAt: inDays(1) } });
    await sendProposalWindowReminders();
    expect(await count(clerkA.id, "project.deadline")).toBe(2);
    expect(await count(cadre.id, "project.deadline")).toBe(2);
    // Window closed: nothing more.
    await db.yearWindow.update({ where: { yearId_kind: { yearId, kind: "PROPOSAL" } }, data: { endsAt: inDays(-1) } });
    await sendProposalWindowReminders();
    expect(await count(clerkA.id, "project.deadline")).toBe(2);
  });
});

describe("rectification items", () => {
  it("reminds before the due date and once overdue, only for open items of published bulletins", async () => {
    const projectA = await makeProject(yearId, clerkA, "整改项目甲", "IN_PROGRESS");
    const projectB = await makeProject(yearId, clerkB, "整改项目乙", "IN_PROGRESS");
    const inspection = await db.inspection.create({ data: { year: YEAR, quarter: 1, theme: "一季度督查", publishedAt: new Date() } });
    const itemA = await db.inspectionItem.create({ data: { inspectionId: inspection.id, projectId: projectA.id, finding: "PROBLEM" } });
    const itemB = await db.inspectionItem.create({ data: { inspectionId: inspection.id, projectId: projectB.id, finding: "PROBLEM" } });
    const open = await db.rectificationItem.create({ data: { itemId: itemA.id, unitId: county.townshipA.id, content: "补齐台账", dueAt: inDays(2) } });
    await db.rectificationItem.create({
      data: {
        itemId: itemB.id,
        unitId: county.townshipB.id,
        content: "完善制度",
        dueAt: inDays(2),
        status: "ANSWERED",
        answer: "已完善",
        answeredAt: new Date(),
      },
    });
    const draft = await db.inspection.create({ data: { year: YEAR, quarter: 2, theme: "未发布督查" } });
    const draftItem = await db.inspectionItem.create({ data: { inspectionId: draft.id, projectId: projectB.id } });
    await db.rectificationItem.create({ data: { itemId: draftItem.id, unitId: county.townshipB.id, content: "草稿中的事项", dueAt: inDays(1) } });

    await Promise.all([sendRectificationReminders(), sendRectificationReminders()]);
    await sendRectificationReminders();
    expect(await count(clerkA.id, "rectification.due")).toBe(1);
    expect(await count(clerkB.id, "rectification.due")).toBe(0);

    await db.rectificationItem.update({ where: { id: open.id }, data: { dueAt: inDays(-0.1) } });
    await Promise.all([sendRectificationReminders(), sendRectificationReminders()]);
    expect(await count(clerkA.id, "rectification.overdue")).toBe(1);
    expect(await count(clerkA.id, "rectification.due")).toBe(1);

    // Answered: no more reminders even with a new due date.
    await db.rectificationItem.update({ where: { id: open.id }, data: { status: "ANSWERED", dueAt: inDays(-0.05) } });
    await sendRectificationReminders();
    expect(await count(clerkA.id, "rectification.overdue")).toBe(1);
  });
});

describe("hearing scores", () => {
  it("reminds reviewers with unsubmitted scores before the hearing, not those who submitted", async () => {
    const project = await makeProject(yearId, clerkA, "听证项目", "IN_HEARING");
    const hearing = await db.hearing.create({ data: { yearId, kind: "HEARING", level: "COUNTY", title: "第一次听证会", heldAt: inDays(10), place: "会议室" } });
    const item = await db.hearingItem.create({ data: { hearingId: hearing.id, projectId: project.id } });
    await db.reviewAssignment.create({ data: { itemId: item.id, reviewerId: reviewer.id } });
    const done = await db.reviewAssignment.create({ data: { itemId: item.id, reviewerId: reviewer2.id } });
    await db.score.create({ data: { assignmentId: done.id, values: {}, total: 80, submittedAt: new Date() } });

    await sendHearingScoreReminders();
    expect(await count(reviewer.id, "hearing.due")).toBe(0);
    await db.hearing.update({ where: { id: hearing.id }, data: { heldAt: inDays(2) } });
    await Promise.all([sendHearingScoreReminders(), sendHearingScoreReminders()]);
    await sendHearingScoreReminders();
    expect(await count(reviewer.id, "hearing.due")).toBe(1);
    expect(await count(reviewer2.id, "hearing.due")).toBe(0);

    await db.hearing.update({ where: { id: hearing.id }, data: { heldAt: inDays(1) } });
    await sendHearingScoreReminders();
    expect(await count(reviewer.id, "hearing.due")).toBe(2);
  });
});

describe("awards", () => {
  it("reminds units that have not nominated before nominations close, then jurors with entries to score", async () => {
    const campaign = await makeCampaign(yearId, inDays(2));
    const project = await makeProject(yearId, clerkB, "推荐项目", "COMPLETED");
    const nomination = await db.nomination.create({
      data: {
        campaignId: campaign.id,
        category: "WORK",
        level: "COUNTY",
        unitId: county.townshipB.id,
        projectId: project.id,
        statement: "成效明显",
        createdById: clerkB.id,
      },
    });
    await db.campaignJuror.createMany({
      data: [
        { campaignId: campaign.id, userId: reviewer.id },
        { campaignId: campaign.id, userId: reviewer2.id },
      ],
    });

    await Promise.all([sendNominationClosingReminders(), sendNominationClosingReminders()]);
    await sendNominationClosingReminders();
    expect(await count(clerkA.id, "award.deadline")).toBe(1);
    expect(await count(clerkB.id, "award.deadline")).toBe(0);
    // Still nominating: no jury reminders yet.
    await sendJuryReminders();
    expect(await count(reviewer.id, "award.jury")).toBe(0);

    await db.campaign.update({ where: { id: campaign.id }, data: { nominationEndsAt: inDays(-0.1) } });
    await db.juryScore.create({ data: { nominationId: nomination.id, jurorId: reviewer2.id, values: { a: 90 }, total: 90, submittedAt: new Date() } });
    await Promise.all([sendJuryReminders(), sendJuryReminders()]);
    await sendJuryReminders();
    expect(await count(reviewer.id, "award.jury")).toBe(1);
    expect(await count(reviewer2.id, "award.jury")).toBe(0);
    // Nominations have closed: no closing reminder any more.
    await sendNominationClosingReminders();
    expect(await count(clerkA.id, "award.deadline")).toBe(1);
  });
});

describe("the job", () => {
  it("sends once when two runs (or two processes) go at the same time, and nothing on a second run", async () => {
    const topic = await makeTopic(yearId, 2, [county.townshipA.id], inDays(1.5));
    const before = await count(clerkA.id, "topic.deadline");
    const runs = await Promise.all([runReminders(), runReminders()]);
    expect(runs.some((run) => run.ran)).toBe(true);
    expect(await count(clerkA.id, "topic.deadline")).toBe(before + 1);
    await Promise.all([sendAllReminders(), sendAllReminders()]);
    const again = await runReminders();
    expect(again.ran && again.reminders.topicClaims).toBe(0);
    expect(await count(clerkA.id, "topic.deadline")).toBe(before + 1);
    expect(await db.reminderLog.count({ where: { key: { startsWith: `topic-claim:${topic.id}:` } } })).toBe(1);
  });

  it("lets one process run the job at a time", async () => {
    let release!: () => void;
    const held = withAdvisoryLock(JOB_LOCK_ID, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await runReminders()).toEqual({ ran: false, reason: "busy" });
    release();
    await held;
    expect((await runReminders()).ran).toBe(true);
  });
});
