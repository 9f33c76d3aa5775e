import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { markProject, recordAdoption, revokeMark, updateAdoption } from "@/lib/promotion/actions";
import { adoptionCountsByProject, getCase, listAdoptions, listCases } from "@/lib/promotion/queries";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import type { ProjectState } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";

type User = Awaited<ReturnType<typeof makeUser>>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: User, staff: User, leader: User, clerkA: User, clerkB: User;
let running: string, submitted: string, unmarked: string;

const today = () => formatDate(new Date());
const day = (value: string) => parseBusinessDateTime(value)!;

async function project(unitId: string, clerk: User, state: ProjectState, fields: { title: string; problem: string; measures: string }, yearId: string) {
  const actor = { id: clerk.id, username: clerk.username, name: clerk.name };
  const { id } = await db.$transaction((tx) => createProjectRecord(tx, { yearId }, unitId, { actor, ip: null }));
  await db.project.update({
    where: { id },
    data: { ...fields, state, submittedAt: new Date(), startedAt: state === "IN_PROGRESS" || state === "COMPLETED" ? new Date() : null },
  });
  return id;
}

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  leader = await makeUser(["LEADER"], county.county.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, Number(today().slice(0, 4)), null));
  running = await project(
    county.townshipA.id,
    clerkA,
    "IN_PROGRESS",
    { title: "无职党员设岗定责试点", problem: "无职党员作用发挥不明显", measures: "一是设岗，二是定责，三是评议" },
    year.id,
  );
  submitted = await project(county.townshipA.id, clerkA, "SUBMITTED", { title: "党员设岗积分管理", problem: "党员管理松散", measures: "积分公示" }, year.id);
  unmarked = await project(county.townshipB.id, clerkB, "COMPLETED", { title: "村干部设岗考评", problem: "考核以材料为主", measures: "群众评议" }, year.id);
});

beforeEach(() => signOutTestUser());

const mark = (projectId: string, overrides: Record<string, string> = {}) =>
  ({ projectId, mark: "DEMONSTRATION", decidedOn: today(), reason: "部务会研究认定，经验可复制", ...overrides }) as never;

describe("marks 品牌 / 精品 / 示范", () => {
  it("only the admin marks, only approved projects, with a date not in the future and a reason; the unit is told", async () => {
    await actAs(staff);
    expect((await markProject(mark(running)))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    expect((await markProject(mark(submitted)))?.serverError).toMatch(/^“已申报”的项目不能认定/);
    const missing = await markProject(mark(running, { reason: "", decidedOn: "" }));
    expect(missing?.validationErrors?.fieldErrors.reason).toEqual(["请填写认定理由"]);
    expect(missing?.validationErrors?.fieldErrors.decidedOn).toEqual(["请填写认定日期"]);
    const tomorrow = formatDate(new Date(Date.now() + 86_400_000));
    expect((await markProject(mark(running, { decidedOn: tomorrow })))?.validationErrors?.fieldErrors.decidedOn).toEqual(["认定日期不能晚于今天"]);

    expect((await markProject(mark(running)))?.data?.id).toBeTruthy();
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "promotion.mark" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "promotion.mark", entityId: running } })).toBe(1);
  });

  it("refuses a second active mark of the same kind, also from a double click", async () => {
    await actAs(admin);
    expect((await markProject(mark(running)))?.validationErrors?.fieldErrors.mark?.[0]).toMatch(/^该项目已被认定为示范项目/);
    const both = await Promise.all([markProject(mark(running, { mark: "BRAND" })), markProject(mark(running, { mark: "BRAND" }))]);
    expect(both.filter((result) => result?.data).length).toBe(1);
    expect(await db.projectMark.count({ where: { projectId: running, mark: "BRAND" } })).toBe(1);
  });

  it("revokes with a reason, keeps the record, and a revoked kind can be marked again", async () => {
    await actAs(admin);
    const brand = await db.projectMark.findFirstOrThrow({ where: { projectId: running, mark: "BRAND" } });
    expect((await revokeMark({ id: brand.id, revokeReason: "" }))?.validationErrors?.fieldErrors.revokeReason).toEqual(["请填写撤销理由"]);
    expect((await revokeMark({ id: brand.id, revokeReason: "经核实成效不实" }))?.data).toBeTruthy();
    expect((await revokeMark({ id: brand.id, revokeReason: "再撤一次" }))?.serverError).toBe("该认定已撤销");
    const kept = await db.projectMark.findUniqueOrThrow({ where: { id: brand.id } });
    expect(kept.revokedAt).not.toBeNull();
    expect(kept.revokeReason).toBe("经核实成效不实");
    expect(await db.auditLog.count({ where: { action: "promotion.revoke", entityId: running } })).toBe(1);
    expect((await markProject(mark(running, { mark: "BRAND" })))?.data).toBeTruthy();
    expect(await db.projectMark.count({ where: { projectId: running, mark: "BRAND" } })).toBe(2);
  });
});

describe("case library", () => {
  it("finds a marked project by a two-character word and leaves out projects without a mark or award", async () => {
    const found = await listCases({ q: "设岗" });
    expect(found.cases.map((c) => c.id)).toEqual([running]);
    expect((await listCases({ q: "评议" })).cases.map((c) => c.id)).toEqual([running]);
    expect((await listCases({ q: "甲镇" })).total).toBe(1);
    expect((await listCases({ q: "乙乡" })).total).toBe(0);
    expect((await listCases({ mark: "QUALITY" })).total).toBe(0);
    expect((await listCases({ mark: "DEMONSTRATION", unitType: "TOWNSHIP" })).total).toBe(1);
    expect((await listCases({ q: "100%_" })).total).toBe(0);
  });

  it("opens only library projects, for every unit alike", async () => {
    expect((await getCase(running))?.title).toBe("无职党员设岗定责试点");
    expect(await getCase(unmarked)).toBeNull();
    expect(await getCase(submitted)).toBeNull();
  });
});

describe("adoptions 借鉴推广", () => {
  const adoption = (overrides: Record<string, unknown> = {}) =>
    ({ sourceProjectId: running, adoptedOn: today(), how: "结合本乡实际设立 5 类岗位", result: "120 名无职党员认岗", ...overrides }) as never;

  it("a unit records for itself only, never its own project or one outside the library; the source unit is told", async () => {
    await actAs(admin);
    expect((await recordAdoption(adoption()))?.serverError).toBe("无权执行此操作");
    await actAs(clerkA);
    expect((await recordAdoption(adoption()))?.serverError).toBe("这是本单位的项目，不能记录为借鉴");
    await actAs(clerkB);
    expect((await recordAdoption(adoption({ sourceProjectId: unmarked })))?.serverError).toBe("只能借鉴案例库中的项目");
    const tomorrow = formatDate(new Date(Date.now() + 86_400_000));
    expect((await recordAdoption(adoption({ adoptedOn: tomorrow })))?.validationErrors?.fieldErrors.adoptedOn).toEqual(["借鉴时间不能晚于今天"]);
    expect((await recordAdoption(adoption({ how: "" })))?.validationErrors?.fieldErrors.how).toEqual(["请填写借鉴做法"]);
    // A unit in the input is not a field of the form: the session's unit is the one recorded.
    const created = await recordAdoption(adoption({ unitId: county.townshipA.id }));
    expect(created?.data?.id).toBeTruthy();
    expect((await db.adoption.findUniqueOrThrow({ where: { id: created!.data!.id } })).unitId).toBe(county.townshipB.id);
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "adoption" } })).toBe(1);
    expect((await getCase(running))?.adoptions.map((a) => a.unit.name)).toEqual(["乙乡"]);
  });

  it("records another county's practice by name and place, and edits with optimistic locking", async () => {
    await actAs(clerkB);
    const outside = await recordAdoption({ sourceName: "", sourcePlace: "", adoptedOn: today(), how: "", result: "成效" } as never);
    expect(outside?.validationErrors?.fieldErrors.sourceName).toEqual(["请填写做法名称"]);
    expect(outside?.validationErrors?.fieldErrors.sourcePlace).toEqual(["请填写来源地"]);
    expect(outside?.validationErrors?.fieldErrors.how).toEqual(["请填写借鉴做法"]);
    const created = await recordAdoption({
      sourceName: "红色代办员制度",
      sourcePlace: "某省远山县",
      adoptedOn: today(),
      how: "每村设代办员",
      result: "群众办事少跑腿",
    } as never);
    const id = created!.data!.id;
    const edit = {
      id,
      version: 0,
      sourceName: "红色代办员制度",
      sourcePlace: "某省远山县",
      adoptedOn: today(),
      how: "每村设代办员 2 名",
      result: "群众办事少跑腿",
    };
    expect((await updateAdoption(edit))?.data).toBeTruthy();
    expect((await updateAdoption(edit))?.serverError).toBe(STALE_RECORD);
    expect((await updateAdoption({ ...edit, version: 1, sourcePlace: "" }))?.validationErrors?.fieldErrors.sourcePlace).toEqual(["请填写来源地"]);
    await actAs(clerkA);
    expect((await updateAdoption({ ...edit, version: 1 }))?.serverError).toBe("借鉴记录不存在");
    expect(await db.auditLog.count({ where: { action: "adoption.update", entityId: id } })).toBe(1);
  });

  it("lists a unit's own adoptions to the unit and all of them to county readers", async () => {
    const a = await listAdoptions(clerkA, {});
    expect(a.total).toBe(0);
    const b = await listAdoptions(clerkB, {});
    expect(b.total).toBe(2);
    expect((await listAdoptions(leader, {})).total).toBe(2);
    expect((await listAdoptions(leader, { unitId: county.townshipA.id })).total).toBe(0);
  });

  it("counts distinct other units adopting each project within a date range", async () => {
    const other = await makeUnit("丙镇", "TOWNSHIP", county.county.id);
    const base = { how: "做法", result: "成效", createdById: clerkB.id };
    await db.adoption.createMany({
      data: [
        { ...base, unitId: other.id, sourceProjectId: running, adoptedOn: day("2025-03-01") },
        { ...base, unitId: other.id, sourceProjectId: running, adoptedOn: day("2025-06-01") },
        { ...base, unitId: county.townshipB.id, sourceProjectId: running, adoptedOn: day("2025-12-31 23:00") },
        { ...base, unitId: county.townshipB.id, sourceProjectId: running, adoptedOn: day("2026-01-01") },
        // The project's own unit does not count, even if a record slipped in.
        { ...base, unitId: county.townshipA.id, sourceProjectId: running, adoptedOn: day("2025-05-01") },
        { ...base, unitId: other.id, sourceProjectId: unmarked, adoptedOn: day("2024-05-01") },
      ],
    });
    const counts = await adoptionCountsByProject([running, unmarked, submitted], { from: day("2025-01-01"), to: day("2026-01-01") });
    expect(counts).toEqual({ [running]: 2, [unmarked]: 0, [submitted]: 0 });
    expect(await adoptionCountsByProject([], { from: day("2025-01-01"), to: day("2026-01-01") })).toEqual({});
  });
});
