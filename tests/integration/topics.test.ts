import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import {
  answerAssignment,
  awardBids,
  closeClaims,
  createTopic,
  publishCatalogue,
  submitBid,
  takeTopic,
  updateTopic,
  withdrawTopic,
} from "@/lib/topics/actions";
import { markNotificationRead } from "@/lib/notifications/actions";
import { createTopicRecord } from "@/lib/topics/service";
import { getTopic, listTopics } from "@/lib/topics/queries";
import { createSuggestionRecord, ensureDefaultAspects } from "@/lib/suggestions/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import type { ClaimMode, SuggestionCategory } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = Number(formatDate(new Date()).slice(0, 4));
const DAY = 24 * 3600 * 1000;

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let clerkC: Awaited<ReturnType<typeof makeUser>>;
let townshipC: Awaited<ReturnType<typeof makeUnit>>;
let yearId: string;

beforeAll(async () => {
  county = await makeCounty();
  townshipC = await makeUnit("丙镇", "TOWNSHIP", county.county.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  clerkC = await makeUser(["UNIT_USER"], townshipC.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  await ensureDefaultAspects();
});

beforeEach(() => signOutTestUser());
afterEach(() => vi.useRealTimers());

function fields(overrides: Partial<{ title: string; category: SuggestionCategory; claimMode: ClaimMode; unitIds: string[]; closesAt: Date }> = {}) {
  return {
    yearId,
    title: overrides.title ?? "无职党员设岗定责",
    description: "为无职党员设立岗位，明确职责。",
    category: overrides.category ?? "PARTY_BUILDING",
    focus: "KEY" as const,
    tier: "FEATURE" as const,
    claimMode: overrides.claimMode ?? "OPEN",
    claimClosesAt: toDateTimeLocal(overrides.closesAt ?? new Date(Date.now() + 10 * DAY)),
    unitIds: overrides.unitIds ?? [],
  };
}

/** A published topic made by the services, closing at `closesAt`. */
async function publishedTopic(claimMode: ClaimMode, closesAt: Date, unitIds: string[] = []) {
  const staffActor = { actor: { id: staff.id, username: staff.username, name: staff.name }, ip: null };
  const topic = await db.$transaction((tx) =>
    createTopicRecord(
      tx,
      {
        yearId,
        sourceIds: [],
        title: `测试选题${Math.random()}`,
        description: "说明",
        category: "TALENT",
        aspectId: null,
        focus: "HOT",
        tier: "ROUTINE",
        claimMode,
        claimClosesAt: closesAt,
        unitIds,
      },
      { ...staffActor, now: new Date(closesAt.getTime() - 5 * DAY) },
    ),
  );
  await db.topic.update({ where: { id: topic.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  return topic;
}

const plan = { approach: "先试点后推开", people: "书记牵头，三人专班", timeline: "三月方案，年底总结" };

describe("drafting topics", () => {
  it("turns two suggestions into a topic with the next code of its category, and tells the submitters", async () => {
    const aspect = await db.suggestionAspect.findFirstOrThrow({ where: { category: "PARTY_BUILDING" } });
    const sources = await db.$transaction(async (tx) => [
      await createSuggestionRecord(
        tx,
        { category: "PARTY_BUILDING", aspectId: aspect.id, content: "建议为无职党员设岗定责（甲）", submitterName: null, contact: null },
        { actor: null, unitId: null, ip: null },
      ),
      await createSuggestionRecord(
        tx,
        { category: "PARTY_BUILDING", aspectId: aspect.id, content: "建议让无职党员有岗有责（乙）", submitterName: null, contact: null },
        { actor: null, unitId: null, ip: null },
      ),
    ]);
    await actAs(staff);
    const first = await createTopic({ ...fields(), sourceIds: sources.map((s) => s.id) });
    expect(first?.data?.code).toBe(`${YEAR}-JC-01`);
    const second = await createTopic(fields({ title: "党员积分制管理" }));
    expect(second?.data?.code).toBe(`${YEAR}-JC-02`);
    const cadre = await createTopic(fields({ title: "干部实绩档案", category: "CADRE" }));
    expect(cadre?.data?.code).toBe(`${YEAR}-GB-01`);

    const linked = await db.topicSource.findMany({ where: { topicId: first!.data!.id } });
    expect(linked.map((l) => l.suggestionId).sort()).toEqual(sources.map((s) => s.id).sort());
    const after = await db.suggestion.findMany({ where: { id: { in: sources.map((s) => s.id) } } });
    expect(after.every((s) => s.status === "ACCEPTED" && s.reply?.includes("参考选题"))).toBe(true);
    expect(await db.auditLog.count({ where: { action: "topic.create", entityId: first!.data!.id } })).toBe(1);
  });

  it("hands out distinct codes to drafts saved at the same moment", async () => {
    await actAs(staff);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => createTopic(fields({ title: `同时拟定${n}`, category: "SELF_BUILDING" }))));
    const codes = results.map((r) => r?.data?.code).sort();
    expect(codes).toEqual([1, 2, 3, 4, 5].map((n) => `${YEAR}-ZS-0${n}`));
  });

  it("checks the fields on the server, next to each field", async () => {
    await actAs(staff);
    const past = await createTopic(fields({ closesAt: new Date(Date.now() - DAY) }));
    expect(past?.validationErrors?.fieldErrors.claimClosesAt).toEqual(["认领截止时间须晚于当前时间"]);
    const assignedToNobody = await createTopic(fields({ claimMode: "ASSIGNED" }));
    expect(assignedToNobody?.validationErrors?.fieldErrors.unitIds).toEqual(["发包选题请至少选择一个承担单位"]);
    const empty = await createTopic({ ...fields(), title: "  " });
    expect(empty?.validationErrors?.fieldErrors.title).toEqual(["请填写选题名称"]);
  });

  it("lets neither units nor leaders draft topics", async () => {
    await actAs(clerkA);
    expect((await createTopic(fields()))?.serverError).toBe("无权执行此操作");
  });
});

describe("publishing the catalogue", () => {
  it("keeps drafts from units until the admin publishes, then notifies every unit", async () => {
    await actAs(staff);
    const draft = await createTopic(fields({ title: "发包给丙镇", claimMode: "ASSIGNED", unitIds: [townshipC.id] }));
    const viewerA = { roles: clerkA.roles, unitId: clerkA.unitId };
    expect(await getTopic(viewerA, draft!.data!.id)).toBeNull();
    expect((await listTopics(viewerA, { yearId })).topics.some((t) => t.id === draft!.data!.id)).toBe(false);

    expect((await publishCatalogue({ yearId, expected: 1 }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    const drafts = await db.topic.count({ where: { yearId, status: "DRAFT" } });
    expect((await publishCatalogue({ yearId, expected: drafts + 1 }))?.serverError).toMatch(/请刷新页面核对后再发布/);
    const published = await publishCatalogue({ yearId, expected: drafts });
    expect(published?.data?.count).toBe(drafts);

    expect(await getTopic(viewerA, draft!.data!.id)).not.toBeNull();
    for (const clerk of [clerkA, clerkB, clerkC]) {
      expect(await db.notification.count({ where: { userId: clerk.id, kind: "topic.published" } })).toBe(1);
    }
    expect(await db.notification.count({ where: { userId: clerkC.id, kind: "topic.assigned" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "topic.assigned" } })).toBe(0);
    expect(await db.notification.count({ where: { userId: staff.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "topic.publish", entityId: yearId } })).toBe(1);
  });

  it("amends a published topic only with a reason, records what changed and tells the units involved", async () => {
    const topic = await publishedTopic("OPEN", new Date(Date.now() + 10 * DAY));
    await actAs(clerkA);
    await takeTopic({ topicId: topic.id, note: null });
    await actAs(staff);
    const base = {
      id: topic.id,
      version: (await db.topic.findUniqueOrThrow({ where: { id: topic.id } })).version,
      ...fields({ title: "改过的名称", category: "TALENT" }),
      focus: "HOT" as const,
      tier: "ROUTINE" as const,
    };
    const noReason = await updateTopic(base);
    expect(noReason?.validationErrors?.fieldErrors.reason).toEqual(["已发布的选题须填写修改理由"]);
    const otherCategory = await updateTopic({ ...base, category: "CADRE", reason: "调整类别" });
    expect(otherCategory?.validationErrors?.fieldErrors.category?.[0]).toMatch(/类别不能更改/);
    const amended = await updateTopic({ ...base, reason: "名称更准确" });
    expect(amended?.data).toBeTruthy();
    const [amendment] = await db.topicAmendment.findMany({ where: { topicId: topic.id } });
    expect(amendment.reason).toBe("名称更准确");
    expect(amendment.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "选题名称", after: "改过的名称" })]));
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "topic.amended" } })).toBe(1);
    // Someone working from the page before the amendment is stopped, not overwritten.
    expect((await updateTopic({ ...base, reason: "再改" }))?.serverError).toBe(STALE_RECORD);
  });

  it("withdraws a topic without deleting it: units still see it, nobody can claim it", async () => {
    const topic = await publishedTopic("OPEN", new Date(Date.now() + 10 * DAY));
    await actAs(staff);
    expect((await withdrawTopic({ id: topic.id, version: topic.version, reason: "与其他选题重复" }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    expect((await withdrawTopic({ id: topic.id, version: topic.version, reason: "与其他选题重复" }))?.data).toBeTruthy();
    const seen = await getTopic({ roles: clerkB.roles, unitId: clerkB.unitId }, topic.id);
    expect(seen?.status).toBe("WITHDRAWN");
    expect(seen?.withdrawReason).toBe("与其他选题重复");
    await actAs(clerkB);
    expect((await takeTopic({ topicId: topic.id, note: null }))?.serverError).toBe("该选题已撤回");
  });
});

describe("claims and the closing date (server clock)", () => {
  it("accepts a take-up one second before the closing date and refuses one second after", async () => {
    const closesAt = new Date(Date.now() + 60_000);
    const topic = await publishedTopic("OPEN", closesAt);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(closesAt.getTime() - 1000);
    await actAs(clerkA);
    expect((await takeTopic({ topicId: topic.id, note: "本镇已有基础" }))?.data).toBeTruthy();
    vi.setSystemTime(closesAt.getTime() + 1000);
    await actAs(clerkB);
    expect((await takeTopic({ topicId: topic.id, note: null }))?.serverError).toMatch(/^认领已于 .+ 截止$/);
    vi.useRealTimers();
    expect(await db.topicClaim.count({ where: { topicId: topic.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "claim.take", summary: topic.code } })).toBe(1);
  });

  it("keeps one bid per unit per topic, even on a double submit, and lets the unit revise it", async () => {
    const topic = await publishedTopic("BIDDING", new Date(Date.now() + 10 * DAY));
    await actAs(clerkA);
    const results = await Promise.all([submitBid({ topicId: topic.id, ...plan }), submitBid({ topicId: topic.id, ...plan })]);
    expect(results.filter((r) => r?.data).length).toBe(1);
    expect(results.find((r) => !r?.data)?.serverError).toMatch(/本单位已投标/);
    expect(await db.topicClaim.count({ where: { topicId: topic.id, unitId: clerkA.unitId } })).toBe(1);
    const revised = await submitBid({ topicId: topic.id, version: 0, ...plan, approach: "修改后的思路" });
    expect(revised?.data).toBeTruthy();
    expect((await submitBid({ topicId: topic.id, version: 0, ...plan }))?.serverError).toBe(STALE_RECORD);
    const own = await db.topicClaim.findFirstOrThrow({ where: { topicId: topic.id, unitId: clerkA.unitId } });
    expect(own.approach).toBe("修改后的思路");
  });

  it("shows a unit its own bid only, and other units' take-ups without their plans", async () => {
    const topic = await publishedTopic("BIDDING", new Date(Date.now() + 10 * DAY));
    await actAs(clerkA);
    await submitBid({ topicId: topic.id, ...plan, approach: "甲镇的保密思路" });
    const seenByB = await getTopic({ roles: clerkB.roles, unitId: clerkB.unitId }, topic.id);
    expect(seenByB?.claims).toEqual([]);
    const listedForB = await listTopics({ roles: clerkB.roles, unitId: clerkB.unitId }, { yearId, q: topic.code });
    expect(listedForB.topics[0].claims).toEqual([]);
    const seenByA = await getTopic({ roles: clerkA.roles, unitId: clerkA.unitId }, topic.id);
    expect(seenByA?.claims[0].approach).toBe("甲镇的保密思路");
    const seenByStaff = await getTopic({ roles: staff.roles, unitId: staff.unitId }, topic.id);
    expect(seenByStaff?.claims[0].approach).toBe("甲镇的保密思路");
  });

  it("lets the admin alone award bids, after the closing date, with reasons for the others", async () => {
    const closesAt = new Date(Date.now() + 60_000);
    const topic = await publishedTopic("BIDDING", closesAt);
    await actAs(clerkA);
    await submitBid({ topicId: topic.id, ...plan });
    await actAs(clerkB);
    await submitBid({ topicId: topic.id, ...plan });
    const [bidA, bidB] = await db.topicClaim.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
    const version = (await db.topic.findUniqueOrThrow({ where: { id: topic.id } })).version;
    const decisions = [
      { claimId: bidA.id, awarded: true, reason: "方案具体" },
      { claimId: bidB.id, awarded: false, reason: null },
    ];

    await actAs(admin);
    expect((await awardBids({ topicId: topic.id, version, decisions }))?.serverError).toMatch(/后才能评标/);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(closesAt.getTime() + 1000);
    await actAs(clerkC);
    expect((await submitBid({ topicId: topic.id, ...plan }))?.serverError).toMatch(/截止/);
    await actAs(staff);
    expect((await awardBids({ topicId: topic.id, version, decisions }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    const noReason = await awardBids({ topicId: topic.id, version, decisions });
    expect((noReason?.validationErrors?.fieldErrors as Record<string, string[]> | undefined)?.[`reason_${bidB.id}`]).toEqual([
      "请写明未中标的理由，将告知投标单位",
    ]);
    const nobody = await awardBids({ topicId: topic.id, version, decisions: decisions.map((d) => ({ ...d, awarded: false, reason: "都不合适" })) });
    expect(nobody?.serverError).toBe("请至少选择一个中标单位");
    decisions[1].reason = "与本镇实际结合不紧";
    expect((await awardBids({ topicId: topic.id, version, decisions }))?.data?.winners).toEqual(["甲镇"]);
    // Decided: a second award (another admin's stale page) is refused.
    expect((await awardBids({ topicId: topic.id, version, decisions }))?.serverError).toBe(STALE_RECORD);
    vi.useRealTimers();

    const after = await db.topicClaim.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
    expect(after.map((c) => c.status)).toEqual(["AWARDED", "NOT_AWARDED"]);
    expect(after[1].decisionReason).toBe("与本镇实际结合不紧");
    const toldB = await db.notification.findFirstOrThrow({ where: { userId: clerkB.id, kind: "topic.bid_result", link: `/topics/${topic.id}` } });
    expect(toldB.title).toMatch(/未中标/);
    expect(toldB.body).toBe("与本镇实际结合不紧");
  });

  it("lets only the named unit answer an assignment, and a refusal needs its reason", async () => {
    const topic = await publishedTopic("ASSIGNED", new Date(Date.now() + 10 * DAY), [county.townshipA.id]);
    await actAs(clerkB);
    expect((await answerAssignment({ topicId: topic.id, accept: true, note: null }))?.serverError).toBe("该选题未发包给本单位");
    await actAs(clerkA);
    const bare = await answerAssignment({ topicId: topic.id, accept: false, note: "" });
    expect(bare?.validationErrors?.fieldErrors.note).toEqual(["请说明不能承接的原因"]);
    expect((await answerAssignment({ topicId: topic.id, accept: false, note: "人手不足" }))?.data).toBeTruthy();
    expect((await answerAssignment({ topicId: topic.id, accept: true, note: null }))?.serverError).toBe("本单位已答复（不能承接）");
    expect(await db.notification.count({ where: { userId: admin.id, kind: "topic.claim", link: `/topics/${topic.id}` } })).toBe(1);
  });

  it("closes claims early with a reason recorded as an amendment", async () => {
    const topic = await publishedTopic("OPEN", new Date(Date.now() + 10 * DAY));
    await actAs(admin);
    const version = (await db.topic.findUniqueOrThrow({ where: { id: topic.id } })).version;
    expect((await closeClaims({ id: topic.id, version, reason: "" }))?.validationErrors?.fieldErrors.reason).toBeTruthy();
    expect((await closeClaims({ id: topic.id, version, reason: "认领单位已足够" }))?.data).toBeTruthy();
    await actAs(clerkA);
    expect((await takeTopic({ topicId: topic.id, note: null }))?.serverError).toMatch(/截止/);
    expect(await db.topicAmendment.count({ where: { topicId: topic.id, reason: "认领单位已足够" } })).toBe(1);
  });
});

describe("notifications", () => {
  it("marks only the caller's own notification as read", async () => {
    const notification = await db.notification.create({ data: { userId: clerkA.id, kind: "topic.published", title: "给甲镇的通知" } });
    await actAs(clerkB);
    await markNotificationRead({ id: notification.id });
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).toBeNull();
    await actAs(clerkA);
    await markNotificationRead({ id: notification.id });
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).not.toBeNull();
  });
});
