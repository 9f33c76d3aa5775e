import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { confirmTopicImport, confirmUnitImport, confirmUserImport, previewTopicImport, previewUnitImport, previewUserImport } from "@/lib/imports/actions";
import { verifyPassword } from "@/lib/auth/password";
import { ensureDefaultAspects } from "@/lib/suggestions/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate } from "@/lib/time";
import { actAs, makeCounty, makeUser } from "./support/fixtures";
import { sheetBase64 } from "./support/imports";

process.env.NEXTAUTH_SECRET = "test-secret";
process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "imports-"));

const UNIT_HEADER = ["单位名称", "单位类型", "上级单位", "单位编码", "排序"];
const USER_HEADER = ["用户名", "姓名", "所在单位", "角色", "手机号码", "电子邮箱"];
const TOPIC_HEADER = ["选题名称", "选题说明", "类别", "方面", "着眼领域", "目标层次", "认领方式", "认领截止时间", "建议单位"];
const NEXT_YEAR = Number(formatDate(new Date()).slice(0, 4)) + 1;

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let security: Awaited<ReturnType<typeof makeUser>>;
let staff: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
  security = await makeUser(["SECURITY_ADMIN"], county.department.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  await db.$transaction((tx) => createYearRecord(tx, Number(formatDate(new Date()).slice(0, 4)), null));
  await ensureDefaultAspects();
});

describe("units", () => {
  beforeEach(() => actAs(admin));

  it("previews without writing, then imports only the good rows once", async () => {
    const content = await sheetBase64(UNIT_HEADER, [
      ["导入镇", "乡镇", "测试县", "", 3], // row 2
      ["导入村", "村", "测试县", "", 1], // row 3: unknown type
      ["导入局", "县直部门", county.county.code, "B901", 2], // row 4: parent by code
      ["导入科", "部内科室", "导入局", "", 1], // row 5: parent from row 4
      ["孤儿科", "部内科室", "不存在的局", "", 1], // row 6: unknown parent
      ["撞码镇", "乡镇", "测试县", "Z001", 1], // row 7: code of 甲镇
    ]);
    const before = await db.unit.count();
    const preview = await previewUnitImport({ fileName: "units.xlsx", content });
    expect(preview?.serverError).toBeUndefined();
    const data = preview!.data!;
    expect({ good: data.good, bad: data.bad }).toEqual({ good: 3, bad: 3 });
    expect(data.rows.map((row) => [row.row, row.problems])).toEqual([
      [2, []],
      [3, [{ column: "单位类型", message: "单位类型「村」无法识别，应为：乡镇、县直部门、部内科室、县" }]],
      [4, []],
      [5, []],
      [6, [{ column: "上级单位", message: "找不到上级单位「不存在的局」" }]],
      [7, [{ column: "单位编码", message: "单位编码 Z001 已被「甲镇」使用" }]],
    ]);
    expect(await db.unit.count()).toBe(before);
    expect(await db.auditLog.count({ where: { action: { in: ["unit.create", "unit.import"] }, actorId: admin.id } })).toBe(0);

    const [first, second] = await Promise.all([confirmUnitImport({ token: data.token }), confirmUnitImport({ token: data.token })]);
    const results = [first, second];
    expect(results.filter((result) => result?.data).length).toBe(1);
    expect(results.find((result) => result?.serverError)?.serverError).toBe("这份预览已经确认导入过，不会重复导入");
    const result = results.find((result) => result?.data)!.data!;
    expect(result.imported).toBe(3);
    expect(result.bad.map((row) => row.row)).toEqual([3, 6, 7]);
    expect(await db.unit.count()).toBe(before + 3);
    const bureau = await db.unit.findFirstOrThrow({ where: { name: "导入局" } });
    expect(await db.unit.findFirstOrThrow({ where: { name: "导入科" } })).toMatchObject({ type: "SECTION", parentId: bureau.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "unit.import" } });
    expect(audit.summary).toBe("导入 3 个单位，3 行有误");

    const again = await confirmUnitImport({ token: data.token });
    expect(again?.serverError).toBe("这份预览已经确认导入过，不会重复导入");
    expect(await db.unit.count()).toBe(before + 3);
  });

  it("checks the file by content and refuses a forged token", async () => {
    const csv = await previewUnitImport({ fileName: "x.xlsx", content: Buffer.from("单位名称,单位类型\n甲,乡镇").toString("base64") });
    expect(csv?.serverError).toBe("文件内容不是 .xlsx 格式的 Excel 文件，请用导入模板填写后上传");
    const wrongName = await previewUnitImport({ fileName: "x.csv", content: "AAAA" });
    expect(wrongName?.validationErrors?.fieldErrors.fileName).toEqual(["请上传 .xlsx 格式的 Excel 文件"]);
    const forged = await confirmUnitImport({ token: "eyJ9.abc" });
    expect(forged?.serverError).toBe("预览已失效，请重新上传文件");
  });
});

describe("people", () => {
  beforeEach(() => actAs(security));

  it("imports good accounts with temporary passwords and reports rows that became bad since the preview", async () => {
    const content = await sheetBase64(USER_HEADER, [
      ["imp.one", "导入一", "甲镇", "单位填报员", "13800000001", ""], // row 2
      ["imp.two", "导入二", county.townshipB.code, "单位填报员、评审专家", "", "two@example.com"], // row 3
      ["imp.three", "导入三", "不存在镇", "单位填报员", "", ""], // row 4: unknown unit
      ["imp.one", "重复一", "甲镇", "单位填报员", "", ""], // row 5: duplicate in the sheet
      ["imp.four", "导入四", "甲镇", "管理员、安全管理员", "", ""], // row 6: 三权分立
      ["imp.five", "导入五", "乙乡", "单位填报员", "", ""], // row 7: taken before confirm
    ]);
    const preview = (await previewUserImport({ fileName: "people.xlsx", content }))!.data!;
    expect(preview.rows.map((row) => [row.row, row.problems.map((p) => `${p.column}:${p.message}`)])).toEqual([
      [2, []],
      [3, []],
      [4, ["所在单位:找不到单位「不存在镇」（或已停用）"]],
      [5, ["用户名:与第 2 行的用户名重复"]],
      [6, ["角色:管理员、安全管理员的职责必须分设在不同账户（三权分立）"]],
      [7, []],
    ]);
    expect(await db.user.count({ where: { username: { startsWith: "imp." } } })).toBe(0);

    await makeUser(["UNIT_USER"], county.townshipB.id, { username: "imp.five" });
    const result = (await confirmUserImport({ token: preview.token }))!.data!;
    expect(result.imported).toBe(2);
    expect(result.bad.map((row) => [row.row, row.problems])).toEqual([
      [4, [{ column: "所在单位", message: "找不到单位「不存在镇」（或已停用）" }]],
      [5, [{ column: "用户名", message: "与第 2 行的用户名重复" }]],
      [6, [{ column: "角色", message: "管理员、安全管理员的职责必须分设在不同账户（三权分立）" }]],
      [7, [{ column: "用户名", message: "该用户名已被使用" }]],
    ]);
    expect(result.accounts!.map((account) => account.username)).toEqual(["imp.one", "imp.two"]);
    const two = await db.user.findUniqueOrThrow({ where: { username: "imp.two" } });
    expect(two).toMatchObject({ unitId: county.townshipB.id, roles: ["UNIT_USER", "REVIEWER"], email: "two@example.com", mustChangePassword: true });
    expect(await verifyPassword(two.passwordHash, result.accounts![1].temporaryPassword)).toBe(true);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "user.import" } })).toMatchObject({
      actorId: security.id,
      summary: "导入 2 个账户，4 行有误",
    });
    expect(await db.auditLog.count({ where: { action: "user.create", actorId: security.id } })).toBe(2);
  });

  it("is refused to the admin and to a unit user, and a token of one kind does not confirm another", async () => {
    const content = await sheetBase64(USER_HEADER, [["imp.x", "某人", "甲镇", "单位填报员", "", ""]]);
    const preview = (await previewUserImport({ fileName: "people.xlsx", content }))!.data!;
    await actAs(await makeUser(["UNIT_USER"], county.townshipA.id));
    expect((await previewUserImport({ fileName: "people.xlsx", content }))?.serverError).toBe("无权执行此操作");
    expect((await confirmUserImport({ token: preview.token }))?.serverError).toBe("无权执行此操作");
    expect((await previewUnitImport({ fileName: "units.xlsx", content }))?.serverError).toBe("无权执行此操作");
    expect((await previewTopicImport({ fileName: "topics.xlsx", content }))?.serverError).toBe("无权执行此操作");
    await actAs(admin);
    expect((await confirmUserImport({ token: preview.token }))?.serverError).toBe("无权执行此操作");
    expect((await confirmUnitImport({ token: preview.token }))?.serverError).toBe("预览已失效，请重新上传文件");
    expect(await db.user.count({ where: { username: "imp.x" } })).toBe(0);
  });
});

describe("topics", () => {
  beforeEach(() => actAs(staff));

  it("drafts the good rows into the current year with codes in order", async () => {
    const content = await sheetBase64(TOPIC_HEADER, [
      ["导入选题甲", "说明甲", "人才工作", "人才引进", "重点领域", "常规工作求规范", "自主认领", `${NEXT_YEAR}-03-31`, "甲镇、乙乡"], // row 2
      ["导入选题乙", "说明乙", "人才工作", "", "热点领域", "创新工作出精品", "发包", new Date(Date.UTC(NEXT_YEAR, 2, 31, 17, 30)), "甲镇"], // row 3: a date cell
      ["导入选题丙", "说明丙", "文化工作", "", "重点领域", "常规工作求规范", "自主认领", `${NEXT_YEAR}-03-31`, ""], // row 4: unknown category
      ["导入选题丁", "说明丁", "人才工作", "", "重点领域", "常规工作求规范", "发包", `${NEXT_YEAR}-03-31`, ""], // row 5: assigned without units
      ["导入选题甲", "说明", "人才工作", "", "重点领域", "常规工作求规范", "自主认领", "2020-01-01", ""], // row 6: duplicate, past
    ]);
    const preview = (await previewTopicImport({ fileName: "topics.xlsx", content }))!.data!;
    expect(preview.rows.map((row) => [row.row, row.problems.map((p) => `${p.column}:${p.message}`)])).toEqual([
      [2, []],
      [3, []],
      [4, ["类别:类别「文化工作」无法识别，应为：干部工作、基层党建、人才工作、自身建设"]],
      [5, ["建议单位:发包选题请至少选择一个承担单位"]],
      [6, ["选题名称:与第 2 行的选题名称重复"]],
    ]);
    expect(await db.topic.count()).toBe(0);
    const result = (await confirmTopicImport({ token: preview.token }))!.data!;
    expect(result.imported).toBe(2);
    const topics = await db.topic.findMany({ orderBy: { seq: "asc" }, include: { units: true } });
    expect(topics.map((topic) => [topic.code.slice(5), topic.title, topic.status, topic.units.length])).toEqual([
      ["RC-01", "导入选题甲", "DRAFT", 2],
      ["RC-02", "导入选题乙", "DRAFT", 1],
    ]);
    expect(topics[0].claimClosesAt.toISOString()).toBe(`${NEXT_YEAR}-03-31T15:59:59.000Z`);
    expect(topics[1].claimClosesAt.toISOString()).toBe(`${NEXT_YEAR}-03-31T09:30:00.000Z`);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "topic.import" } })).toMatchObject({ summary: "导入 2 个选题，3 行有误" });

    // The same sheet again: both titles are now taken in the year.
    const again = (await previewTopicImport({ fileName: "topics.xlsx", content }))!.data!;
    expect(again.rows[0].problems).toEqual([{ column: "选题名称", message: `${NEXT_YEAR - 1} 年度已有同名选题（${topics[0].code}）` }]);
    expect(again.good).toBe(0);
  });
});
