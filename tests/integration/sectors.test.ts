import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createSector, updateSector } from "@/lib/sectors/actions";
import { createProject, saveDraft, transitionProject } from "@/lib/projects/actions";
import { listProjects } from "@/lib/projects/queries";
import { listCases } from "@/lib/promotion/queries";
import { createYearRecord } from "@/lib/years/service";
import { formatDate } from "@/lib/time";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = Number(formatDate(new Date()).slice(0, 4));
const DAY = 86_400_000;

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let yearId: string;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  await db.yearWindow.update({
    where: { yearId_kind: { yearId, kind: "PROPOSAL" } },
    data: { startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 10 * DAY) },
  });
});
beforeEach(() => signOutTestUser());

const complete = {
  title: "社区网格党建",
  leaderName: "张书记",
  leaderContact: "13800000000",
  category: "PARTY_BUILDING" as const,
  focus: "KEY" as const,
  tier: "FEATURE" as const,
  problem: "社区党员分散，组织生活难开展",
  innovationKinds: ["WORK" as const],
  methods: ["ADD" as const],
  goals: "网格全覆盖",
  measures: "划网格、设支部",
  expectedResults: "服务更及时",
  inputPeople: "3 人",
  inputMoney: "无",
  inputMaterials: "",
  selfAssessment: { fit: "符合", novelty: "有突破", design: "有创意", impact: "有推动", replicability: "可推广" },
  milestones: [{ title: "制定方案", dueDate: `${YEAR}-12-30` }],
};

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });

async function draft(clerk: typeof clerkA, sectorIds: string[], title = complete.title) {
  await actAs(clerk);
  const id = (await createProject({ yearId }))!.data!.id;
  const saved = await saveDraft({ ...complete, title, sectorIds, id, version: 0 });
  return { id, version: saved!.data!.version, saved };
}

describe("the sector list", () => {
  it('starts with the seed-002 defaults, 非公企业 and 社会组织 grouped as "两新"组织', async () => {
    const sectors = await db.sector.findMany({ orderBy: { sortOrder: "asc" } });
    expect(sectors.map((s) => s.name)).toEqual(["农村", "社区", "非公企业", "社会组织", "机关", "学校", "流动党员"]);
    expect(sectors.filter((s) => s.grouping === '"两新"组织').map((s) => s.name)).toEqual(["非公企业", "社会组织"]);
  });

  it("is the admin's to change: names unique, stale edits refused, units refused, every change audited", async () => {
    await actAs(clerkA);
    expect((await createSector({ name: "园区", sortOrder: 80 }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    const created = await createSector({ name: "园区", grouping: "", sortOrder: 80 });
    const id = created!.data!.id;
    expect((await createSector({ name: "园区", sortOrder: 90 }))?.validationErrors?.fieldErrors.name).toEqual(["已有同名领域"]);
    expect((await createSector({ name: "", sortOrder: 90 }))?.validationErrors?.fieldErrors.name).toBeDefined();
    expect((await updateSector({ id, version: 0, name: "社区", sortOrder: 80, active: true }))?.validationErrors?.fieldErrors.name).toEqual(["已有同名领域"]);
    expect((await updateSector({ id, version: 0, name: "产业园区", sortOrder: 80, active: true }))?.data?.id).toBe(id);
    expect((await updateSector({ id, version: 0, name: "园区党建", sortOrder: 80, active: true }))?.serverError).toBe(STALE_RECORD);
    expect((await db.sector.findUniqueOrThrow({ where: { id } })).name).toBe("产业园区");
    const audits = await db.auditLog.findMany({ where: { entityType: "Sector", entityId: id }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["sector.create", "sector.update"]);
  });
});

describe("a project's sectors", () => {
  it("are saved with the draft, required at submission, and only active sectors may be newly named", async () => {
    const none = await draft(clerkA, []);
    const refused = await transitionProject({ id: none.id, version: none.version, transition: "submit" });
    expect(refused?.serverError).toBe("申报书尚不完整：请至少选择一个党组织领域");

    const { id, version } = await draft(clerkA, ["sector_community", "sector_nonpublic", "sector_community"]);
    const stored = await db.projectSector.findMany({ where: { projectId: id }, orderBy: { sectorId: "asc" } });
    expect(stored.map((s) => s.sectorId)).toEqual(["sector_community", "sector_nonpublic"]);

    await actAs(admin);
    const closed = (await createSector({ name: "已停用领域", sortOrder: 99 }))!.data!.id;
    await updateSector({ id: closed, version: 0, name: "已停用领域", sortOrder: 99, active: false });
    await actAs(clerkA);
    const bad = await saveDraft({ ...complete, sectorIds: ["sector_community", closed], id, version });
    expect(bad?.serverError).toBe("所选党组织领域不存在或已停用");
    expect((await saveDraft({ ...complete, sectorIds: ["no_such_sector"], id, version }))?.serverError).toBe("所选党组织领域不存在或已停用");
    // The refused saves changed nothing, the version included.
    expect(await db.projectSector.count({ where: { projectId: id } })).toBe(2);
    const ok = await saveDraft({ ...complete, sectorIds: ["sector_community"], id, version });
    expect(ok?.data?.version).toBe(version + 1);
    expect(await db.projectSector.count({ where: { projectId: id } })).toBe(1);

    const submitted = await transitionProject({ id, version: version + 1, transition: "submit" });
    expect(submitted?.data?.state).toBe("SUBMITTED");
    const snapshot = await db.projectVersion.findFirstOrThrow({ where: { projectId: id } });
    expect((snapshot.snapshot as { sectorNames: string[] }).sectorNames).toEqual(["社区"]);

    // A sector deactivated after the project named it stays on the project.
    await db.sector.update({ where: { id: closed }, data: { active: true } });
    const later = await draft(clerkA, [closed]);
    await db.sector.update({ where: { id: closed }, data: { active: false } });
    const kept = await saveDraft({ ...complete, sectorIds: [closed, "sector_rural"], id: later.id, version: later.version });
    expect(kept?.data?.version).toBe(later.version + 1);
  });

  it("filter the project list in the database, by sector or by group, within the viewer's scope", async () => {
    const a = await draft(clerkA, ["sector_social"], "甲镇社会组织党建");
    const b = await draft(clerkB, ["sector_social"], "乙乡社会组织党建");
    const rural = await draft(clerkA, ["sector_rural"], "甲镇农村党建");
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const mine = await listProjects(viewer(clerkA), { yearId, sector: "sector_social" });
    expect(ids(mine.projects)).toContain(a.id);
    expect(ids(mine.projects)).not.toContain(b.id);
    expect(ids(mine.projects)).not.toContain(rural.id);
    const group = await listProjects(viewer(clerkA), { yearId, sector: 'group:"两新"组织' });
    expect(ids(group.projects)).toContain(a.id);
    expect(ids(group.projects)).not.toContain(rural.id);
    expect(group.projects.find((p) => p.id === a.id)?.sectors.map((s) => s.sector.name)).toEqual(["社会组织"]);
  });

  it("filter the case library", async () => {
    const community = await draft(clerkA, ["sector_community"], "社区案例");
    const rural = await draft(clerkB, ["sector_rural"], "农村案例");
    for (const project of [community, rural]) {
      await db.projectMark.create({ data: { projectId: project.id, mark: "BRAND", decidedOn: new Date(), reason: "测试", byId: admin.id } });
    }
    const found = await listCases({ sector: "sector_community" });
    expect(found.cases.map((c) => c.id)).toEqual([community.id]);
    expect(found.total).toBe(1);
    expect((await listCases({})).total).toBe(2);
  });
});
