import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { closeClaims, createTopic } from "@/lib/topics/actions";
import { arrangeDefence, awardPersonBids, closeDefence, scoreDefence, submitPersonBid, withdrawPersonBid } from "@/lib/topics/person-actions";
import { createTopicRecord } from "@/lib/topics/service";
import { myPersonBids, personBidRecord, reviewerDefence, topicPersonBids } from "@/lib/topics/person-queries";
import { personBidsWorkbook } from "@/lib/topics/export";
import { rubricFor } from "@/lib/hearings/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import type { ClaimMode } from "@/lib/generated/prisma/enums";
import { saveDraft, transitionProject, uploadAttachment } from "@/lib/projects/actions";
import { saveReport, submitReport } from "@/lib/reports/actions";
import { quarterOf } from "@/lib/reports/quarters";
import { getProject, ledProjects, listProjects } from "@/lib/projects/queries";
import { ledReportsDue } from "@/lib/reports/queries";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = Number(formatDate(new Date()).slice(0, 4));
const DAY = 24 * 3600 * 1000;

type User = Awaited<ReturnType<typeof makeUser>>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: User;
let staff: User;
let staff2: User;
let deptStaff: User;
let clerk: User;
let reviewer: User;
let reviewer2: User;
let outsider: User;
let leader: User;
let yearId: string;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  staff2 = await makeUser(["COUNTY_STAFF"], county.section.id);
  // A county staff account outside the department's sections is not one of its cadres.
  deptStaff = await makeUser(["COUNTY_STAFF"], county.townshipB.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  reviewer = await makeUser(["REVIEWER"], county.townshipB.id);
  reviewer2 = await makeUser(["REVIEWER"], county.townshipB.id);
  outsider = await makeUser(["REVIEWER"], county.townshipB.id);
  leader = await makeUser(["LEADER"], county.county.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
});

beforeEach(() => signOutTestUser());

/** A published topic, open for bids for ten more days. */
async function openTopic(openToPersons = true, claimMode: ClaimMode = "BIDDING") {
  const topic = await db.$transaction((tx) =>
    createTopicRecord(
      tx,
      {
        yearId,
        sourceIds: [],
        title: `个人投标选题${Math.random()}`,
        description: "说明",
        category: "CADRE",
        aspectId: null,
        focus: "KEY",
        tier: "INNOVATION",
        claimMode,
        claimClosesAt: new Date(Date.now() + 10 * DAY),
        unitIds: [],
        openToPersons,
      },
      { actor: { id: admin.id, username: admin.username, name: admin.name }, ip: null },
    ),
  );
  await db.topic.update({ where: { id: topic.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  return topic;
}

const plan = { approach: "实绩记实，凭实绩识人", steps: "三月方案，四月试点，年底总结", expectedResults: "形成一套可推广的办法" };

async function closeBidding(topicId: string) {
  await actAs(admin);
  const topic = await db.topic.findUniqueOrThrow({ where: { id: topicId } });
  expect((await closeClaims({ id: topicId, version: topic.version, reason: "投标已足" }))?.serverError).toBeUndefined();
}

async function fullScores() {
  const { criteria } = await db.$transaction((tx) => rubricFor(tx, yearId));
  return (share: number) => Object.fromEntries(criteria.map((c) => [c.key, Math.round(c.max * share * 10) / 10]));
}

describe("the topic's flag", () => {
  it("opens only a bidding topic to individual cadres", async () => {
    await actAs(admin);
    const base = {
      yearId,
      sourceIds: [],
      title: "年轻干部擂台比武",
      description: "说明",
      category: "CADRE" as const,
      focus: "KEY" as const,
      tier: "FEATURE" as const,
      claimClosesAt: toDateTimeLocal(new Date(Date.now() + 5 * DAY)),
      unitIds: [],
      openToPersons: "on" as const,
    };
    const bidding = await createTopic({ ...base, claimMode: "BIDDING" });
    const open = await createTopic({ ...base, claimMode: "OPEN" });
    expect((await db.topic.findUniqueOrThrow({ where: { id: bidding!.data!.id } })).openToPersons).toBe(true);
    expect((await db.topic.findUniqueOrThrow({ where: { id: open!.data!.id } })).openToPersons).toBe(false);
  });
});

describe("bidding in one's own name", () => {
  it("takes one bid per person (a double click makes one), revised with its version, withdrawn and made again", async () => {
    const topic = await openTopic();
    await actAs(staff);
    const [first, second] = await Promise.all([submitPersonBid({ topicId: topic.id, ...plan }), submitPersonBid({ topicId: topic.id, ...plan })]);
    expect([first?.serverError, second?.serverError].filter(Boolean)).toHaveLength(1);
    expect(await db.personBid.count({ where: { topicId: topic.id, userId: staff.id } })).toBe(1);
    const bid = await db.personBid.findFirstOrThrow({ where: { topicId: topic.id, userId: staff.id } });
    expect(bid.unitId).toBe(county.section.id);

    expect((await submitPersonBid({ topicId: topic.id, ...plan, approach: "改过的思路", version: 0 }))?.serverError).toBeUndefined();
    // A second tab still on version 0 does not overwrite silently.
    expect((await submitPersonBid({ topicId: topic.id, ...plan, approach: "旧页面", version: 0 }))?.serverError).toBe(STALE_RECORD);
    expect((await db.personBid.findUniqueOrThrow({ where: { id: bid.id } })).approach).toBe("改过的思路");

    expect((await withdrawPersonBid({ topicId: topic.id, version: 1 }))?.serverError).toBeUndefined();
    expect((await db.personBid.findUniqueOrThrow({ where: { id: bid.id } })).status).toBe("WITHDRAWN");
    expect((await withdrawPersonBid({ topicId: topic.id, version: 2 }))?.serverError).toBe("没有可撤回的投标");
    expect((await submitPersonBid({ topicId: topic.id, ...plan, version: 2 }))?.serverError).toBeUndefined();
    expect((await db.personBid.findUniqueOrThrow({ where: { id: bid.id } })).status).toBe("BID");
    expect(await db.auditLog.count({ where: { entityId: bid.id, action: { startsWith: "person_bid." } } })).toBe(4);
  });

  it("refuses topics not open to persons, people who are not cadres, roles without the permission, and missing fields", async () => {
    const unitOnly = await openTopic(false);
    await actAs(staff);
    expect((await submitPersonBid({ topicId: unitOnly.id, ...plan }))?.serverError).toBe("该选题不接受个人投标");
    const topic = await openTopic();
    const empty = await submitPersonBid({ topicId: topic.id, approach: "", steps: "步骤", expectedResults: "" });
    expect(empty?.validationErrors?.fieldErrors.approach).toEqual(["请填写工作思路"]);
    expect(empty?.validationErrors?.fieldErrors.expectedResults).toEqual(["请填写预期成效"]);
    await actAs(deptStaff);
    expect((await submitPersonBid({ topicId: topic.id, ...plan }))?.serverError).toBe("只有部机关干部和各单位干部可以个人投标");
    for (const user of [reviewer, leader, admin]) {
      await actAs(user);
      expect((await submitPersonBid({ topicId: topic.id, ...plan }))?.serverError).toBe("无权执行此操作");
    }
    expect(await db.personBid.count({ where: { topicId: topic.id } })).toBe(0);
  });

  it("shows a unit's cadre their own bid only; county readers the comparison", async () => {
    const topic = await openTopic();
    await actAs(clerk);
    expect((await submitPersonBid({ topicId: topic.id, ...plan }))?.serverError).toBeUndefined();
    await actAs(staff2);
    expect((await submitPersonBid({ topicId: topic.id, ...plan }))?.serverError).toBeUndefined();
    expect(await topicPersonBids(clerk, topic.id, 1)).toBeNull();
    const compared = await topicPersonBids(leader, topic.id, 1);
    expect(compared?.total).toBe(2);
    expect((await myPersonBids(clerk.id, 1)).bids.map((bid) => bid.topicId)).toEqual([topic.id]);
  });
});

describe("the defence and the award", () => {
  it("defends after closing, scores with the year's rubric, and awards the topic to one person who leads the project", async () => {
    const topic = await openTopic();
    for (const user of [staff, clerk, staff2]) {
      await actAs(user);
      expect((await submitPersonBid({ topicId: topic.id, ...plan }))?.serverError).toBeUndefined();
    }
    const bids = await db.personBid.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
    const [staffBid, clerkBid, staff2Bid] = bids;
    const heldAt = toDateTimeLocal(new Date(Date.now() + DAY));
    await actAs(admin);
    expect((await arrangeDefence({ topicId: topic.id, heldAt, place: "三楼会议室", reviewerIds: [reviewer.id] }))?.serverError).toMatch(/截止.*后才能答辩/);
    expect((await awardPersonBids({ topicId: topic.id, version: 0, decisions: [{ bidId: staffBid.id, awarded: true, reason: null }] }))?.serverError).toMatch(
      /后才能答辩和评定/,
    );

    await closeBidding(topic.id);
    await actAs(staff);
    expect((await submitPersonBid({ topicId: topic.id, ...plan, version: 0 }))?.serverError).toMatch(/投标已于/);

    await actAs(admin);
    const notReviewer = await arrangeDefence({ topicId: topic.id, heldAt, place: "三楼会议室", reviewerIds: [reviewer.id, staff.id] });
    expect(notReviewer?.validationErrors?.fieldErrors.reviewerIds).toEqual(["所选人员中有不是评审专家或已停用的账户"]);
    expect((await arrangeDefence({ topicId: topic.id, heldAt, place: "三楼会议室", reviewerIds: [reviewer.id, reviewer2.id] }))?.serverError).toBeUndefined();
    expect(await db.notification.count({ where: { kind: "topic.defence", userId: { in: [reviewer.id, reviewer2.id] } } })).toBe(2);
    await actAs(reviewer);
    expect((await arrangeDefence({ topicId: topic.id, heldAt, place: "别处", reviewerIds: [reviewer.id] }))?.serverError).toBe("无权执行此操作");

    const scores = await fullScores();
    // Only a seated reviewer scores, and only valid whole sheets.
    await actAs(outsider);
    expect((await scoreDefence({ bidId: staffBid.id, values: scores(0.9), comment: null }))?.serverError).toBe("答辩评分任务不存在");
    expect(await reviewerDefence(outsider.id, topic.id, 1)).toBeNull();
    await actAs(staff);
    expect((await scoreDefence({ bidId: staffBid.id, values: scores(0.9), comment: null }))?.serverError).toBe("无权执行此操作");
    await actAs(reviewer);
    const tooHigh = await scoreDefence({ bidId: staffBid.id, values: scores(1.5), comment: null });
    expect(tooHigh?.validationErrors?.fieldErrors.values?.[0]).toMatch(/的分数须在 0 至/);
    const partial = await scoreDefence({ bidId: staffBid.id, values: { [Object.keys(scores(1))[0]]: 5 }, comment: null });
    expect(partial?.validationErrors?.fieldErrors.values?.[0]).toMatch(/请为/);
    for (const [bid, share] of [
      [staffBid, 0.7],
      [clerkBid, 0.9],
      [staff2Bid, 0.5],
    ] as const) {
      for (const user of [reviewer, reviewer2]) {
        await actAs(user);
        const saved = await scoreDefence({ bidId: bid.id, values: scores(share), comment: "思路清楚" });
        expect(saved?.serverError).toBeUndefined();
        expect(saved?.data?.total).toBeCloseTo(share * 100, 0);
      }
    }
    expect((await db.rubric.findUniqueOrThrow({ where: { yearId } })).frozenAt).not.toBeNull();
    const sheet = await reviewerDefence(reviewer2.id, topic.id, 1);
    expect(sheet?.bids.every((bid) => bid.scores.length === 1)).toBe(true);

    const ranked = await topicPersonBids(admin, topic.id, 1);
    expect(ranked?.ranking.get(clerkBid.id)?.rank).toBe(1);
    expect(ranked?.ranking.get(staff2Bid.id)?.rank).toBe(3);

    await actAs(admin);
    let topicRow = await db.topic.findUniqueOrThrow({ where: { id: topic.id } });
    const decide = (winner: string, reasons = true) =>
      bids.map((bid) => ({ bidId: bid.id, awarded: bid.id === winner, reason: bid.id === winner || !reasons ? null : "答辩排名靠后" }));
    expect((await awardPersonBids({ topicId: topic.id, version: topicRow.version, decisions: decide(clerkBid.id) }))?.serverError).toBe(
      "答辩评分尚未结束，请先结束评分再评定",
    );
    const defence = await db.topicDefence.findUniqueOrThrow({ where: { topicId: topic.id } });
    expect((await closeDefence({ topicId: topic.id, version: defence.version }))?.serverError).toBeUndefined();
    await actAs(reviewer);
    expect((await scoreDefence({ bidId: clerkBid.id, values: scores(0.1), comment: null }))?.serverError).toBe("答辩评分已结束，分数不能再改");

    await actAs(admin);
    topicRow = await db.topic.findUniqueOrThrow({ where: { id: topic.id } });
    const two = bids.map((bid) => ({ bidId: bid.id, awarded: true, reason: null }));
    expect((await awardPersonBids({ topicId: topic.id, version: topicRow.version, decisions: two }))?.serverError).toBe("请选择一名中标人");
    const noReason = await awardPersonBids({ topicId: topic.id, version: topicRow.version, decisions: decide(clerkBid.id, false) });
    expect((noReason?.validationErrors?.fieldErrors as Record<string, string[]> | undefined)?.[`reason_${staffBid.id}`]).toEqual([
      "请写明未中标的理由，将告知投标人",
    ]);
    expect((await awardPersonBids({ topicId: topic.id, version: topicRow.version - 1, decisions: decide(clerkBid.id) }))?.serverError).toBe(STALE_RECORD);
    const awarded = await awardPersonBids({ topicId: topic.id, version: topicRow.version, decisions: decide(clerkBid.id) });
    expect(awarded?.serverError).toBeUndefined();

    const project = await db.project.findUniqueOrThrow({ where: { id: awarded!.data!.projectId } });
    expect(project).toMatchObject({ leadUserId: clerk.id, unitId: county.townshipA.id, topicId: topic.id, state: "DRAFT", leaderName: clerk.name });
    expect((await db.personBid.findMany({ where: { topicId: topic.id } })).map((bid) => bid.status).sort()).toEqual(["AWARDED", "NOT_AWARDED", "NOT_AWARDED"]);
    const results = await db.notification.findMany({ where: { kind: "topic.person_bid_result", userId: { in: [staff.id, clerk.id, staff2.id] } } });
    expect(results).toHaveLength(3);
    expect(results.find((n) => n.userId === clerk.id)?.link).toBe(`/projects/${project.id}`);
    expect((await personBidRecord(clerk.id, YEAR)).find((row) => row.topicId === topic.id)?.topic.projects).toEqual([
      { id: project.id, title: project.title, state: "DRAFT" },
    ]);
    // Decided: the bidder cannot change it, the admin cannot decide it twice.
    await actAs(staff);
    expect((await withdrawPersonBid({ topicId: topic.id, version: 3 }))?.serverError).toMatch(/投标已于|已评定/);
    await actAs(admin);
    topicRow = await db.topic.findUniqueOrThrow({ where: { id: topic.id } });
    expect((await awardPersonBids({ topicId: topic.id, version: topicRow.version, decisions: decide(staffBid.id) }))?.serverError).toBe("没有待评定的个人投标");

    const workbook = await personBidsWorkbook(topic.id);
    expect(workbook?.title).toMatch(/个人投标情况/);
    expect(workbook?.content.length).toBeGreaterThan(1000);
  });

  it("awards without a defence, and keeps bidders off their own panel", async () => {
    const topic = await openTopic();
    for (const user of [staff, staff2]) {
      await actAs(user);
      await submitPersonBid({ topicId: topic.id, ...plan });
    }
    await closeBidding(topic.id);
    const bids = await db.personBid.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
    const both = await makeUser(["REVIEWER", "COUNTY_STAFF"], county.section.id);
    await db.personBid.update({ where: { id: bids[1].id }, data: { userId: both.id } });
    await actAs(admin);
    const own = await arrangeDefence({ topicId: topic.id, heldAt: toDateTimeLocal(new Date()), place: "会议室", reviewerIds: [both.id] });
    expect(own?.validationErrors?.fieldErrors.reviewerIds).toEqual(["投标人不能担任本选题的答辩评审"]);
    const topicRow = await db.topic.findUniqueOrThrow({ where: { id: topic.id } });
    const result = await awardPersonBids({
      topicId: topic.id,
      version: topicRow.version,
      decisions: bids.map((bid, index) => ({ bidId: bid.id, awarded: index === 0, reason: index === 0 ? null : "思路不够具体" })),
    });
    expect(result?.serverError).toBeUndefined();
    expect((await db.project.findUniqueOrThrow({ where: { id: result!.data!.projectId } })).leadUserId).toBe(staff.id);
  });

  it("lets the department cadre who won carry the project (a section has no unit account), and nobody else of the section", async () => {
    const topic = await openTopic();
    for (const user of [staff, staff2]) {
      await actAs(user);
      await submitPersonBid({ topicId: topic.id, ...plan });
    }
    await closeBidding(topic.id);
    const bids = await db.personBid.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
    await actAs(admin);
    const topicRow = await db.topic.findUniqueOrThrow({ where: { id: topic.id } });
    const decisions = bids.map((bid) => ({ bidId: bid.id, awarded: bid.userId === staff.id, reason: bid.userId === staff.id ? null : "思路不够具体" }));
    const projectId = (await awardPersonBids({ topicId: topic.id, version: topicRow.version, decisions }))!.data!.projectId;
    await db.yearWindow.update({
      where: { yearId_kind: { yearId, kind: "PROPOSAL" } },
      data: { startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 10 * DAY) },
    });
    const proposal = {
      title: "年轻干部实绩记实",
      leaderName: staff.name,
      leaderContact: "13800000000",
      category: "CADRE" as const,
      focus: "KEY" as const,
      tier: "INNOVATION" as const,
      problem: "年轻干部实绩难以量化，选用缺少依据",
      innovationKinds: ["WORK" as const],
      methods: ["ADD" as const],
      sectorIds: ["sector_organ"],
      goals: "建立年轻干部实绩档案",
      measures: "月记实、季点评、年考核",
      expectedResults: "形成一套办法",
      inputPeople: "2 人",
      inputMoney: "1 万元",
      inputMaterials: "",
      selfAssessment: { fit: "符合", novelty: "有突破", design: "有创意", impact: "有推动", replicability: "可推广" },
      milestones: [{ title: "制定方案", dueDate: `${YEAR}-12-30` }],
    };
    const viewer = (user: User) => ({ id: user.id, roles: user.roles, unitId: user.unitId });
    const { version } = await db.project.findUniqueOrThrow({ where: { id: projectId } });

    // A colleague of the same section sees the section's draft but does not carry it.
    await actAs(staff2);
    expect((await saveDraft({ ...proposal, id: projectId, version }))?.serverError).toBe("项目不存在");
    expect((await transitionProject({ id: projectId, version, transition: "submit" }))?.serverError).toBe("项目不存在");
    const form = new FormData();
    form.set("projectId", projectId);
    form.set("file", new File([new Uint8Array(Buffer.from("%PDF-1.4 方案"))], "方案.pdf"));
    expect((await uploadAttachment(form))?.serverError).toBe("项目不存在");

    // The lead writes, attaches and submits it; the draft is in their own list, and their notices come to them.
    await actAs(staff);
    expect((await listProjects(viewer(staff), { yearId, state: "DRAFT" })).projects.map((row) => row.id)).toContain(projectId);
    expect((await listProjects(viewer(staff2), { yearId, state: "DRAFT" })).projects.map((row) => row.id)).not.toContain(projectId);
    expect(await getProject(viewer(staff), projectId)).not.toBeNull();
    const saved = await saveDraft({ ...proposal, id: projectId, version });
    expect(saved?.serverError).toBeUndefined();
    expect((await uploadAttachment(form))?.serverError).toBeUndefined();
    const submittedResult = await transitionProject({ id: projectId, version: saved!.data!.version, transition: "submit" });
    expect(submittedResult?.data?.state).toBe("SUBMITTED");

    await actAs(admin);
    const returned = await transitionProject({ id: projectId, version: saved!.data!.version + 1, transition: "return", reason: "请补充实施步骤" });
    expect(returned?.serverError).toBeUndefined();
    expect(await db.notification.count({ where: { userId: staff.id, kind: "project.returned" } })).toBe(1);

    // Approved and started, the lead writes the quarter's report; the colleague cannot.
    await db.project.update({ where: { id: projectId }, data: { state: "APPROVED", version: { increment: 1 } } });
    const approved = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    await actAs(staff);
    expect((await transitionProject({ id: projectId, version: approved.version, transition: "start" }))?.data?.state).toBe("IN_PROGRESS");
    const { year, quarter } = quarterOf(new Date());
    const report = { projectId, year, quarter, progress: "完成方案", percent: 20, problems: null, nextSteps: "试点", milestones: [] };
    // The lead's home page lists what the project owes (they have no unit dashboard).
    expect((await ledProjects(staff.id)).map((p) => p.id)).toContain(projectId);
    expect((await ledReportsDue(staff.id)).map((r) => [r.project.id, r.year, r.quarter])).toEqual([[projectId, year, quarter]]);
    expect(await ledReportsDue(staff2.id)).toEqual([]);
    await actAs(staff2);
    expect((await saveReport(report))?.serverError).toBe("项目不存在");
    await actAs(staff);
    const draft = await saveReport(report);
    expect(draft?.serverError).toBeUndefined();
    expect((await submitReport({ projectId, year, quarter, version: draft!.data!.version }))?.serverError).toBeUndefined();
    expect((await db.progressReport.findFirstOrThrow({ where: { projectId } })).status).toBe("SUBMITTED");
  });
});
