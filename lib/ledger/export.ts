import "server-only";
import { db } from "@/lib/db/client";
import type { Reader } from "@/lib/learning/reach";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { daysOverdue } from "@/lib/ledger/rules";
import { LEDGER_ORDER, LEDGER_ROW, ledgerWhere } from "@/lib/ledger/queries";
import type { LedgerFilter } from "@/lib/ledger/schemas";
import { afterCursor, DATE, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The ledger as filtered on screen (every page), in the viewer's scope. */
export async function ledgerExport(viewer: Reader, filter: LedgerFilter, now = new Date()) {
  const where = ledgerWhere(viewer, filter, now);
  const total = await db.ledgerProblem.count({ where });
  const batches = inBatches((cursor, take) => db.ledgerProblem.findMany({ where, orderBy: LEDGER_ORDER, ...afterCursor(cursor, take), select: LEDGER_ROW }));
  type Row = Awaited<ReturnType<typeof db.ledgerProblem.findMany<{ select: typeof LEDGER_ROW }>>>[number];
  return listExport<Row>({
    title: "遗留问题盘点销号台账",
    sheetName: "盘点销号",
    total,
    batches,
    columns: [
      { header: "科室", width: 14, value: (r) => r.section.name },
      { header: "遗留问题", width: 36, value: (r) => r.title },
      { header: "存在时间", width: 14, value: (r) => r.since },
      { header: "责任人", width: 10, value: (r) => r.owner.name },
      { header: "整改措施", width: 40, value: (r) => r.measures },
      { header: "目标销号日期", width: 14, value: (r) => excelDate(r.targetDate), numFmt: DATE },
      { header: "状态", width: 12, value: (r) => LEDGER_MACHINE.label(r.status) },
      { header: "逾期天数", width: 10, value: (r) => daysOverdue(r, now) || null },
      { header: "销号日期", width: 14, value: (r) => excelDate(r.clearedAt), numFmt: DATE },
      { header: "确认人", width: 10, value: (r) => r.confirmedBy?.name ?? null },
      { header: "重新打开次数", width: 12, value: (r) => r.reopenCount || null },
    ],
  });
}
