import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createTownshipMeeting, updateTownshipMeeting } from "@/lib/township-meetings/actions";
import { listMeetings } from "@/lib/township-meetings/queries";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate } from "@/lib/time";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let projectA: string;
let projectB: string;

const today = formatDate(new Date());
// Share rows' errors are keyed "shares.0.projectId" (see lib/township-meetings/schemas.ts).
const errorsOf = (result: { validationErrors?: { fieldErrors: object } } | undefined) =>
  (result?.validationErrors?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
const daysAgo = (days: number) => formatDate(new Date(Date.now() - days * 86_400_000));

beforeAll(async () => {
  county = await makeCounty();
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  const clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  // The projects belong to the programme year of the oldest meeting below, so the test also holds in early January.
  const year = await db.$transaction((tx) => createYearRecord(tx, Number(daysAgo(30).slice(0, 4)), null));
  const project = async (clerk: typeof clerkA) =>
    (
      await db.$transaction((tx) =>
        createProjectRecord(tx, { yearId: year.id }, clerk.unitId, { actor: { id: clerk.id, username: clerk.username, name: clerk.name }, ip: null }),
      )
    ).id;
  projectA = await project(clerkA);
  projectB = await project(clerkB);
  await db.project.updateMany({ where: { id: { in: [projectA, projectB] } }, data: { state: "IN_PROGRESS", startedAt: new Date(), title: "试点项目" } });
});

beforeEach(() => signOutTestUser());

const input = (heldOn: string, shares?: { unitId: string; practice: string; projectId?: string | null }[]) => ({
  heldOn,
  place: "县委组织部三楼会议室",
  host: "组织科科长",
  attendees: "各乡镇组织委员",
  problems: "流动党员联系难",
  followUps: "组织科下月前拿出流动党员管理办法",
  shares: shares ?? [
    { unitId: county.townshipA.id, practice: "一村一名入党积极分子计划", projectId: projectA },
    { unitId: county.townshipB.id, practice: "无职党员设岗定责" },
  ],
});

describe("township meetings", () => {
  it("are recorded by staff with each township's practice, linked projects, and a notice to the townships that shared", async () => {
    await actAs(staff);
    const created = await createTownshipMeeting(input(daysAgo(3)));
    expect(created?.data?.id).toBeTruthy();
    const meeting = await db.townshipMeeting.findUniqueOrThrow({ where: { id: created!.data!.id }, include: { shares: { orderBy: { sortOrder: "asc" } } } });
    expect(meeting.shares.map((share) => [share.unitId, share.projectId])).toEqual([
      [county.townshipA.id, projectA],
      [county.townshipB.id, null],
    ]);
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "township_meeting", link: `/township-meetings/${meeting.id}` } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "township_meeting.create", entityId: meeting.id } })).toBe(1);
  });

  it("refuses a project of another township beside its field, a future date, and rows left empty", async () => {
    await actAs(staff);
    const wrong = await createTownshipMeeting(input(daysAgo(5), [{ unitId: county.townshipA.id, practice: "双定双评双述", projectId: projectB }]));
    expect(errorsOf(wrong)["shares.0.projectId"]).toEqual(["该项目不是所选乡镇的项目"]);
    const future = await createTownshipMeeting(input(formatDate(new Date(Date.now() + 2 * 86_400_000))));
    expect(future?.validationErrors?.fieldErrors.heldOn).toEqual(["例会日期不能晚于今天"]);
    const empty = await createTownshipMeeting(input(daysAgo(5), [{ unitId: "", practice: "" }]));
    expect(errorsOf(empty)["shares.0.unitId"]).toEqual(["请选择乡镇"]);
    expect(errorsOf(empty)["shares.0.practice"]).toEqual(["请填写交流的做法"]);
    const department = await createTownshipMeeting(input(daysAgo(5), [{ unitId: county.section.id, practice: "x" }]));
    expect(errorsOf(department)["shares.0.unitId"]).toEqual(["请选择乡镇"]);
  });

  it("is not created by a township's user", async () => {
    await actAs(clerkA);
    expect((await createTownshipMeeting(input(daysAgo(7))))?.serverError).toBe("无权执行此操作");
    expect(await db.townshipMeeting.count({ where: { heldOn: new Date(`${daysAgo(7)}T00:00:00+08:00`) } })).toBe(0);
  });

  it("makes one meeting of a double submit, even when both requests run at once", async () => {
    await actAs(staff);
    const day = daysAgo(10);
    const results = await Promise.all([createTownshipMeeting(input(day)), createTownshipMeeting(input(day))]);
    expect(results.filter((result) => result?.data?.id)).toHaveLength(1);
    expect(results.map((result) => result?.validationErrors?.fieldErrors.heldOn?.[0]).filter(Boolean)[0]).toMatch(/的例会已有记录/);
    expect(await db.townshipMeeting.count({ where: { heldOn: new Date(`${day}T00:00:00+08:00`) } })).toBe(1);
  });

  it("refuses an edit based on an old version, so two colleagues never overwrite each other silently", async () => {
    await actAs(staff);
    const created = await createTownshipMeeting(input(daysAgo(20)));
    const id = created!.data!.id;
    const first = await updateTownshipMeeting({ ...input(daysAgo(20)), id, version: 0, followUps: "改期至月底" });
    expect(first?.data?.version).toBe(1);
    const second = await updateTownshipMeeting({ ...input(daysAgo(20)), id, version: 0, followUps: "另一人的修改" });
    expect(second?.serverError).toBe(STALE_RECORD);
    expect((await db.townshipMeeting.findUniqueOrThrow({ where: { id } })).followUps).toBe("改期至月底");
  });

  it("lists meetings filtered in the database by township and by words in practices or problems", async () => {
    await actAs(staff);
    await createTownshipMeeting(input(daysAgo(30), [{ unitId: county.townshipB.id, practice: "流动党员党组织“双向联系”" }]));
    const byTownship = await listMeetings({ unitId: county.townshipB.id });
    expect(byTownship.meetings.every((m) => m.shares.some((share) => share.unit.name === "乙乡"))).toBe(true);
    expect(byTownship.total).toBeGreaterThanOrEqual(3);
    const onlyA = await listMeetings({ unitId: county.townshipA.id, q: "双向联系" });
    expect(onlyA.total).toBe(0);
    const byWords = await listMeetings({ q: "双向联系" });
    expect(byWords.total).toBe(1);
    expect((await listMeetings({ q: "联系难" })).total).toBeGreaterThanOrEqual(1);
    expect((await listMeetings({ q: "%" })).total).toBe(0);
    expect((await listMeetings({ year: Number(today.slice(0, 4)) - 5 })).total).toBe(0);
  });
});
