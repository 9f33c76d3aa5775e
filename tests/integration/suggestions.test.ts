import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createChallenge, solveQuestion } from "@/lib/security/challenge";
import { TOO_MANY_WRONG } from "@/lib/security/public-challenge";
import { addressKey } from "@/lib/security/rate-limit";
import { createAspect, submitSuggestion, triageSuggestion, updateAspect } from "@/lib/suggestions/actions";
import { activeAspects, lookupByReceipt, suggestionCounts } from "@/lib/suggestions/queries";
import { createSuggestionRecord, ensureDefaultAspects } from "@/lib/suggestions/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const SECRET = "test-secret";
process.env.NEXTAUTH_SECRET = SECRET;

// Suggestions are filed under the year of their Beijing calendar date.
const YEAR = Number(formatDate(new Date()).slice(0, 4));
const RECEIPT = new RegExp(`^JY${YEAR}-[23456789A-HJKMNP-Z]{8}$`);

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  leader = await makeUser(["LEADER"], county.county.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  await ensureDefaultAspects();
});

beforeEach(async () => {
  signOutTestUser();
  // Every anonymous call here comes from 127.0.0.1: start each test with an empty allowance.
  await db.rateLimit.deleteMany();
});

async function aspect(name: string) {
  return db.suggestionAspect.findFirstOrThrow({ where: { name } });
}

/** A fresh challenge and its right answer, read from the question as a person would (the token does not tell). */
function solved(now = Date.now()) {
  const { question, token } = createChallenge(SECRET, now);
  return { challengeToken: token, challengeAnswer: String(solveQuestion(question)) };
}

let serial = 0;
/** A suggestion text no other test uses, so rows can be counted by it. */
function text(prefix = "建议在各村推行党员积分管理") {
  return `${prefix}（测试${++serial}）`;
}

async function form(overrides: Record<string, unknown> = {}) {
  return {
    category: "PARTY_BUILDING" as SuggestionCategory,
    aspectId: (await aspect("农村党建")).id,
    content: text(),
    ...solved(),
    ...overrides,
  };
}

const countWith = (content: string) => db.suggestion.count({ where: { content } });

/** A suggestion made directly through the service (no rate limit, no challenge). */
async function filed(content = text(), options: { aspectName?: string; category?: SuggestionCategory; createdAt?: Date } = {}) {
  const aspectRow = await aspect(options.aspectName ?? "农村党建");
  return db.$transaction((tx) =>
    createSuggestionRecord(
      tx,
      { category: options.category ?? aspectRow.category, aspectId: aspectRow.id, content, submitterName: null, contact: null },
      { actor: null, unitId: null, ip: null, createdAt: options.createdAt },
    ),
  );
}

const fresh = (id: string) => db.suggestion.findUniqueOrThrow({ where: { id } });

/** Waits out the last seconds of a fixed 10-minute window, so a burst of calls lands in one window. */
async function awayFromWindowEdge() {
  const left = 600_000 - (Date.now() % 600_000);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 500));
}

describe("anonymous submission", () => {
  it("files a suggestion with a receipt number, no unit and no user, and audits it", async () => {
    const input = await form({ submitterName: "张三", contact: "13800000000" });
    const result = await submitSuggestion(input);
    expect(result.serverError).toBeUndefined();
    expect(result.validationErrors).toBeUndefined();
    const receiptNo = result.data!.receiptNo;
    expect(receiptNo).toMatch(RECEIPT);

    const row = await db.suggestion.findUniqueOrThrow({ where: { receiptNo } });
    expect(row).toMatchObject({
      yearId,
      category: "PARTY_BUILDING",
      aspectId: input.aspectId,
      content: input.content,
      submitterName: "张三",
      contact: "13800000000",
      unitId: null,
      userId: null,
      status: "NEW",
      reply: null,
      mergedIntoId: null,
      version: 0,
    });
    const audit = await db.auditLog.findMany({ where: { action: "suggestion.create", entityId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, outcome: "SUCCESS", entityType: "Suggestion", summary: receiptNo, ip: "127.0.0.1" });
  });

  it("accepts each answered challenge once", async () => {
    const input = await form();
    expect((await submitSuggestion(input)).data?.receiptNo).toMatch(RECEIPT);
    const again = await submitSuggestion(input);
    expect(again.serverError).toBe("该验证题已使用过，请换一题后再提交");
    expect(again.data).toBeUndefined();
    expect(await countWith(input.content)).toBe(1);
  });

  it("puts a wrong answer on the challenge field and files nothing", async () => {
    const input = await form();
    const result = await submitSuggestion({ ...input, challengeAnswer: String(Number(input.challengeAnswer) + 1) });
    expect(result.validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["验证题答案不正确"] });
    expect(await countWith(input.content)).toBe(0);
    // The token was not used up: the same question answered right goes through.
    expect((await submitSuggestion(input)).data?.receiptNo).toMatch(RECEIPT);
  });

  it("asks for the answer when it is missing", async () => {
    const { challengeAnswer: _, ...input } = await form();
    expect((await submitSuggestion(input)).validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["请回答验证题"] });
    expect((await submitSuggestion({ ...input, challengeAnswer: "" })).validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["请回答验证题"] });
    expect(await countWith(input.content)).toBe(0);
  });

  it("refuses an expired token, and one whose answer hash was swapped for another token's", async () => {
    const expired = await form(solved(Date.now() - 2 * 60 * 60 * 1000 - 1000));
    expect((await submitSuggestion(expired)).validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["验证题已过期，请换一题重新作答"] });
    const input = await form();
    const other = solved();
    const [body, signature] = input.challengeToken.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    payload.h = JSON.parse(Buffer.from(other.challengeToken.split(".")[0], "base64url").toString()).h;
    payload.nonce = JSON.parse(Buffer.from(other.challengeToken.split(".")[0], "base64url").toString()).nonce;
    const tampered = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    const result = await submitSuggestion({ ...input, challengeToken: tampered, challengeAnswer: other.challengeAnswer });
    expect(result.validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["验证题已失效，请刷新页面后重新作答"] });
    expect(await countWith(input.content)).toBe(0);
  });

  it("stops an address guessing after ten wrong answers in ten minutes, right answers included", async () => {
    const input = await form();
    const wrong = String(Number(input.challengeAnswer) === 18 ? 2 : Number(input.challengeAnswer) + 1);
    for (let n = 0; n < 10; n++) {
      expect((await submitSuggestion({ ...input, challengeAnswer: wrong })).validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["验证题答案不正确"] });
    }
    expect((await submitSuggestion(input)).validationErrors?.fieldErrors).toEqual({ challengeAnswer: [TOO_MANY_WRONG] });
    expect(await countWith(input.content)).toBe(0);
  });

  it("refuses a forged or foreign token", async () => {
    const input = await form();
    const { question, token } = createChallenge("another-secret");
    const result = await submitSuggestion({ ...input, challengeToken: token, challengeAnswer: String(solveQuestion(question)) });
    expect(result.validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["验证题已失效，请刷新页面后重新作答"] });
    const { challengeToken: _, ...noToken } = input;
    expect((await submitSuggestion(noToken)).validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["验证题已失效，请刷新页面后重新作答"] });
    expect(await countWith(input.content)).toBe(0);
  });

  it("needs at least 10 characters of content, not counting surrounding spaces", async () => {
    const nine = "一二三四五六七八九";
    expect((await submitSuggestion(await form({ content: nine }))).validationErrors?.fieldErrors).toEqual({ content: ["意见建议至少 10 个字"] });
    expect((await submitSuggestion(await form({ content: `   ${nine}   ` }))).validationErrors?.fieldErrors).toEqual({ content: ["意见建议至少 10 个字"] });
    expect(await countWith(nine)).toBe(0);
    expect((await submitSuggestion(await form({ content: `${nine}十` }))).data?.receiptNo).toMatch(RECEIPT);
  });

  it("puts an aspect of another category on the aspect field, and leaves the challenge usable", async () => {
    const input = await form({ category: "CADRE" });
    const result = await submitSuggestion(input);
    expect(result.validationErrors?.fieldErrors).toEqual({ aspectId: ["请选择该类别下的方面"] });
    expect(await countWith(input.content)).toBe(0);
    const unknown = await submitSuggestion({ ...input, category: "PARTY_BUILDING", aspectId: "no-such-aspect" });
    expect(unknown.validationErrors?.fieldErrors).toEqual({ aspectId: ["请选择该类别下的方面"] });
    expect((await submitSuggestion({ ...input, category: "PARTY_BUILDING" })).data?.receiptNo).toMatch(RECEIPT);
  });

  it("tells a bot that filled the hidden field nothing and files nothing", async () => {
    const input = await form({ website: "http://spam.example" });
    const result = await submitSuggestion(input);
    expect(result.serverError).toBe("提交失败，请稍后再试");
    expect(result.data).toBeUndefined();
    expect(await countWith(input.content)).toBe(0);
    const { nonce } = JSON.parse(Buffer.from(input.challengeToken.split(".")[0], "base64url").toString()) as { nonce: string };
    expect(await db.challengeUse.findUnique({ where: { nonce } })).toBeNull();
  });

  it("stores markup verbatim (pages escape it)", async () => {
    const content = "<script>alert(1)</script>建议……<b>加强</b> & “党建” 'quote'";
    const result = await submitSuggestion(await form({ content, submitterName: "<img src=x onerror=alert(1)>" }));
    const row = await db.suggestion.findUniqueOrThrow({ where: { receiptNo: result.data!.receiptNo } });
    expect(row.content).toBe(content);
    expect(row.submitterName).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("rate limit", () => {
  it("refuses the 6th submission from one address within 10 minutes, audits it and keeps the count in RateLimit", async () => {
    await awayFromWindowEdge();
    const content = text("建议完善流动党员管理台账");
    for (let i = 1; i <= 5; i++) {
      const result = await submitSuggestion(await form({ content }));
      expect(result.data?.receiptNo, `submission ${i}`).toMatch(RECEIPT);
    }
    const sixth = await submitSuggestion(await form({ content }));
    expect(sixth.serverError).toBe("提交过于频繁，请稍后再试");
    expect(sixth.data).toBeUndefined();
    expect(await countWith(content)).toBe(5);

    const refusals = await db.auditLog.findMany({ where: { action: "suggestion.rate_limited" } });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ actorId: null, outcome: "DENIED", ip: "127.0.0.1" });

    const windows = await db.rateLimit.findMany({ where: { key: { startsWith: "suggest-10m:" } } });
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ key: `suggest-10m:${addressKey("127.0.0.1")}`, count: 6 });
    // The address is kept hashed.
    expect(windows[0].key).not.toContain("127.0.0.1");
    expect(await db.rateLimit.findFirst({ where: { key: { startsWith: "suggest-day:" } } })).toMatchObject({ count: 6 });
  });

  it("does not count a wrong answer, a missing answer or the hidden field against the address's suggestions", async () => {
    await awayFromWindowEdge();
    for (let i = 0; i < 6; i++) {
      const input = await form();
      await submitSuggestion({ ...input, challengeAnswer: "99" });
      await submitSuggestion({ ...input, challengeAnswer: undefined });
      await submitSuggestion({ ...input, website: "x" });
    }
    expect(await db.rateLimit.count({ where: { key: { startsWith: "suggest-" } } })).toBe(0);
    // Only the wrong answers are counted, against the guessing allowance.
    expect((await db.rateLimit.findMany()).map((r) => [r.key.split(":")[0], r.count])).toEqual([["challenge-wrong", 6]]);
    expect((await submitSuggestion(await form())).data?.receiptNo).toMatch(RECEIPT);
  });

  it("counts a signed-in person per account, not per address", async () => {
    await awayFromWindowEdge();
    for (let i = 0; i < 5; i++) expect((await submitSuggestion(await form())).data).toBeDefined();
    await actAs(clerk);
    const { challengeToken: _t, challengeAnswer: _a, ...input } = await form();
    expect((await submitSuggestion(input)).data?.receiptNo).toMatch(RECEIPT);
    expect(await db.rateLimit.findFirst({ where: { key: `suggest-10m:user:${clerk.id}` } })).toMatchObject({ count: 1 });
  });
});

describe("signed-in submission", () => {
  it("needs no challenge and files the suggestion under the person and their unit", async () => {
    await actAs(clerk);
    const { challengeToken: _t, challengeAnswer: _a, ...input } = await form({ category: "TALENT", aspectId: (await aspect("人才引进")).id });
    const usedBefore = await db.challengeUse.count();
    const result = await submitSuggestion(input);
    expect(result.data?.receiptNo).toMatch(RECEIPT);
    const row = await db.suggestion.findUniqueOrThrow({ where: { receiptNo: result.data!.receiptNo } });
    expect(row).toMatchObject({ unitId: county.townshipA.id, userId: clerk.id, category: "TALENT", status: "NEW", yearId });
    expect(await db.challengeUse.count()).toBe(usedBefore);
    expect(await db.auditLog.findFirst({ where: { action: "suggestion.create", entityId: row.id } })).toMatchObject({
      actorId: clerk.id,
      actorUsername: clerk.username,
    });
  });

  it("treats an account that must still change its password as a visitor", async () => {
    const newcomer = await makeUser(["UNIT_USER"], county.townshipB.id, { mustChangePassword: true });
    await actAs(newcomer);
    const { challengeToken: _t, challengeAnswer: _a, ...input } = await form();
    expect((await submitSuggestion(input)).validationErrors?.fieldErrors).toEqual({ challengeAnswer: ["请回答验证题"] });
    const result = await submitSuggestion(await form());
    const row = await db.suggestion.findUniqueOrThrow({ where: { receiptNo: result.data!.receiptNo } });
    expect(row).toMatchObject({ unitId: null, userId: null });
  });

  it("treats an account without suggestions.submit (security admin) as the anonymous visitor the form shows it as", async () => {
    // /suggest shows such an account the anonymous form (challenge, name, contact): its suggestion must not carry its account.
    const security = await makeUser(["SECURITY_ADMIN"], county.section.id);
    await actAs(security);
    const result = await submitSuggestion(await form());
    expect(result.data?.receiptNo).toMatch(RECEIPT);
    const row = await db.suggestion.findUniqueOrThrow({ where: { receiptNo: result.data!.receiptNo } });
    expect(row).toMatchObject({ unitId: null, userId: null });
  });
});

describe("lookup by receipt", () => {
  it("finds by a receipt typed in lower case with spaces, and shows nothing about the person", async () => {
    const input = await form({ submitterName: "李四", contact: "lisi@example.com" });
    const { receiptNo } = (await submitSuggestion(input)).data!;
    const typed = `  ${receiptNo
      .toLowerCase()
      .replace("-", " - ")
      .replace(/(.{4})$/, " $1")} `;
    const found = await lookupByReceipt(typed);
    expect(found).toMatchObject({
      receiptNo,
      content: input.content,
      status: "NEW",
      reply: null,
      category: "PARTY_BUILDING",
      aspect: { name: "农村党建" },
      mergedInto: null,
    });
    expect(Object.keys(found!).sort()).toEqual(["aspect", "category", "content", "createdAt", "handledAt", "mergedInto", "receiptNo", "reply", "status"]);
    expect(JSON.stringify(found)).not.toMatch(/李四|lisi|unitId|userId|handledBy/);
  });

  it("finds nothing for an unknown receipt", async () => {
    expect(await lookupByReceipt(`JY${YEAR}-22222222`)).toBeNull();
    expect(await lookupByReceipt("")).toBeNull();
  });
});

describe("triage", () => {
  beforeEach(async () => {
    await actAs(staff);
  });

  it("needs a reply text to reply, then shows the reply to the person", async () => {
    const s = await filed();
    expect((await triageSuggestion({ id: s.id, version: 0, action: "reply" })).validationErrors?.fieldErrors).toEqual({ reply: ["请填写答复内容"] });
    expect((await triageSuggestion({ id: s.id, version: 0, action: "reply", reply: "   " })).validationErrors?.fieldErrors).toEqual({
      reply: ["请填写答复内容"],
    });
    expect(await fresh(s.id)).toMatchObject({ status: "NEW", version: 0, handledAt: null });

    const result = await triageSuggestion({ id: s.id, version: 0, action: "reply", reply: "感谢您的建议，已转组织科研究。" });
    expect(result.data).toEqual({ id: s.id });
    const row = await fresh(s.id);
    expect(row).toMatchObject({ status: "REPLIED", reply: "感谢您的建议，已转组织科研究。", handledById: staff.id, version: 1 });
    expect(row.handledAt).toBeInstanceOf(Date);
    expect(await db.auditLog.findFirst({ where: { action: "suggestion.triage", entityId: s.id } })).toMatchObject({
      actorId: staff.id,
      outcome: "SUCCESS",
      summary: `${s.receiptNo}：待处理 → 已答复`,
      ip: "127.0.0.1",
    });
    expect(await lookupByReceipt(s.receiptNo.toLowerCase())).toMatchObject({ status: "REPLIED", reply: "感谢您的建议，已转组织科研究。" });
  });

  it("needs a reason to decline", async () => {
    const s = await filed();
    expect((await triageSuggestion({ id: s.id, version: 0, action: "notAdopted", reply: "" })).validationErrors?.fieldErrors).toEqual({
      reply: ["请写明不予采纳的理由"],
    });
    expect((await fresh(s.id)).status).toBe("NEW");
    expect((await triageSuggestion({ id: s.id, version: 0, action: "notAdopted", reply: "已有相关制度规定。" })).data).toEqual({ id: s.id });
    expect(await fresh(s.id)).toMatchObject({ status: "NOT_ADOPTED", reply: "已有相关制度规定。", version: 1 });
    // Declined cannot be declined or replied to again, but can still be accepted.
    expect((await triageSuggestion({ id: s.id, version: 1, action: "reply", reply: "x" })).serverError).toBe("“未采纳”的建议不能答复");
    expect((await triageSuggestion({ id: s.id, version: 1, action: "accept" })).data).toEqual({ id: s.id });
    expect(await fresh(s.id)).toMatchObject({ status: "ACCEPTED", reply: "已有相关制度规定。", version: 2 });
  });

  it("refuses merging into an unknown receipt, without a receipt or into itself", async () => {
    const s = await filed();
    expect((await triageSuggestion({ id: s.id, version: 0, action: "merge", mergeInto: `JY${YEAR}-22222222` })).validationErrors?.fieldErrors).toEqual({
      mergeInto: ["找不到该回执号的建议"],
    });
    expect((await triageSuggestion({ id: s.id, version: 0, action: "merge", mergeInto: "" })).validationErrors?.fieldErrors).toEqual({
      mergeInto: ["请填写要合并到的建议回执号"],
    });
    expect(
      (await triageSuggestion({ id: s.id, version: 0, action: "merge", mergeInto: ` ${s.receiptNo.toLowerCase()} ` })).validationErrors?.fieldErrors,
    ).toEqual({
      mergeInto: ["不能合并到它自己"],
    });
    expect(await fresh(s.id)).toMatchObject({ status: "NEW", mergedIntoId: null, version: 0 });
  });

  it("merges A into B, then B into C, and A follows to C; merged ones cannot be triaged or merged into", async () => {
    const [a, b, c, d] = [await filed(), await filed(), await filed(), await filed()];
    expect((await triageSuggestion({ id: a.id, version: 0, action: "merge", mergeInto: b.receiptNo.toLowerCase() })).data).toEqual({ id: a.id });
    expect(await fresh(a.id)).toMatchObject({ status: "MERGED", mergedIntoId: b.id, reply: "该建议与其他建议内容相同，已合并处理。", version: 1 });
    expect((await triageSuggestion({ id: b.id, version: 0, action: "merge", mergeInto: c.receiptNo })).data).toEqual({ id: b.id });
    expect(await fresh(b.id)).toMatchObject({ status: "MERGED", mergedIntoId: c.id });
    expect((await fresh(a.id)).mergedIntoId).toBe(c.id);
    expect((await lookupByReceipt(a.receiptNo))?.mergedInto).toEqual({ receiptNo: c.receiptNo, status: "NEW", reply: null });

    for (const action of ["accept", "reply", "notAdopted", "merge"] as const) {
      const result = await triageSuggestion({ id: a.id, version: 1, action, reply: "再处理一次", mergeInto: d.receiptNo });
      expect(result.serverError, action).toContain("已合并");
    }
    expect(await fresh(a.id)).toMatchObject({ status: "MERGED", mergedIntoId: c.id, version: 1 });
    expect((await triageSuggestion({ id: d.id, version: 0, action: "merge", mergeInto: a.receiptNo })).validationErrors?.fieldErrors).toEqual({
      mergeInto: ["目标建议本身已被合并，请填写最终的那条"],
    });
  });

  it("refuses a change made from a stale version", async () => {
    const s = await filed();
    expect((await triageSuggestion({ id: s.id, version: 0, action: "accept" })).data).toEqual({ id: s.id });
    const stale = await triageSuggestion({ id: s.id, version: 0, action: "reply", reply: "另一位同事的答复" });
    expect(stale.serverError).toBe(STALE_RECORD);
    expect(await fresh(s.id)).toMatchObject({ status: "ACCEPTED", reply: null, version: 1 });
    expect(await db.auditLog.count({ where: { action: "suggestion.triage", entityId: s.id } })).toBe(1);
  });

  it("refuses unit users and leaders (leaders read but do not triage), and visitors", async () => {
    const s = await filed();
    for (const user of [clerk, leader]) {
      await actAs(user);
      const result = await triageSuggestion({ id: s.id, version: 0, action: "reply", reply: "越权答复" });
      expect(result.serverError, user.username).toBe("无权执行此操作");
      expect(await db.auditLog.findFirst({ where: { action: "access.denied", actorId: user.id } })).toMatchObject({
        outcome: "DENIED",
        summary: "操作：处理建议",
      });
    }
    signOutTestUser();
    expect((await triageSuggestion({ id: s.id, version: 0, action: "accept" })).serverError).toBe("登录已失效，请重新登录");
    expect(await fresh(s.id)).toMatchObject({ status: "NEW", reply: null, version: 0 });
  });
});

describe("aspects", () => {
  beforeEach(async () => {
    await actAs(admin);
  });

  it("lets the admin add an aspect and refuses a duplicate name in the same category", async () => {
    const result = await createAspect({ category: "TALENT", name: " 人才住房保障 ", sortOrder: 50 });
    expect(result.data?.id).toEqual(expect.any(String));
    expect(await db.suggestionAspect.findUniqueOrThrow({ where: { id: result.data!.id } })).toMatchObject({
      category: "TALENT",
      name: "人才住房保障",
      sortOrder: 50,
      active: true,
    });
    expect(await db.auditLog.findFirst({ where: { action: "aspect.create", entityId: result.data!.id } })).toMatchObject({
      actorId: admin.id,
      summary: "人才住房保障",
    });
    expect((await activeAspects()).some((a) => a.id === result.data!.id)).toBe(true);

    expect((await createAspect({ category: "TALENT", name: "人才引进" })).validationErrors?.fieldErrors).toEqual({ name: ["该类别下已有同名方面"] });
    expect(await db.suggestionAspect.count({ where: { name: "人才引进" } })).toBe(1);
    // The same name under another category is a different aspect.
    expect((await createAspect({ category: "CADRE", name: "人才引进" })).data?.id).toEqual(expect.any(String));
  });

  it("refuses renaming to a name the category already has, and a stale version", async () => {
    const created = (await createAspect({ category: "SELF_BUILDING", name: "信息化建设" })).data!;
    const base = { id: created.id, version: 0, category: "SELF_BUILDING" as const, sortOrder: 0, active: true };
    expect((await updateAspect({ ...base, name: "制度机制建设" })).validationErrors?.fieldErrors).toEqual({ name: ["该类别下已有同名方面"] });
    expect((await updateAspect({ ...base, name: "信息化与数字化建设" })).data).toEqual({ id: created.id });
    expect((await updateAspect({ ...base, name: "数字化建设" })).serverError).toBe(STALE_RECORD);
    expect(await db.suggestionAspect.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ name: "信息化与数字化建设", version: 1 });
  });

  it("stops offering a deactivated aspect and refuses new suggestions under it, keeping the old ones", async () => {
    const created = (await createAspect({ category: "PARTY_BUILDING", name: "非公企业党建" })).data!;
    signOutTestUser();
    const before = await submitSuggestion(await form({ aspectId: created.id }));
    expect(before.data?.receiptNo).toMatch(RECEIPT);

    await actAs(admin);
    const offeredBefore = (await activeAspects()).length;
    expect((await updateAspect({ id: created.id, version: 0, category: "PARTY_BUILDING", name: "非公企业党建", sortOrder: 0, active: false })).data).toEqual({
      id: created.id,
    });
    expect(await db.auditLog.findFirst({ where: { action: "aspect.update", entityId: created.id } })).toMatchObject({
      summary: "非公企业党建 → 非公企业党建（停用）",
    });
    const offered = await activeAspects();
    expect(offered.some((a) => a.id === created.id)).toBe(false);
    expect(offered).toHaveLength(offeredBefore - 1);

    signOutTestUser();
    const input = await form({ aspectId: created.id });
    expect((await submitSuggestion(input)).validationErrors?.fieldErrors).toEqual({ aspectId: ["请选择该类别下的方面"] });
    expect(await countWith(input.content)).toBe(0);
    expect(await db.suggestion.findUnique({ where: { receiptNo: before.data!.receiptNo } })).toMatchObject({ aspectId: created.id });
  });

  it("refuses moving an aspect that has suggestions to another category, allows it for an empty one", async () => {
    const used = (await createAspect({ category: "CADRE", name: "年轻干部培养" })).data!;
    const empty = (await createAspect({ category: "CADRE", name: "干部档案管理" })).data!;
    await filed(text(), { aspectName: "年轻干部培养" });
    const moved = await updateAspect({ id: used.id, version: 0, category: "TALENT", name: "年轻干部培养", sortOrder: 0, active: true });
    expect(moved.serverError).toBe("该方面下已有建议，不能改到其他类别");
    expect(await db.suggestionAspect.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ category: "CADRE", version: 0 });
    expect((await updateAspect({ id: empty.id, version: 0, category: "SELF_BUILDING", name: "干部档案管理", sortOrder: 0, active: true })).data).toEqual({
      id: empty.id,
    });
    expect((await db.suggestionAspect.findUniqueOrThrow({ where: { id: empty.id } })).category).toBe("SELF_BUILDING");
  });

  it("refuses county staff", async () => {
    await actAs(staff);
    expect((await createAspect({ category: "TALENT", name: "越权方面" })).serverError).toBe("无权执行此操作");
    expect(await db.suggestionAspect.count({ where: { name: "越权方面" } })).toBe(0);
    const target = await aspect("人才服务");
    const result = await updateAspect({ id: target.id, version: target.version, category: "TALENT", name: "越权改名", sortOrder: 0, active: false });
    expect(result.serverError).toBe("无权执行此操作");
    expect(await db.suggestionAspect.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ name: "人才服务", active: true });
  });
});

describe("counts by category, aspect and status", () => {
  it("groups one year's suggestions, filing each under its Beijing calendar year", async () => {
    const y2031 = await db.$transaction((tx) => createYearRecord(tx, 2031, null));
    const y2032 = await db.$transaction((tx) => createYearRecord(tx, 2032, null));
    const at = (value: string) => parseBusinessDateTime(value)!;
    await actAs(staff);
    const make = (aspectName: string, when = "2031-03-01 10:00") => filed(text(), { aspectName, createdAt: at(when) });

    const rural = [await make("农村党建"), await make("农村党建"), await make("农村党建", "2031-12-31 23:30")];
    const community = await make("城市社区党建");
    const intro = [await make("人才引进"), await make("人才引进")];
    // 2032-01-01 00:30 in Beijing is still 2031 in UTC: it belongs to 2032.
    const newYear = await make("农村党建", "2032-01-01 00:30");
    expect(newYear.yearId).toBe(y2032.id);
    expect(rural[2].yearId).toBe(y2031.id);

    await triageSuggestion({ id: rural[0].id, version: 0, action: "reply", reply: "已答复" });
    await triageSuggestion({ id: rural[1].id, version: 0, action: "merge", mergeInto: rural[0].receiptNo });
    await triageSuggestion({ id: intro[0].id, version: 0, action: "accept" });

    const ids = Object.fromEntries(await Promise.all(["农村党建", "城市社区党建", "人才引进"].map(async (name) => [name, (await aspect(name)).id])));
    const key = (row: { category: string; aspectId: string; status: string }) => `${row.category}/${row.aspectId}/${row.status}`;
    const counts = (await suggestionCounts(y2031.id)).sort((x, y) => key(x).localeCompare(key(y)));
    const expected = [
      { category: "PARTY_BUILDING", aspectId: ids.农村党建, status: "REPLIED", count: 1 },
      { category: "PARTY_BUILDING", aspectId: ids.农村党建, status: "MERGED", count: 1 },
      { category: "PARTY_BUILDING", aspectId: ids.农村党建, status: "NEW", count: 1 },
      { category: "PARTY_BUILDING", aspectId: ids.城市社区党建, status: "NEW", count: 1 },
      { category: "TALENT", aspectId: ids.人才引进, status: "ACCEPTED", count: 1 },
      { category: "TALENT", aspectId: ids.人才引进, status: "NEW", count: 1 },
    ].sort((x, y) => key(x).localeCompare(key(y)));
    expect(counts).toEqual(expected);
    expect(counts.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    expect(await suggestionCounts(y2032.id)).toEqual([{ category: "PARTY_BUILDING", aspectId: ids.农村党建, status: "NEW", count: 1 }]);
    expect(community.yearId).toBe(y2031.id);
  });
});
