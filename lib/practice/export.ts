import "server-only";
import { db } from "@/lib/db/client";
import type { Reader } from "@/lib/learning/reach";
import { CELL_LABELS, SLOTS } from "@/lib/practice/periods";
import { GRID_ORDER, gridRow, gridSelect, practiceCadreWhere, type GridFilter } from "@/lib/practice/queries";
import { practiceDues } from "@/lib/practice/service";
import { afterCursor, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The cadres × items grid as filtered on screen (the cadres the viewer may read), one row per cadre, the seven cells as words. */
export async function practiceGridExport(viewer: Reader, filter: GridFilter, now = new Date()) {
  const where = practiceCadreWhere(viewer, filter.section);
  const dues = await practiceDues(db, filter.year);
  const total = await db.user.count({ where });
  const batches = inBatches(async (cursor, take) => {
    const cadres = await db.user.findMany({ where, orderBy: GRID_ORDER, ...afterCursor(cursor, take), select: gridSelect(filter.year) });
    return cadres.map((cadre) => ({ id: cadre.id, ...gridRow(cadre, filter.year, dues, now) }));
  });
  return listExport({
    title: `${filter.year}年度组工干部“四个一”完成情况`,
    sheetName: "四个一",
    total,
    batches,
    columns: [
      { header: "姓名", width: 12, value: (r) => r.cadre.name },
      { header: "科室", width: 16, value: (r) => r.cadre.unit.name },
      ...SLOTS.map((slot, index) => ({
        header: slot.short,
        width: 12,
        value: (r: ReturnType<typeof gridRow>) =>
          `${CELL_LABELS[r.slots[index].cell]}${r.slots[index].item?.late && r.slots[index].cell !== "overdue" ? "（逾期提交）" : ""}`,
      })),
      { header: "已完成", width: 8, value: (r) => r.done },
    ],
  });
}
