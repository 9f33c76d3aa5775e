// A cadre's home to-do beyond 四个一: their research topics whose report is not in, and the ledger problems they own.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setSectionHead } from "@/lib/practice/actions";
import { createResearchTopic, saveResearchReport, startResearch, submitResearchReport } from "@/lib/research/actions";
import { confirmClear, createProblem, requestClear } from "@/lib/ledger/actions";
import { createProblemRecord } from "@/lib/ledger/service";
import { cadreWorkTodo } from "@/lib/practice/todo";
import { targetCountdown } from "@/lib/ledger/rules";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import type { UnitType } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

type User = Awaited<ReturnType<typeof makeUser>>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: User, head: User, cadre: User, colleague: User, otherCadre: User, clerk: User;

const reader = (u: User, type: UnitType = "SECTION") => ({ id: u.id, roles: u.roles, unit: { type } });

async function topic(title: string, leadId: string, memberIds: string[], dueInDays: number) {
  await actAs(admin);
  const created = await createResearchTopic({
    year: YEAR,
    title,
    question: `${title}的症结在哪里？`,
    areaId: "research_area_grassroots",
    leadId,
    memberIds,
    dueAt: toDateTimeLocal(inDays(dueInDays)),
  });
  expect(created?.data?.id).toBeTruthy();
  return created!.data!.id as string;
}

beforeAll(async () => {
  county = await makeCounty();
  const otherSection = await makeUnit("干部科", "SECTION", county.department.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
  head = await makeUser(["COUNTY_STAFF"], county.section.id);
  cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  colleague = await makeUser(["COUNTY_STAFF"], county.section.id);
  otherCadre = await makeUser(["COUNTY_STAFF"], otherSection.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  await actAs(admin);
  await setSectionHead({ sectionId: county.section.id, headId: head.id });
});

beforeEach(() => signOutTestUser());

describe("a cadre's home to-do", () => {
  it("lists the topics the cadre leads or belongs to until the report is in, the earliest due first", async () => {
    const led = await topic("村级后备力量培养研究", cadre.id, [], 30);
    const member = await topic("年轻干部成长路径研究", colleague.id, [cadre.id], 12);
    const reported = await topic("两新组织党建覆盖研究", cadre.id, [colleague.id], 20);
    await topic("干部科自己的课题", otherCadre.id, [], 5);

    await actAs(cadre);
    expect((await startResearch({ id: reported, version: 0 }))?.data).toBeDefined();
    const saved = await saveResearchReport({ id: reported, version: 1, problems: "覆盖面不足", analysis: "力量分散", proposals: ["建立联建机制"] });
    expect((await submitResearchReport({ id: reported, version: saved!.data!.version }))?.data).toBeDefined();
    expect((await startResearch({ id: led, version: 0 }))?.data).toBeDefined();

    const mine = await cadreWorkTodo(reader(cadre));
    expect(mine.topics.map((t) => [t.id, t.state, t.lead])).toEqual([
      [member, "PROPOSED", false],
      [led, "RESEARCHING", true],
    ]);
    expect(mine.topicTotal).toBe(2);
    // The colleague leads one topic and belonged to the reported one: only the open one is theirs to do.
    expect((await cadreWorkTodo(reader(colleague))).topics.map((t) => t.id)).toEqual([member]);
  });

  it("lists the ledger problems the cadre owns while being worked on (open or overdue), not those asked to clear or cleared", async () => {
    await actAs(cadre);
    const soon = await createProblem({ title: "党员档案缺失", since: "2019 年", measures: "逐人补齐", targetDate: formatDate(inDays(5)), ownerId: null });
    expect(soon?.data?.id).toBeTruthy();
    const asked = await createProblem({
      title: "软弱涣散村整顿",
      since: "2021 年",
      measures: "派驻第一书记",
      targetDate: formatDate(inDays(8)),
      ownerId: null,
    });
    expect((await requestClear({ id: asked!.data!.id, version: 0, evidence: "整顿验收报告" }))?.data).toBeDefined();
    const cleared = await createProblem({ title: "流动党员失联", since: "2020 年", measures: "逐一联系", targetDate: formatDate(inDays(9)), ownerId: null });
    const request = await requestClear({ id: cleared!.data!.id, version: 0, evidence: "已全部联系上" });
    await actAs(head);
    expect((await confirmClear({ id: cleared!.data!.id, version: request!.data!.version, accept: true, comment: null }))?.data).toBeDefined();
    // A late one, logged 40 days ago with a target 30 days ago (the service is the only way to a past target).
    const writer = { id: cadre.id, roles: cadre.roles, unit: { type: "SECTION" as const }, unitId: county.section.id };
    const by = { actor: { id: cadre.id, username: cadre.username, name: cadre.name }, ip: null, now: inDays(-40) };
    const late = await db.$transaction((tx) =>
      createProblemRecord(tx, { title: "人才公寓管理", since: "2020 年", measures: "修订办法", targetDate: inDays(-30), ownerId: null }, writer, by),
    );
    // The head logs one for the colleague: not the cadre's.
    await createProblem({ title: "村干部报酬", since: "2022 年", measures: "调标", targetDate: formatDate(inDays(3)), ownerId: colleague.id });

    const mine = await cadreWorkTodo(reader(cadre));
    expect(mine.problems.map((p) => p.id)).toEqual([late.id, soon!.data!.id]);
    expect(mine.problemTotal).toBe(2);
    const now = new Date();
    expect(targetCountdown(mine.problems[0], now)).toMatchObject({ overdue: true, days: 30 });
    expect(targetCountdown(mine.problems[1], now)).toMatchObject({ overdue: false, text: "还有 5 天" });
  });

  it("is nobody else's: readers of all, units and a head get no list of their own here", async () => {
    for (const viewer of [reader(admin, "DEPARTMENT"), reader(clerk, "TOWNSHIP")]) {
      expect(await cadreWorkTodo(viewer)).toMatchObject({ topicTotal: 0, topics: [], problemTotal: 0, problems: [] });
    }
    // The head sees only what they own or belong to themselves (the section's other problems are on /ledger).
    expect(await cadreWorkTodo(reader(head))).toMatchObject({ topicTotal: 0, problemTotal: 0 });
  });
});
