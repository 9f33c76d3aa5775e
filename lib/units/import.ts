// Units from an Excel sheet: each row is checked, the good rows are imported, the bad ones reported.
import "server-only";
import ExcelJS from "exceljs";
import type { Tx } from "@/lib/db/client";
import type { AuditActor } from "@/lib/audit/log";
import { writeAudit } from "@/lib/audit/log";
import { ActionError } from "@/lib/actions/errors";
import { unitFieldsSchema } from "@/lib/units/schemas";
import { createUnitRecord } from "@/lib/units/service";
import { unitTypeFromLabel } from "@/lib/units/tree";

export const IMPORT_COLUMNS = ["单位名称", "单位类型", "上级单位", "单位编码", "排序"] as const;
export const MAX_IMPORT_ROWS = 2000;

export type ImportRow = { row: number; name: string; type: string; parent: string; code: string; sortOrder: string };
export type ImportReport = { imported: number; errors: { row: number; name: string; message: string }[] };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
    if ("text" in value) return String(value.text).trim();
    if ("result" in value) return String(value.result ?? "").trim();
    if (value instanceof Date) return value.toISOString();
  }
  return String(value).trim();
}

export async function readUnitSheet(content: Buffer): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ActionError("无法读取该文件，请确认是 .xlsx 格式的 Excel 文件");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ActionError("文件中没有工作表");
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const index = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, header.indexOf(column) + 1]));
  const missing = IMPORT_COLUMNS.slice(0, 2).filter((column) => index[column] === 0);
  if (missing.length) throw new ActionError(`第 1 行缺少列：${missing.join("、")}。请使用导入模板`);
  const rows: ImportRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (column: (typeof IMPORT_COLUMNS)[number]) => (index[column] ? cellText(row.getCell(index[column]).value) : "");
    const entry = { row: rowNumber, name: get("单位名称"), type: get("单位类型"), parent: get("上级单位"), code: get("单位编码"), sortOrder: get("排序") };
    if (Object.values(entry).some((value) => typeof value === "string" && value !== "")) rows.push(entry);
  });
  if (rows.length === 0) throw new ActionError("文件中没有数据行");
  if (rows.length > MAX_IMPORT_ROWS) throw new ActionError(`一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  return rows;
}

/** Imports the valid rows in one transaction; a parent may be an existing unit or one earlier in the sheet. */
export async function importUnitRows(tx: Tx, rows: ImportRow[], actor: AuditActor, ip: string | null): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, errors: [] };
  const existing = await tx.unit.findMany({ where: { active: true }, select: { id: true, name: true, code: true } });
  const byCode = new Map(existing.map((unit) => [unit.code.toUpperCase(), unit.id]));
  const byName = new Map<string, string[]>();
  for (const unit of existing) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit.id]);

  for (const row of rows) {
    const fail = (message: string) => report.errors.push({ row: row.row, name: row.name, message });
    const type = unitTypeFromLabel(row.type);
    if (!row.type) { fail("缺少单位类型"); continue; }
    if (!type) { fail(`单位类型「${row.type}」无法识别，应为：乡镇、县直部门、部内科室、县`); continue; }
    let parentId: string | undefined;
    if (row.parent) {
      const byCodeMatch = byCode.get(row.parent.toUpperCase());
      const byNameMatch = byName.get(row.parent) ?? [];
      if (byCodeMatch) parentId = byCodeMatch;
      else if (byNameMatch.length === 1) parentId = byNameMatch[0];
      else if (byNameMatch.length > 1) { fail(`上级单位「${row.parent}」有重名，请改填单位编码`); continue; }
      else { fail(`找不到上级单位「${row.parent}」`); continue; }
    }
    const parsed = unitFieldsSchema.safeParse({ name: row.name, type, parentId, code: row.code || undefined, sortOrder: row.sortOrder || 0 });
    if (!parsed.success) { fail(parsed.error.issues.map((issue) => issue.message).join("；")); continue; }
    try {
      // A savepoint per row: a refused row leaves the rows before it in place.
      await tx.$executeRawUnsafe("SAVEPOINT unit_row");
      const unit = await createUnitRecord(tx, parsed.data, actor, ip);
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT unit_row");
      byCode.set(unit.code.toUpperCase(), unit.id);
      byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit.id]);
      report.imported++;
    } catch (error) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT unit_row");
      if (error instanceof ActionError) fail(error.message);
      else throw error;
    }
  }
  await writeAudit({ actor, action: "unit.import", entityType: "Unit", summary: `导入 ${report.imported} 个单位，${report.errors.length} 行有误`, details: { errors: report.errors }, ip }, tx);
  return report;
}

/** The template, with example rows that hang under the deployment's root unit. */
export async function importTemplate(root: { name: string; code: string } | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("单位");
  sheet.addRow([...IMPORT_COLUMNS]);
  sheet.addRow(["示例镇", "乡镇", root?.name ?? "（上级单位名称）", "", 1]);
  sheet.addRow(["示例局", "县直部门", root?.code ?? "（上级单位编码）", "", 2]);
  sheet.addRow(["示例科", "部内科室", "示例局", "", 1]);
  sheet.columns.forEach((column) => (column.width = 24));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
