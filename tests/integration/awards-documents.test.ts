import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db/client";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { campaignSchema } from "@/lib/awards/schemas";
import { DEFAULT_WEIGHTS } from "@/lib/awards/ranking";
import { announceRecord, createCampaignRecord, decideRecord, rankCampaignRecord, type By } from "@/lib/awards/campaigns";
import { nominateRecord, saveJuryScoreRecord } from "@/lib/awards/nominations";
import { createObjectionRecord, handleObjectionRecord } from "@/lib/awards/objections";
import { certificateOf, decidedAwards, exportAwards, objectionsWithHandlers } from "@/lib/awards/queries";
import { awardsWorkbook } from "@/lib/awards/export";
import { certificateText, decisionTitle, groupByTier, lastDayOf } from "@/lib/awards/documents";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import { makeCounty, makeUnit, makeUser } from "./support/fixtures";

type User = Awaited<ReturnType<typeof makeUser>>;
const at = (value: string) => parseBusinessDateTime(value)!;
const by = (user: User, when: string): By => ({ actor: { id: user.id, username: user.username, name: user.name }, ip: null, now: at(when) });
const version = async (id: string) => (await db.campaign.findUniqueOrThrow({ where: { id } })).version;

let admin: User, staff: User, clerkA: User, clerkB: User, jurors: User[];
let campaignId: string;
const viewer = (user: User) => ({ roles: user.roles, unitId: user.unitId });

beforeAll(async () => {
  const county = await makeCounty();
  const school = await makeUnit("县委党校", "DEPARTMENT", county.county.id);
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  jurors = [await makeUser(["REVIEWER"], school.id), await makeUser(["REVIEWER"], school.id), await makeUser(["REVIEWER"], school.id)];
  const year = await db.$transaction((tx) => createYearRecord(tx, 2025, null));
  const input = campaignSchema.parse({
    year: 2025,
    title: "2025年度组织工作改革创新评比表彰",
    nominationStartsAt: "2025-11-01T09:00",
    nominationEndsAt: "2025-11-20T18:00",
    workQuotaPerUnit: 1,
    personQuotaPerUnit: 1,
    criteria: [{ key: "all", label: "综合", weight: 100, max: 10 }],
    weights: DEFAULT_WEIGHTS,
    tiers: [
      { category: "WORK", level: "COUNTY", name: "一等奖", quota: 1 },
      { category: "WORK", level: "COUNTY", name: "二等奖", quota: 1 },
      { category: "PERSON", level: "COUNTY", name: "十佳", quota: 10 },
    ],
    jurorIds: jurors.map((j) => j.id),
    announcementDays: 5,
  });
  const campaign = await db.$transaction((tx) => createCampaignRecord(tx, input, by(admin, "2025-10-27 09:00")));
  campaignId = campaign.id;
  const projectOf = async (clerk: User, title: string) => {
    const project = await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, clerk.unitId, by(clerk, "2025-02-15 10:00")));
    await db.project.update({ where: { id: project.id }, data: { title, state: "IN_PROGRESS" } });
    return project.id;
  };
  const a = await projectOf(clerkA, "甲镇无职党员设岗定责");
  const b = await projectOf(clerkB, "乙乡双定双评双述");
  const base = { campaignId, personName: null, personTitle: null, deeds: null, ledProjectIds: [], statement: "成效明显，推荐参评" };
  await db.$transaction(async (tx) => {
    await nominateRecord(tx, { ...base, category: "WORK", projectId: a }, { unitId: clerkA.unitId }, by(clerkA, "2025-11-05 10:00"));
    await nominateRecord(tx, { ...base, category: "WORK", projectId: b }, { unitId: clerkB.unitId }, by(clerkB, "2025-11-05 11:00"));
    await nominateRecord(
      tx,
      { ...base, category: "PERSON", personName: "林晓", personTitle: "乙乡党委组织委员", deeds: "牵头推行双定双评双述，".repeat(6) },
      { unitId: clerkB.unitId },
      by(clerkB, "2025-11-06 10:00"),
    );
    const entries = await tx.nomination.findMany({ where: { campaignId }, orderBy: { createdAt: "asc" } });
    for (const juror of jurors) {
      for (const [i, entry] of entries.entries()) {
        await saveJuryScoreRecord(tx, { nominationId: entry.id, values: { all: 9 - i }, comment: null, submit: true }, juror.id, by(juror, "2025-11-25 10:00"));
      }
    }
    await rankCampaignRecord(tx, { campaignId, version: await version(campaignId) }, by(admin, "2025-12-01 10:00"));
  });
});

describe("the campaign's documents", () => {
  it("lets only county readers export a list that is not decided yet", async () => {
    expect(await exportAwards(viewer(clerkA), campaignId)).toBeNull();
    const proposed = await exportAwards(viewer(staff), campaignId);
    expect(proposed?.nominations.map((n) => n.project?.title ?? n.personName).sort()).toEqual(["林晓", "甲镇无职党员设岗定责", "乙乡双定双评双述"].sort());
    expect(await decidedAwards(campaignId)).toBeNull();
    expect(await certificateOf(viewer(staff), campaignId, proposed!.nominations[0].id)).toBeNull();
  });

  it("names the handler of each objection and keeps the announcement's last day", async () => {
    await db.$transaction(async (tx) => announceRecord(tx, { campaignId, version: await version(campaignId) }, by(admin, "2025-12-03 09:00")));
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    // Wed 3 Dec + 5 working days: 4, 5, 8, 9, 10 December; the stored end is the midnight after.
    expect(formatDate(lastDayOf(campaign.announcementEndsAt!))).toBe("2025-12-10");
    const objection = await db.$transaction((tx) =>
      createObjectionRecord(
        tx,
        { campaignId, content: "名单中有项目材料不实，请核实。", contactName: "赵先生", contactPhone: "13800000000" },
        { ip: null, now: at("2025-12-05 10:00") },
      ),
    );
    expect(await objectionsWithHandlers(campaignId)).toMatchObject({ total: 1, pending: 1, objections: [{ status: "RECEIVED", handledByName: null }] });
    await db.$transaction((tx) =>
      handleObjectionRecord(
        tx,
        { id: objection.id, version: 0, upheld: false, investigation: "经核实材料属实", answer: "反映问题不属实", effect: "none" },
        by(staff, "2025-12-09 10:00"),
      ),
    );
    expect(await objectionsWithHandlers(campaignId)).toMatchObject({
      total: 1,
      pending: 0,
      objections: [{ status: "DISMISSED", handledByName: staff.name, answer: "反映问题不属实" }],
    });
    expect((await objectionsWithHandlers(campaignId, 2)).objections).toEqual([]);
  });

  it("once decided, gives every reader the list and a unit only its own certificates", async () => {
    await db.$transaction(async (tx) =>
      decideRecord(tx, { campaignId, version: await version(campaignId), decisionNumber: "明组发〔2025〕36号" }, by(admin, "2025-12-26 10:00")),
    );
    const decided = await decidedAwards(campaignId);
    expect(decided?.decisionNumber).toBe("明组发〔2025〕36号");
    const groups = groupByTier(decided!.tiers, decided!.nominations);
    expect(groups.map((g) => [g.label, g.levels.flatMap((l) => l.tiers.map((t) => `${t.tier.name}:${t.entries.length}`))])).toEqual([
      ["创新性工作", ["一等奖:1", "二等奖:1"]],
      ["创新性人才", ["十佳:1"]],
    ]);
    expect(decisionTitle("测试县", 2025)).toBe("中共测试县委组织部关于表彰2025年度组织工作改革创新先进集体和先进个人的决定");

    const forUnit = await exportAwards(viewer(clerkA), campaignId);
    expect(forUnit?.nominations).toHaveLength(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await awardsWorkbook(forUnit!)) as never);
    const sheet = workbook.getWorksheet("表彰名单")!;
    expect(sheet.getCell("A1").value).toBe("2025年度组织工作改革创新评比表彰表彰名单");
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(["类别", "层级", "奖次", "单位", "项目/姓名", "职务", "综合得分", "推荐理由"]));
    expect([3, 4, 5].map((r) => [sheet.getCell(r, 4).value, sheet.getCell(r, 6).value])).toEqual([
      ["一等奖", "甲镇无职党员设岗定责"],
      ["二等奖", "乙乡双定双评双述"],
      ["十佳", "林晓"],
    ]);

    const first = decided!.nominations.find((n) => n.project?.title === "甲镇无职党员设岗定责")!;
    const person = decided!.nominations.find((n) => n.personName === "林晓")!;
    const own = await certificateOf(viewer(clerkA), campaignId, first.id);
    expect(own?.tier?.name).toBe("一等奖");
    expect(certificateText(own!, own!.tier!.name, 2025)).toEqual({
      to: "甲镇：",
      body: "你单位“甲镇无职党员设岗定责”被评为2025年度组织工作改革创新评比创新性工作一等奖。",
    });
    expect(await certificateOf(viewer(clerkB), campaignId, first.id)).toBeNull();
    expect(await certificateOf(viewer(staff), campaignId, first.id)).not.toBeNull();
    const personal = await certificateOf(viewer(clerkB), campaignId, person.id);
    expect(certificateText(personal!, "十佳", 2025)).toEqual({ to: "林晓同志：", body: "你被评为2025年度全县党务干部创新性人才十佳。" });
  });
});
