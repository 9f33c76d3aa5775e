import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setSectionHead } from "@/lib/practice/actions";
import { confirmClear, createProblem, reopenProblem, requestClear, updateProblem, uploadLedgerAttachment } from "@/lib/ledger/actions";
import { ledgerList, ledgerOverdueCount, ledgerProblem, ledgerRecordFor } from "@/lib/ledger/queries";
import { createExam, createReflection, createSession, recordAttendance, saveScores, signIn } from "@/lib/learning/actions";
import { examPage, learningRecordFor, learningSummary, recentSessions, reflectionList } from "@/lib/learning/queries";
import { createProblemRecord } from "@/lib/ledger/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, startOfBusinessDay, toDateTimeLocal } from "@/lib/time";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-uploads-"));

const today = () => formatDate(new Date());
const inDays = (days: number) => formatDate(new Date(Date.now() + days * 86_400_000));

let county: Awaited<ReturnType<typeof makeCounty>>;
let otherSection: Awaited<ReturnType<typeof makeUnit>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let head: Awaited<ReturnType<typeof makeUser>>;
let cadre: Awaited<ReturnType<typeof makeUser>>;
let colleague: Awaited<ReturnType<typeof makeUser>>;
let otherHead: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;

const reader = (user: { id: string; roles: readonly string[] }, type: "SECTION" | "TOWNSHIP" | "COUNTY" = "SECTION") =>
  ({ id: user.id, roles: user.roles, unit: { type } }) as Parameters<typeof ledgerList>[0];

const problem = (title: string) => ({ title, since: "2020 年以来", measures: "逐项整改", targetDate: inDays(10) });

beforeAll(async () => {
  county = await makeCounty();
  otherSection = await makeUnit("干部科", "SECTION", county.department.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  head = await makeUser(["COUNTY_STAFF"], county.section.id);
  cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  colleague = await makeUser(["COUNTY_STAFF"], county.section.id);
  otherHead = await makeUser(["COUNTY_STAFF"], otherSection.id);
  leader = await makeUser(["LEADER"], county.county.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, new Date(Date.now() + 8 * 3_600_000).getUTCFullYear(), null));
  yearId = year.id;
  await actAs(admin);
  await setSectionHead({ sectionId: county.section.id, headId: head.id });
  await setSectionHead({ sectionId: otherSection.id, headId: otherHead.id });
});

beforeEach(() => signOutTestUser());

describe("盘点销号", () => {
  it("lets a cadre log their own problem only, refuses bad input field by field, and makes one record of a double submit", async () => {
    await actAs(cadre);
    const bad = await createProblem({ ...problem(""), targetDate: "2020-01-01" });
    expect(bad?.validationErrors?.fieldErrors).toMatchObject({ title: ["请填写遗留问题"] });
    const past = await createProblem({ ...problem("档案缺失"), targetDate: "2020-01-01" });
    expect(past?.validationErrors?.fieldErrors).toMatchObject({ targetDate: ["目标销号日期不能早于今天"] });
    const forOther = await createProblem({ ...problem("档案缺失"), ownerId: colleague.id });
    expect(forOther?.validationErrors?.fieldErrors).toMatchObject({ ownerId: ["只有科室负责人可以指定其他责任人"] });
    const [a, b] = await Promise.all([createProblem(problem("档案缺失")), createProblem(problem("档案缺失"))]);
    expect([a?.data ? "ok" : a?.validationErrors?.fieldErrors?.title?.[0], b?.data ? "ok" : b?.validationErrors?.fieldErrors?.title?.[0]].sort()).toEqual([
      "ok",
      "本科室已登记该问题（尚未销号），请在台账中打开修改",
    ]);
    expect(await db.ledgerProblem.count({ where: { title: "档案缺失" } })).toBe(1);
    // The head may name a cadre of the section, not one of another section.
    await actAs(head);
    expect((await createProblem({ ...problem("班子不全"), ownerId: colleague.id }))?.data?.id).toBeTruthy();
    expect((await createProblem({ ...problem("账号未清理"), ownerId: otherHead.id }))?.validationErrors?.fieldErrors).toMatchObject({
      ownerId: ["责任人须是本科室在岗的组工干部"],
    });
  });

  it("shows each their own: the cadre theirs, the head the section's, readers all, units and other sections none", async () => {
    const titles = async (viewer: Parameters<typeof ledgerList>[0]) => (await ledgerList(viewer, {})).rows.map((r) => r.title).sort();
    expect(await titles(reader(cadre))).toEqual(["档案缺失"]);
    expect(await titles(reader(colleague))).toEqual(["班子不全"]);
    expect(await titles(reader(head))).toEqual(["档案缺失", "班子不全"].sort());
    expect(await titles(reader(otherHead))).toEqual([]);
    expect(await titles(reader(leader, "COUNTY"))).toEqual(["档案缺失", "班子不全"].sort());
    expect(await titles(reader(admin))).toEqual(["档案缺失", "班子不全"].sort());
    expect(await titles(reader(clerk, "TOWNSHIP"))).toEqual([]);
    const id = (await db.ledgerProblem.findFirstOrThrow({ where: { title: "档案缺失" } })).id;
    expect(await ledgerProblem(reader(otherHead), id)).toBeNull();
    expect(await ledgerProblem(reader(clerk, "TOWNSHIP"), id)).toBeNull();
    // Another section's head cannot edit or ask for 销号 by id.
    await actAs(otherHead);
    expect((await updateProblem({ id, version: 0, ...problem("改名") }))?.serverError).toBe("问题不存在，或不是您负责的问题");
    expect((await requestClear({ id, version: 0, evidence: "已解决" }))?.serverError).toBe("问题不存在，或不是您负责的问题");
    await actAs(clerk);
    expect((await createProblem(problem("乡镇问题")))?.serverError).toBeTruthy();
  });

  it("goes 在办 → 待确认 → 退回 → 待确认 → 已销号 → 重新打开, confirmed by the head only, with stale versions refused", async () => {
    const item = await db.ledgerProblem.findFirstOrThrow({ where: { title: "档案缺失" } });
    await actAs(cadre);
    const upload = new FormData();
    upload.set("problemId", item.id);
    upload.set("file", new File([Buffer.from("%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")], "回执.pdf", { type: "application/pdf" }));
    const uploaded = await uploadLedgerAttachment(upload);
    expect(uploaded?.data?.fileName).toBe("回执.pdf");
    // A file whose bytes are not what its name says is refused.
    const fake = new FormData();
    fake.set("problemId", item.id);
    fake.set("file", new File([Buffer.from("just text")], "假回执.pdf"));
    expect((await uploadLedgerAttachment(fake))?.serverError).toMatch(/^不支持该文件类型/);
    expect(await db.ledgerAttachment.count({ where: { problemId: item.id } })).toBe(1);
    const asked = await requestClear({ id: item.id, version: item.version, evidence: "材料已补齐" });
    expect(asked?.data?.version).toBe(item.version + 1);
    expect((await requestClear({ id: item.id, version: asked!.data!.version, evidence: "再来" }))?.serverError).toBe("该问题已申请销号，无需重复操作");
    expect((await uploadLedgerAttachment(upload))?.serverError).toBe("已申请销号或已销号的问题不能再改佐证材料");
    // The cadre cannot confirm their own; the colleague and the other head cannot either.
    expect((await confirmClear({ id: item.id, version: asked!.data!.version, accept: true, comment: null }))?.serverError).toBeTruthy();
    await actAs(otherHead);
    expect((await confirmClear({ id: item.id, version: asked!.data!.version, accept: true, comment: null }))?.serverError).toBe("问题不存在，或不由您确认销号");
    await actAs(admin);
    expect((await confirmClear({ id: item.id, version: asked!.data!.version, accept: true, comment: null }))?.serverError).toBe("问题不存在，或不由您确认销号");

    await actAs(head);
    expect((await confirmClear({ id: item.id, version: asked!.data!.version, accept: false, comment: null }))?.validationErrors?.fieldErrors).toMatchObject({
      comment: ["请填写退回意见"],
    });
    const back = await confirmClear({ id: item.id, version: asked!.data!.version, accept: false, comment: "请附回执" });
    expect(back?.data?.version).toBeDefined();
    expect((await confirmClear({ id: item.id, version: asked!.data!.version, accept: true, comment: null }))?.serverError).toBeTruthy();

    await actAs(cadre);
    const again = await requestClear({ id: item.id, version: back!.data!.version, evidence: "回执已附" });
    await actAs(head);
    const cleared = await confirmClear({ id: item.id, version: again!.data!.version, accept: true, comment: "同意" });
    const done = await db.ledgerProblem.findUniqueOrThrow({ where: { id: item.id } });
    expect(done).toMatchObject({ status: "CLEARED", confirmedById: head.id, evidence: "回执已附" });
    expect((await ledgerRecordFor([cadre.id], yearId)).get(cadre.id)).toMatchObject({ owned: 1, open: 0, clearedInYear: 1 });
    expect((await reopenProblem({ id: item.id, version: cleared!.data!.version, reason: "" }))?.validationErrors?.fieldErrors).toMatchObject({
      reason: ["请填写重新打开的原因"],
    });
    const reopened = await reopenProblem({ id: item.id, version: cleared!.data!.version, reason: "问题反弹" });
    expect(reopened?.data).toBeDefined();
    expect(await db.ledgerProblem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "REOPENED", reopenCount: 1, clearedAt: null });
    for (const action of ["ledger.request", "ledger.reject", "ledger.clear", "ledger.reopen"])
      expect(await db.auditLog.count({ where: { action, entityId: item.id } })).toBeGreaterThan(0);
  });

  it("lets the admin confirm the head's own problem, and counts overdue ones from the day after the target", async () => {
    const headWriter = { id: head.id, roles: head.roles, unit: { type: "SECTION" as const }, unitId: county.section.id };
    const by = { actor: { id: head.id, username: head.username, name: head.name }, ip: null, now: new Date(Date.now() - 40 * 86_400_000) };
    const before = await ledgerOverdueCount({ sectionId: county.section.id });
    const { id } = await db.$transaction((tx) =>
      createProblemRecord(
        tx,
        { title: "人才公寓管理", since: "2020 年", measures: "修订办法", targetDate: new Date(Date.now() - 30 * 86_400_000), ownerId: null },
        headWriter,
        by,
      ),
    );
    expect(await ledgerOverdueCount({ sectionId: county.section.id })).toBe(before + 1);
    expect((await ledgerList(reader(head), { view: "overdue" })).rows.map((r) => r.id)).toContain(id);
    await actAs(head);
    const asked = await requestClear({ id, version: 0, evidence: "已修订" });
    expect((await confirmClear({ id, version: asked!.data!.version, accept: true, comment: null }))?.serverError).toBe("问题不存在，或不由您确认销号");
    await actAs(admin);
    expect((await ledgerList(reader(admin), { view: "confirm" })).rows.map((r) => r.id)).toEqual([id]);
    expect((await confirmClear({ id, version: asked!.data!.version, accept: true, comment: null }))?.data).toBeDefined();
    expect(await ledgerOverdueCount({ sectionId: county.section.id })).toBe(before);
  });
});

describe("组工讲坛、考试、心得体会", () => {
  let sessionId: string;

  it("records a session once, lets cadres sign in on its day only, and the admin record 补签", async () => {
    await actAs(admin);
    const heldOn = toDateTimeLocal(new Date());
    const [a, b] = await Promise.all([
      createSession({ heldOn, speaker: "王科长", topic: "条例解读" }),
      createSession({ heldOn, speaker: "王科长", topic: "条例解读" }),
    ]);
    const ok = [a, b].filter((r) => r?.data);
    expect(ok).toHaveLength(1);
    sessionId = ok[0]!.data!.id;
    const yesterday = await createSession({ heldOn: toDateTimeLocal(new Date(Date.now() - 86_400_000)), speaker: "李科长", topic: "发展党员" });
    await actAs(cadre);
    expect((await signIn({ sessionId: yesterday!.data!.id }))?.serverError).toMatch(/^只能在讲坛当天/);
    expect((await signIn({ sessionId }))?.data).toMatchObject({ already: false });
    expect((await signIn({ sessionId }))?.data).toMatchObject({ already: true });
    expect(await db.sessionAttendance.count({ where: { sessionId } })).toBe(1);
    expect((await recordAttendance({ sessionId, userId: cadre.id, attended: true }))?.serverError).toBeTruthy();
    await actAs(clerk);
    expect((await signIn({ sessionId }))?.serverError).toBeTruthy();
    await actAs(admin);
    expect((await recordAttendance({ sessionId: yesterday!.data!.id, userId: colleague.id, attended: true }))?.data).toEqual({ attended: true });
    expect((await recordAttendance({ sessionId, userId: clerk.id, attended: true }))?.serverError).toBe("组工干部不存在");
  });

  it("keeps exam scores within the marks, one row per cadre, results visible by scope", async () => {
    await actAs(admin);
    expect((await createExam({ title: "业务考试", heldOn: today(), fullMark: "100", passMark: "120" }))?.validationErrors?.fieldErrors).toMatchObject({
      passMark: ["及格分不能高于满分"],
    });
    const exam = await createExam({ title: "业务考试", heldOn: today(), fullMark: "100", passMark: "60" });
    const examId = exam!.data!.id;
    expect((await saveScores({ examId, scores: [{ userId: cadre.id, score: "101" }] }))?.validationErrors?.fieldErrors).toMatchObject({
      "scores.0.score": ["成绩不能超过满分 100"],
    });
    expect((await saveScores({ examId, scores: [{ userId: clerk.id, score: "80" }] }))?.validationErrors?.fieldErrors).toMatchObject({
      "scores.0.score": ["不是在岗的组工干部"],
    });
    const scores = [
      { userId: cadre.id, score: "88" },
      { userId: colleague.id, score: "52" },
      { userId: otherHead.id, score: "" },
    ];
    expect((await saveScores({ examId, scores }))?.data).toEqual({ recorded: 2 });
    expect((await saveScores({ examId, scores }))?.data).toEqual({ recorded: 2 });
    expect(await db.examResult.count({ where: { examId } })).toBe(2);
    await actAs(cadre);
    expect((await saveScores({ examId, scores }))?.serverError).toBeTruthy();
    const names = async (viewer: Parameters<typeof ledgerList>[0]) => (await examPage(viewer, examId, false))!.results.map((r) => r.user.id).sort();
    expect(await names(reader(cadre))).toEqual([cadre.id]);
    expect(await names(reader(head))).toEqual([cadre.id, colleague.id].sort());
    expect(await names(reader(otherHead))).toEqual([]);
    expect(await names(reader(leader, "COUNTY"))).toEqual([cadre.id, colleague.id].sort());
  });

  it("takes a cadre's 心得体会 once, refuses short ones, and sums up the year per cadre", async () => {
    await actAs(cadre);
    expect((await createReflection({ title: "体会", content: "太短" }))?.validationErrors?.fieldErrors).toMatchObject({ content: ["心得体会至少写 20 个字"] });
    const text = "通过学习条例，进一步明确了干部选拔任用的原则、标准和程序，今后工作中要严格执行。";
    expect((await createReflection({ title: "学习条例的体会", content: text, sessionId }))?.data?.id).toBeTruthy();
    expect((await createReflection({ title: "学习条例的体会", content: text }))?.validationErrors?.fieldErrors).toMatchObject({
      title: ["您已写过同一标题的心得体会"],
    });
    await actAs(admin);
    expect((await createReflection({ title: "管理员体会", content: text }))?.serverError).toBeTruthy();
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect((await reflectionList(reader(otherHead), { year })).total).toBe(0);
    expect((await reflectionList(reader(head), { year })).total).toBe(1);

    const records = await learningRecordFor([cadre.id, colleague.id], yearId, new Date(Date.now() + 60_000));
    expect(records.get(cadre.id)).toMatchObject({ sessionsHeld: 2, attended: 1, attendanceRate: 0.5, examsTaken: 1, examsPassed: 1, reflections: 1 });
    expect(records.get(colleague.id)).toMatchObject({ attended: 1, examsTaken: 1, examsPassed: 0, reflections: 0 });
    expect(records.get(cadre.id)?.exams[0]).toMatchObject({ score: 88, passMark: 60, passed: true });
    const summary = await learningSummary(reader(cadre), { yearId });
    expect(summary.rows.map((r) => r.cadre.id)).toEqual([cadre.id]);
    expect((await learningSummary(reader(clerk, "TOWNSHIP"), { yearId })).total).toBe(0);
  });

  it("offers today's session to a 心得体会 all day, even before it starts (sign-in is open all day too)", async () => {
    const dayStart = startOfBusinessDay(formatDate(new Date()))!;
    const offered = (await recentSessions(dayStart)).map((s) => s.id);
    expect(offered).toContain(sessionId);
    const dayBefore = await recentSessions(new Date(dayStart.getTime() - 1));
    expect(dayBefore.map((s) => s.id)).not.toContain(sessionId);
  });
});
