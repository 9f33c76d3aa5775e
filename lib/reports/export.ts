import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { CELL_LABELS, QUARTER_LABELS } from "@/lib/reports/quarters";
import { GRID_ORDER, gridRow, gridSelect, gridWhere, yearDeadlines, type GridFilter } from "@/lib/reports/queries";
import { afterCursor, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The projects × quarters grid as filtered on screen, one row per project, the four cells as words. */
export async function reportGridExport(viewer: Pick<CurrentUser, "id" | "roles" | "unitId">, filter: GridFilter, now = new Date()) {
  const where = await gridWhere(viewer, filter, now);
  const deadlines = await yearDeadlines(filter.year);
  const total = await db.project.count({ where });
  const batches = inBatches(async (cursor, take) => {
    const projects = await db.project.findMany({ where, orderBy: GRID_ORDER, ...afterCursor(cursor, take), select: gridSelect(filter.year) });
    return projects.map((project) => ({ id: project.id, ...gridRow(project, filter.year, deadlines, now) }));
  });
  const title = `${filter.year}年度创新项目季度进展报送情况`;
  return listExport({
    title,
    sheetName: "季度报告",
    total,
    batches,
    columns: [
      { header: "项目编号", width: 12, value: (r) => r.project.code ?? "" },
      { header: "项目", width: 40, value: (r) => r.project.title },
      { header: "申报年度", width: 10, value: (r) => r.project.year.year },
      { header: "单位", width: 18, value: (r) => r.project.unit.name },
      { header: "状态", width: 10, value: (r) => STATE_LABELS[r.project.state] },
      { header: "联系人", width: 10, value: (r) => r.project.liaison?.name ?? "" },
      ...([1, 2, 3, 4] as const).map((q) => ({
        header: QUARTER_LABELS[q],
        width: 12,
        value: (r: { cells: { quarter: number; status: keyof typeof CELL_LABELS }[] }) => CELL_LABELS[r.cells[q - 1].status],
      })),
      { header: "滞后节点数", width: 10, value: (r) => r.lagging },
    ],
  });
}
