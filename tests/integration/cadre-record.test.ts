import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createYearRecord } from "@/lib/years/service";
import { createCampaign, nominate, rankCampaign, saveJuryScore } from "@/lib/awards/actions";
import { nominableCadres, nominationDetail, nominationsOf } from "@/lib/awards/queries";
import { DEFAULT_WEIGHTS } from "@/lib/awards/ranking";
import { cadreYearRecord, cadreYearRecords } from "@/lib/practice/record";
import { cadreYear } from "@/lib/practice/queries";
import { practicePanel } from "@/lib/dashboard/practice";
import type { PracticeSection } from "@/lib/practice/record-rules";
import { parseBusinessDateTime, toDateTimeLocal } from "@/lib/time";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

process.env.NEXTAUTH_SECRET = "test-secret";

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
// The record as of early December: R1–R3 and P1 are due, R4, P2 and the 典型 in January.
const DECEMBER = parseBusinessDateTime(`${YEAR}-12-07 10:00`)!;

type User = Awaited<ReturnType<typeof makeUser>>;
let admin: User, cadre: User, otherCadre: User, clerkSection: User, clerkOtherSection: User, clerkTownship: User, jurors: User[];
let campaignId: string;

const person = {
  category: "PERSON" as const,
  personTitle: "组织科干事",
  deeds: "扎根基层调研，全年走访 10 个乡镇 30 个村，形成调研报告 4 篇，提出的村级后备力量培养建议被部务会采纳，在全县推开后新培养村级后备力量 120 名。",
  statement: "四个一任务完成扎实。",
};

beforeAll(async () => {
  const county = await makeCounty();
  const otherSection = await makeUnit("干部科", "SECTION", county.department.id);
  const school = await makeUnit("县委党校", "DEPARTMENT", county.county.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  otherCadre = await makeUser(["COUNTY_STAFF"], otherSection.id);
  clerkSection = await makeUser(["UNIT_USER"], county.section.id);
  clerkOtherSection = await makeUser(["UNIT_USER"], otherSection.id);
  clerkTownship = await makeUser(["UNIT_USER"], county.townshipA.id);
  jurors = [await makeUser(["REVIEWER"], school.id), await makeUser(["REVIEWER"], school.id), await makeUser(["REVIEWER"], school.id)];
  await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  // The cadre's year as the 四个一 services leave it (tests/integration/cadre-practice.test.ts covers those).
  const items = [
    { kind: "RESEARCH", period: 1, status: "ACCEPTED", late: false, title: "村级后备力量" },
    { kind: "RESEARCH", period: 2, status: "ACCEPTED", late: true, title: "年轻干部成长" },
    { kind: "RESEARCH", period: 3, status: "SUBMITTED", late: false, title: "两新组织覆盖" },
    { kind: "PROBLEM", period: 1, status: "ACCEPTED", late: false, title: "流动党员管理" },
    { kind: "EXEMPLAR", period: 1, status: "ACCEPTED", late: false, title: "青石镇党员中心户" },
  ] as const;
  for (const item of items)
    await db.practiceItem.create({ data: { userId: cadre.id, year: YEAR, ...item, content: {}, submittedAt: new Date(`${YEAR}-03-01T00:00:00+08:00`) } });
  await actAs(admin);
  const created = await createCampaign({
    year: YEAR,
    title: `${YEAR}年度评比表彰`,
    nominationStartsAt: toDateTimeLocal(new Date(Date.now() - 3_600_000)),
    nominationEndsAt: toDateTimeLocal(new Date(Date.now() + 3_600_000)),
    workQuotaPerUnit: 1,
    personQuotaPerUnit: 2,
    criteria: [{ key: "c", label: "综合", weight: 100, max: 10 }],
    weights: { ...DEFAULT_WEIGHTS, cadre: 30 },
    tiers: [{ category: "PERSON", level: "DEPARTMENT", name: "优秀", quota: 3 }],
    jurorIds: jurors.map((j) => j.id),
    announcementDays: 5,
  });
  campaignId = created!.data!.id;
});

beforeEach(() => signOutTestUser());

describe("a cadre's record of the year", () => {
  it("counts the 四个一 per kind and scores them, in one batch for many cadres", async () => {
    const record = await cadreYearRecord(cadre.id, YEAR, DECEMBER);
    const practice = record.sections[0] as PracticeSection;
    expect(practice.kinds.map((k) => [k.kind, k.due, k.onTime, k.late, k.accepted, k.outstanding])).toEqual([
      ["RESEARCH", 3, 2, 1, 2, 0],
      ["PROBLEM", 1, 1, 0, 1, 0],
      ["EXEMPLAR", 1, 1, 0, 1, 0],
    ]);
    expect(practice.problemsCracked).toBe(1);
    expect(practice.exemplars).toEqual(["青石镇党员中心户"]);
    // 1 + 0.5 + 0 (waiting) + 1 + 1 of 5 owed.
    expect(record.score).toBe(70);
    const many = await cadreYearRecords([cadre.id, otherCadre.id, cadre.id], YEAR, DECEMBER);
    expect(many.size).toBe(2);
    expect(many.get(otherCadre.id)!.score).toBe(0);
  });
});

describe("nominating a cadre as 创新性人才", () => {
  let nominationId: string;

  it("offers a section its own cadres only, and refuses anyone else's person", async () => {
    expect((await nominableCadres(clerkSection.unitId)).map((c) => c.id)).toEqual([cadre.id]);
    expect(await nominableCadres(clerkTownship.unitId)).toEqual([]);
    await actAs(clerkTownship);
    const township = await nominate({ campaignId, ...person, personUserId: cadre.id });
    expect(township?.validationErrors?.fieldErrors).toMatchObject({ personUserId: ["只能选择本科室在岗的组工干部"] });
    await actAs(clerkOtherSection);
    const other = await nominate({ campaignId, ...person, personUserId: cadre.id });
    expect(other?.validationErrors?.fieldErrors).toMatchObject({ personUserId: ["只能选择本科室在岗的组工干部"] });
    await actAs(clerkSection);
    // A 填报员 is not a cadre.
    const clerk = await nominate({ campaignId, ...person, personUserId: clerkSection.id });
    expect(clerk?.validationErrors?.fieldErrors).toMatchObject({ personUserId: ["只能选择本科室在岗的组工干部"] });
    expect(await db.nomination.count({ where: { campaignId } })).toBe(0);
  });

  it("takes the cadre's own name and links the user; the same cadre is not nominated twice", async () => {
    await actAs(clerkSection);
    const done = await nominate({ campaignId, ...person, personName: "别的名字", personUserId: cadre.id });
    nominationId = done!.data!.id;
    const row = await db.nomination.findUniqueOrThrow({ where: { id: nominationId } });
    expect(row).toMatchObject({ personUserId: cadre.id, personName: cadre.name, level: "DEPARTMENT" });
    const again = await nominate({ campaignId, ...person, personUserId: cadre.id });
    expect(again?.validationErrors?.fieldErrors).toMatchObject({ personUserId: ["该同志已经推荐过了"] });
    // A person typed by name: no user, no record in the app.
    const typed = await nominate({ campaignId, ...person, personName: "王老师" });
    expect((await db.nomination.findUniqueOrThrow({ where: { id: typed!.data!.id } })).personUserId).toBeNull();
  });

  it("shows the nomination (and so the record) to its own unit and the county, never to another unit", async () => {
    const asViewer = (u: User) => ({ roles: u.roles, unitId: u.unitId });
    expect((await nominationDetail(asViewer(clerkSection), nominationId))?.personUserId).toBe(cadre.id);
    expect((await nominationDetail(asViewer(admin), nominationId))?.personUserId).toBe(cadre.id);
    expect(await nominationDetail(asViewer(clerkTownship), nominationId)).toBeNull();
    expect(await nominationDetail(asViewer(clerkOtherSection), nominationId)).toBeNull();
    expect((await nominationsOf(asViewer(clerkTownship), campaignId, { category: "PERSON", level: "DEPARTMENT" })).total).toBe(0);
    // Nor can a unit outside the department read the cadre's year otherwise.
    expect(await cadreYear({ id: clerkTownship.id, roles: clerkTownship.roles, unit: { type: "TOWNSHIP" } }, cadre.id, YEAR)).toBeNull();
  });

  it("weighs the cadre's record by the admin's weight in the ranking; a person typed by name by the jury alone", async () => {
    await db.campaign.update({ where: { id: campaignId }, data: { nominationEndsAt: new Date(Date.now() - 60_000) } });
    const nominations = await db.nomination.findMany({ where: { campaignId }, orderBy: { createdAt: "asc" } });
    for (const [j, juror] of jurors.entries()) {
      await actAs(juror);
      for (const [i, n] of nominations.entries()) {
        const saved = await saveJuryScore({ nominationId: n.id, values: { c: 9 - i - (j % 2) }, comment: null, submit: true });
        expect(saved?.data?.submitted).toBe(true);
      }
    }
    await actAs(admin);
    const version = (await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).version;
    expect((await rankCampaign({ campaignId, version }))?.data).toBeTruthy();
    const ranked = await db.nomination.findMany({ where: { campaignId } });
    const cadreRow = ranked.find((n) => n.personUserId === cadre.id)!;
    const typedRow = ranked.find((n) => n.personUserId === null)!;
    type Breakdown = { person: { jury: number; record: number | null; weight: number }; cadreRecord?: { score: number | null } };
    const b = cadreRow.breakdown as unknown as Breakdown;
    const live = await cadreYearRecord(cadre.id, YEAR);
    expect(b.cadreRecord?.score).toBe(live.score);
    expect(b.person.record).toBe(live.score);
    expect(b.person.weight).toBe(live.score === null ? 0 : 30);
    expect(cadreRow.score).toBeCloseTo((b.person.jury * (100 - b.person.weight)) / 100 + ((b.person.record ?? 0) * b.person.weight) / 100, 2);
    const t = typedRow.breakdown as unknown as Breakdown;
    expect(t.cadreRecord).toBeUndefined();
    expect(t.person).toMatchObject({ record: null, weight: 0 });
    expect(typedRow.score).toBe(t.person.jury);
  });
});

describe("the county's 四个一 panel", () => {
  it("gives completion per kind and the cadres with an overdue item", async () => {
    const panel = await practicePanel({ id: admin.id, roles: admin.roles, unit: { type: "SECTION" } }, YEAR, DECEMBER);
    expect(panel.cadres).toBe(2);
    // Two cadres × R1–R3: the cadre sent three (one waiting, two accepted), the other none.
    expect(panel.rates.find((r) => r.kind === "RESEARCH")).toMatchObject({ due: 6, done: 3, onTime: 2, accepted: 2, rate: 50 });
    expect(panel.rates.find((r) => r.kind === "PROBLEM")).toMatchObject({ due: 2, done: 1, rate: 50 });
    expect(panel.rates.find((r) => r.kind === "EXEMPLAR")).toMatchObject({ due: 0, rate: null });
    expect(panel.lateTotal).toBe(1);
    expect(panel.lateCadres).toEqual([
      { id: otherCadre.id, name: otherCadre.name, unitName: "干部科", overdue: ["一季度调研", "二季度调研", "三季度调研", "上半年难题"] },
    ]);
    expect(
      (await practicePanel({ id: admin.id, roles: admin.roles, unit: { type: "SECTION" } }, YEAR, parseBusinessDateTime(`${YEAR}-02-01 10:00`)!)).lateTotal,
    ).toBe(0);
  });
});
