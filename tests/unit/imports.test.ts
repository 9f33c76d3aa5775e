import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, checkXlsxUpload, MAX_IMPORT_ROWS, readSheet, splitList } from "@/lib/imports/sheet";
import { signImportToken, verifyImportToken, type ImportTokenPayload } from "@/lib/imports/token";
import { rolesFromLabels, unitResolver } from "@/lib/users/import";
import { closingDateText, fromLabel } from "@/lib/topics/import";
import { CLAIM_MODE_LABELS } from "@/lib/topics/rules";

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("s");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("cellText", () => {
  it("reads text, numbers, rich text, formulas and date cells as people see them", () => {
    expect(cellText(" 甲镇 ")).toBe("甲镇");
    expect(cellText(3)).toBe("3");
    expect(cellText(null)).toBe("");
    expect(cellText({ richText: [{ text: "青" }, { text: "石镇" }] })).toBe("青石镇");
    expect(cellText({ formula: "A1", result: 7 } as ExcelJS.CellValue)).toBe("7");
    expect(cellText(new Date(Date.UTC(2026, 11, 31)))).toBe("2026-12-31");
    expect(cellText(new Date(Date.UTC(2026, 11, 31, 17, 5)))).toBe("2026-12-31 17:05");
  });
});

describe("readSheet", () => {
  const columns = ["用户名", "姓名", "角色"] as const;

  it("finds the columns by name in any order and skips empty rows", async () => {
    const content = await workbook([
      ["角色", "用户名", "姓名"],
      ["单位填报员", "zhang", "张三"],
      [null, null, null],
      ["", "li", "李四"],
    ]);
    expect(await readSheet(content, columns, ["用户名"])).toEqual([
      { row: 2, cells: { 用户名: "zhang", 姓名: "张三", 角色: "单位填报员" } },
      { row: 4, cells: { 用户名: "li", 姓名: "李四", 角色: "" } },
    ]);
  });

  it("names missing required columns, and refuses an empty sheet or too many rows", async () => {
    await expect(readSheet(await workbook([["姓名"], ["张三"]]), columns, ["用户名", "角色"])).rejects.toThrow("第 1 行缺少列：用户名、角色。请使用导入模板");
    await expect(readSheet(await workbook([["用户名"]]), columns, ["用户名"])).rejects.toThrow("文件中没有数据行");
    const many = await workbook([["用户名"], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`u${i}`])]);
    await expect(readSheet(many, columns, ["用户名"])).rejects.toThrow(`一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  });
});

describe("checkXlsxUpload", () => {
  it("accepts an .xlsx by its content and refuses other content, empty and large files", async () => {
    await expect(checkXlsxUpload("a.xlsx", await workbook([["用户名"], ["a"]]))).resolves.toBeUndefined();
    await expect(checkXlsxUpload("a.xlsx", Buffer.from("用户名\na"))).rejects.toThrow("文件内容不是 .xlsx 格式的 Excel 文件");
    await expect(checkXlsxUpload("a.csv", await workbook([["a"]]))).rejects.toThrow("请上传 .xlsx 格式的 Excel 文件");
    await expect(checkXlsxUpload("a.xlsx", Buffer.alloc(0))).rejects.toThrow("文件是空的");
    await expect(checkXlsxUpload("a.xlsx", Buffer.alloc(2 * 1024 * 1024 + 1))).rejects.toThrow("文件不能超过 2 MB");
  });
});

describe("import token", () => {
  const payload: ImportTokenPayload = { kind: "users", key: "imports/users-ab", sha256: "x", rows: 3, userId: "u1", exp: 1_000_000, nonce: "n" };

  it("round-trips for the same kind and user before it expires", () => {
    const token = signImportToken("secret", payload);
    expect(verifyImportToken("secret", token, { kind: "users", userId: "u1" }, 999_999)).toEqual({ payload });
  });

  it("refuses another secret, kind or user, a changed body and an expired token", () => {
    const token = signImportToken("secret", payload);
    const invalid = { problem: "预览已失效，请重新上传文件" };
    expect(verifyImportToken("other", token, { kind: "users", userId: "u1" }, 0)).toEqual(invalid);
    expect(verifyImportToken("secret", token, { kind: "units", userId: "u1" }, 0)).toEqual(invalid);
    expect(verifyImportToken("secret", token, { kind: "users", userId: "u2" }, 0)).toEqual(invalid);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ ...payload, rows: 4 })).toString("base64url")}.${signature}`;
    expect(verifyImportToken("secret", forged, { kind: "users", userId: "u1" }, 0)).toEqual(invalid);
    expect(verifyImportToken("secret", token, { kind: "users", userId: "u1" }, 1_000_001)).toEqual({ problem: "预览已超过 1 小时，请重新上传文件" });
  });
});

describe("row values", () => {
  it("splits lists on the usual separators", () => {
    expect(splitList("甲镇、乙乡, 丙镇；丁镇\n戊镇")).toEqual(["甲镇", "乙乡", "丙镇", "丁镇", "戊镇"]);
    expect(splitList(" ")).toEqual([]);
  });

  it("reads roles by their Chinese names", () => {
    expect(rolesFromLabels("单位填报员、评审专家")).toEqual({ roles: ["UNIT_USER", "REVIEWER"] });
    expect(rolesFromLabels("")).toEqual({ problem: "请填写角色" });
    expect(rolesFromLabels("单位填报员、科长")).toEqual({ problem: expect.stringContaining("角色「科长」无法识别") });
  });

  it("finds units by code or by a unique name", () => {
    const resolve = unitResolver([
      { id: "1", name: "甲镇", code: "Z001" },
      { id: "2", name: "办公室", code: "S001" },
      { id: "3", name: "办公室", code: "S002" },
    ]);
    expect(resolve("甲镇")).toEqual({ unit: { id: "1", name: "甲镇", code: "Z001" } });
    expect(resolve("s002")).toEqual({ unit: { id: "3", name: "办公室", code: "S002" } });
    expect(resolve("办公室")).toEqual({ problem: "单位「办公室」有重名，请改填单位编码" });
    expect(resolve("乙乡")).toEqual({ problem: "找不到单位「乙乡」（或已停用）" });
  });

  it("reads labels of the topic vocabulary", () => {
    expect(fromLabel(CLAIM_MODE_LABELS, "招投标", "认领方式")).toEqual({ value: "BIDDING" });
    expect(fromLabel(CLAIM_MODE_LABELS, "抢答", "认领方式")).toEqual({
      problem: { column: "认领方式", message: "认领方式「抢答」无法识别，应为：自主认领、招投标、发包" },
    });
    expect(fromLabel(CLAIM_MODE_LABELS, "", "认领方式")).toEqual({ problem: { column: "认领方式", message: "请填写认领方式" } });
  });

  it("reads closing dates written in the usual ways; a bare date closes at the end of the day", () => {
    expect(closingDateText("2026-12-31")).toBe("2026-12-31 23:59:59");
    expect(closingDateText("2026/1/5")).toBe("2026-01-05 23:59:59");
    expect(closingDateText("2026年3月1日")).toBe("2026-03-01 23:59:59");
    expect(closingDateText("2026-12-31 17:30")).toBe("2026-12-31 17:30:00");
    expect(closingDateText("下周")).toBe("下周");
  });
});
