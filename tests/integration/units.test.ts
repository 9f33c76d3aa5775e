import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createUnit, setUnitActive, updateUnit } from "@/lib/units/actions";
import { actAs, makeCounty, makeUnit, makeUser } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
});

beforeEach(async () => {
  await actAs(admin);
});

const fresh = (id: string) => db.unit.findUniqueOrThrow({ where: { id } });

describe("createUnit", () => {
  it("creates a township with the next code and writes the audit row", async () => {
    const result = await createUnit({ name: "丙镇", type: "TOWNSHIP", parentId: county.county.id });
    expect(result.serverError).toBeUndefined();
    const unit = await fresh(result.data!.id);
    expect(unit).toMatchObject({ name: "丙镇", type: "TOWNSHIP", parentId: county.county.id, code: "Z003", active: true, version: 0 });
    const audit = await db.auditLog.findFirst({ where: { action: "unit.create", entityId: unit.id } });
    expect(audit).toMatchObject({ actorId: admin.id, actorUsername: admin.username, outcome: "SUCCESS", summary: "丙镇（Z003）", ip: "127.0.0.1" });
  });

  it("puts a section under a township on the parentId field", async () => {
    const result = await createUnit({ name: "某科", type: "SECTION", parentId: county.townshipA.id });
    expect(result.validationErrors?.fieldErrors).toEqual({ parentId: ["部内科室的上级单位应为县直部门，不能是乡镇"] });
    expect(await db.unit.count({ where: { name: "某科" } })).toBe(0);
  });

  it("puts a duplicate name under the same parent on the name field", async () => {
    const result = await createUnit({ name: "甲镇", type: "TOWNSHIP", parentId: county.county.id });
    expect(result.validationErrors?.fieldErrors).toEqual({ name: ["同一上级单位下已有同名单位"] });
    expect(await db.unit.count({ where: { name: "甲镇" } })).toBe(1);
  });

  it("puts a duplicate code (any case) on the code field", async () => {
    const result = await createUnit({ name: "丁镇", type: "TOWNSHIP", parentId: county.county.id, code: "z001" });
    expect(result.validationErrors?.fieldErrors).toEqual({ code: ["单位编码 Z001 已被「甲镇」使用"] });
    expect(await db.unit.count({ where: { name: "丁镇" } })).toBe(0);
  });

  it("refuses a COUNTY_STAFF and audits the refusal", async () => {
    const staff = await makeUser(["COUNTY_STAFF"], county.section.id);
    await actAs(staff);
    const result = await createUnit({ name: "越权镇", type: "TOWNSHIP", parentId: county.county.id });
    expect(result.serverError).toBe("无权执行此操作");
    expect(await db.unit.count({ where: { name: "越权镇" } })).toBe(0);
    const denied = await db.auditLog.findMany({ where: { action: "access.denied", actorId: staff.id } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "DENIED", summary: "操作：新建单位", actorUsername: staff.username });
  });
});

describe("updateUnit", () => {
  it("refuses moving a unit under itself or its own descendant", async () => {
    const department = await makeUnit("县委宣传部", "DEPARTMENT", county.county.id);
    const section = await makeUnit("宣传科", "SECTION", department.id);
    const base = { name: department.name, type: department.type, id: department.id, version: department.version };
    const underChild = await updateUnit({ ...base, parentId: section.id });
    expect(underChild.validationErrors?.fieldErrors).toEqual({ parentId: ["不能把单位移到它自己或它的下级单位之下"] });
    const underSelf = await updateUnit({ ...base, parentId: department.id });
    expect(underSelf.validationErrors?.fieldErrors).toEqual({ parentId: ["不能把单位移到它自己或它的下级单位之下"] });
    expect(await fresh(department.id)).toMatchObject({ parentId: county.county.id, version: 0 });
  });

  it("keeps the first of two edits made from the same version", async () => {
    const unit = await makeUnit("戊镇", "TOWNSHIP", county.county.id);
    const edit = (name: string) => updateUnit({ id: unit.id, version: unit.version, name, type: "TOWNSHIP", parentId: county.county.id, sortOrder: 5 });
    const first = await edit("戊镇（第一次）");
    expect(first.data).toEqual({ id: unit.id });
    const second = await edit("戊镇（第二次）");
    expect(second.serverError).toBe(STALE_RECORD);
    expect(await fresh(unit.id)).toMatchObject({ name: "戊镇（第一次）", sortOrder: 5, version: 1, code: unit.code });
    expect(await db.auditLog.count({ where: { action: "unit.update", entityId: unit.id } })).toBe(1);
  });

  it("lets exactly one of two concurrent edits from the same version win", async () => {
    const unit = await makeUnit("己镇", "TOWNSHIP", county.county.id);
    const edit = (sortOrder: number) => updateUnit({ id: unit.id, version: 0, name: "己镇", type: "TOWNSHIP", parentId: county.county.id, sortOrder });
    const results = await Promise.all([edit(1), edit(2)]);
    expect(results.filter((r) => r.data).length).toBe(1);
    expect(results.filter((r) => r.serverError === STALE_RECORD).length).toBe(1);
    const winner = results[0].data ? 1 : 2;
    expect(await fresh(unit.id)).toMatchObject({ sortOrder: winner, version: 1 });
  });
});

describe("setUnitActive", () => {
  it("refuses to deactivate a unit with active users", async () => {
    const unit = await makeUnit("庚镇", "TOWNSHIP", county.county.id);
    await makeUser(["UNIT_USER"], unit.id);
    const result = await setUnitActive({ id: unit.id, version: 0, active: false });
    expect(result.serverError).toBe("该单位还有 1 个启用的账户，请先由安全管理员停用或调整");
    expect((await fresh(unit.id)).active).toBe(true);
  });

  it("refuses to deactivate a unit with active children, then allows it once they are off", async () => {
    const department = await makeUnit("县农业农村局", "DEPARTMENT", county.county.id);
    const section = await makeUnit("农经科", "SECTION", department.id);
    const refused = await setUnitActive({ id: department.id, version: 0, active: false });
    expect(refused.serverError).toBe("该单位下还有 1 个启用的下级单位，请先停用或移走它们");
    expect((await fresh(department.id)).active).toBe(true);

    expect((await setUnitActive({ id: section.id, version: 0, active: false })).data).toEqual({ id: section.id });
    expect((await setUnitActive({ id: department.id, version: 0, active: false })).data).toEqual({ id: department.id });
    expect(await fresh(department.id)).toMatchObject({ active: false, version: 1 });
    expect(await db.auditLog.count({ where: { action: "unit.deactivate", entityId: { in: [department.id, section.id] } } })).toBe(2);
    // A section cannot come back under a disabled department.
    const back = await setUnitActive({ id: section.id, version: 1, active: true });
    expect(back.serverError).toBe("上级单位已停用，请先启用上级单位");
  });
});
