// Reading an uploaded Excel sheet into rows of text, and checking the upload before it is read.
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import { ActionError } from "@/lib/actions/errors";

export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** One data row of the sheet: its row number in Excel and the text of each known column. */
export type SheetRow = { row: number; cells: Record<string, string> };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The text of a cell as people read it. A date cell (Excel keeps no time zone; exceljs hands it over as
 * the same wall-clock time in UTC) becomes "2026-12-31" or "2026-12-31 17:30".
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return value.getUTCHours() || value.getUTCMinutes() ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : day;
  }
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((part) => part.text)
        .join("")
        .trim();
    if ("hyperlink" in value && "text" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("text" in value) return String(value.text).trim();
    if ("result" in value) return cellText((value.result ?? "") as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** Size and content (an .xlsx file is a zip of a known shape), before anything parses it. */
export async function checkXlsxUpload(fileName: string, content: Buffer): Promise<void> {
  if (!/\.xlsx$/i.test(fileName)) throw new ActionError("请上传 .xlsx 格式的 Excel 文件");
  if (content.length === 0) throw new ActionError("文件是空的");
  if (content.length > MAX_IMPORT_BYTES) throw new ActionError("文件不能超过 2 MB");
  const detected = await fileTypeFromBuffer(content);
  if (detected?.ext !== "xlsx") throw new ActionError("文件内容不是 .xlsx 格式的 Excel 文件，请用导入模板填写后上传");
}

/** Splits a list cell: 、 , ， ; ； or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Reads the first sheet: row 1 names the columns (any order), empty rows are skipped. */
export async function readSheet(content: Buffer, columns: readonly string[], required: readonly string[]): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ActionError("无法读取该文件，请确认是 .xlsx 格式的 Excel 文件");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ActionError("文件中没有工作表");
  const header = ((sheet.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map(cellText);
  const index = Object.fromEntries(columns.map((column) => [column, header.indexOf(column) + 1]));
  const missing = required.filter((column) => index[column] === 0);
  if (missing.length) throw new ActionError(`第 1 行缺少列：${missing.join("、")}。请使用导入模板`);
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new ActionError(`一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(columns.map((column) => [column, index[column] ? cellText(row.getCell(index[column]).value) : ""]));
    if (Object.values(cells).some((value) => value !== "")) rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw new ActionError("文件中没有数据行");
  if (rows.length > MAX_IMPORT_ROWS) throw new ActionError(`一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  return rows;
}

/** A workbook with the header row and example rows. */
export async function templateWorkbook(sheetName: string, columns: readonly string[], examples: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]);
  for (const example of examples) sheet.addRow(example);
  for (const column of sheet.columns) column.width = 22;
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
