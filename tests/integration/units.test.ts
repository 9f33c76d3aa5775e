import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createUnit, importUnits, setUnitActive, updateUnit } from "@/lib/units/actions";
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

async function xlsxBase64(rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("单位");
  sheet.addRow(["单位名称", "单位类型", "上级单位", "单位编码", "排序"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

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

describe("importUnits", () => {
  it("imports the good rows and reports the bad ones by row number", async () => {
    const content = await xlsxBase64([
      ["导入镇", "乡镇", "测试县", "", 3], // row 2
      ["导入村", "村", "测试县", "", 1], // row 3: unknown type
      ["导入局", "县直部门", county.county.code, "B901", 2], // row 4: parent by code
      ["导入科", "部内科室", "导入局", "", 1], // row 5: parent from row 4
      ["孤儿科", "部内科室", "不存在的局", "", 1], // row 6: unknown parent
    ]);
    const result = await importUnits({ fileName: "x.xlsx", content });
    expect(result.serverError).toBeUndefined();
    expect(result.data!.imported).toBe(3);
    expect(result.data!.errors).toEqual([
      { row: 3, name: "导入村", message: "单位类型「村」无法识别，应为：乡镇、县直部门、部内科室、县" },
      { row: 6, name: "孤儿科", message: "找不到上级单位「不存在的局」" },
    ]);
    const township = await db.unit.findFirstOrThrow({ where: { name: "导入镇" } });
    expect(township).toMatchObject({ type: "TOWNSHIP", parentId: county.county.id, sortOrder: 3 });
    expect(township.code).toMatch(/^Z\d{3}$/);
    const bureau = await db.unit.findFirstOrThrow({ where: { name: "导入局" } });
    expect(bureau).toMatchObject({ type: "DEPARTMENT", parentId: county.county.id, code: "B901" });
    expect(await db.unit.findFirstOrThrow({ where: { name: "导入科" } })).toMatchObject({ type: "SECTION", parentId: bureau.id });
    expect(await db.unit.count({ where: { name: { in: ["导入村", "孤儿科"] } } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "unit.import" } });
    expect(audit.summary).toBe("导入 3 个单位，2 行有误");
  });

  it("reports a row refused by the service (duplicate code) and keeps the rows around it", async () => {
    const content = await xlsxBase64([
      ["前一行镇", "乡镇", "测试县", "", 1],
      ["撞码镇", "乡镇", "测试县", "Z001", 1],
      ["后一行镇", "乡镇", "测试县", "", 1],
    ]);
    const result = await importUnits({ fileName: "units.XLSX", content });
    expect(result.data).toEqual({ imported: 2, errors: [{ row: 3, name: "撞码镇", message: "单位编码 Z001 已被「甲镇」使用" }] });
    expect(await db.unit.count({ where: { name: { in: ["前一行镇", "后一行镇"] } } })).toBe(2);
  });

  it("gives a Chinese error for content that is not an Excel file", async () => {
    const result = await importUnits({ fileName: "x.xlsx", content: Buffer.from("单位名称,单位类型\n甲,乡镇").toString("base64") });
    expect(result.serverError).toBe("无法读取该文件，请确认是 .xlsx 格式的 Excel 文件");
    const wrongName = await importUnits({ fileName: "x.csv", content: "AAAA" });
    expect(wrongName.validationErrors?.fieldErrors.fileName).toEqual(["请上传 .xlsx 格式的 Excel 文件"]);
  });
});
