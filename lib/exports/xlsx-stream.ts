// Every list's Excel download: rows fetched in batches and written as they come, so a 50,000-row export
// neither holds the whole list in memory nor makes the user wait for the last row before the first byte.
import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { logger } from "@/lib/log";

export type Cell = string | number | Date | null;
export type ExportColumn<Row> = { header: string; width: number; value: (row: Row) => Cell; numFmt?: string };

const BEIJING_OFFSET = 8 * 3_600_000;
/** Excel has no time zones: a date cell shows the Beijing wall-clock time of the instant. */
export function excelDate(instant: Date | null | undefined): Date | null {
  return instant ? new Date(instant.getTime() + BEIJING_OFFSET) : null;
}
export const DATE_TIME = "yyyy-mm-dd hh:mm";
export const DATE = "yyyy-mm-dd";

/** Prisma's arguments for the batch after `cursor` (the row with that id itself is skipped). */
export function afterCursor(cursor: string | undefined, take: number) {
  return { cursor: cursor ? { id: cursor } : undefined, skip: cursor ? 1 : 0, take };
}

/** Reads a Prisma list in id-ordered batches (cursor pagination: no OFFSET that slows down deep pages). */
export async function* inBatches<Row extends { id: string }>(
  fetch: (cursor: string | undefined, take: number) => Promise<Row[]>,
  take = 1000,
): AsyncGenerator<Row[]> {
  let cursor: string | undefined;
  for (;;) {
    const batch = await fetch(cursor, take);
    if (batch.length > 0) yield batch;
    if (batch.length < take) return;
    cursor = batch[batch.length - 1].id;
  }
}

/** A list's export: the file named after its title, and the row count for the audit line. */
export function listExport<Row>(options: { title: string; sheetName?: string; total: number; columns: ExportColumn<Row>[]; batches: AsyncIterable<Row[]> }) {
  return { total: options.total, response: xlsxStream({ ...options, sheetName: options.sheetName ?? options.title, fileName: `${options.title}.xlsx` }) };
}

export function xlsxStream<Row>(options: {
  title: string;
  sheetName: string;
  fileName: string;
  total: number;
  columns: ExportColumn<Row>[];
  batches: AsyncIterable<Row[]>;
}): Response {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.columns = options.columns.map((column, index) => ({ key: String(index), width: column.width }));
  const write = async () => {
    const titleRow = sheet.addRow([options.title]);
    titleRow.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, options.columns.length);
    titleRow.commit();
    const header = sheet.addRow(options.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of options.batches) {
      for (const item of batch) {
        const row = sheet.addRow(options.columns.map((c) => c.value(item)));
        options.columns.forEach((c, index) => {
          if (c.numFmt) row.getCell(index + 1).numFmt = c.numFmt;
        });
        row.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error) => {
    logger.error({ err: error }, "export failed");
    output.destroy(error as Error);
  });
  return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
      "cache-control": "no-store",
      // The client shows "共 N 行" while the bytes arrive: the row count is known before the first row is written.
      "x-total-rows": String(options.total),
    },
  });
}

/** The query of an export link: the list page's own filter parameters. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** A short list already read for its page (a hearing's ranking, a year's inspections) as the one batch. */
export async function* oneBatch<Row>(rows: Row[]): AsyncGenerator<Row[]> {
  if (rows.length > 0) yield rows;
}
