// The shape every Excel download shares: a merged title row, then bold Chinese column headers.
import type { Worksheet } from "exceljs";

export type SheetColumn = { header: string; key: string; width: number };

export function writeTitleAndHeaders(sheet: Worksheet, title: string, columns: SheetColumn[]) {
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  const header = sheet.getRow(2);
  for (const [index, column] of columns.entries()) header.getCell(index + 1).value = column.header;
  header.font = { bold: true };
}
