import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import type { z } from "@/lib/validation";
import type { unitFilterSchema } from "@/lib/units/schemas";
import { UNIT_ORDER, unitWhere } from "@/lib/units/queries";
import { UNIT_TYPE_LABELS } from "@/lib/units/tree";
import { afterCursor, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The unit list as filtered, in the columns the unit import reads back (编码, 名称, 类型, 上级单位, 排序). */
export async function unitsExport(viewer: CurrentUser, filter: z.infer<typeof unitFilterSchema>) {
  const where = unitWhere(viewer, filter);
  const total = await db.unit.count({ where });
  const batches = inBatches((cursor, take) =>
    db.unit.findMany({ where, orderBy: UNIT_ORDER, ...afterCursor(cursor, take), include: { parent: { select: { code: true, name: true } } } }),
  );
  const title = "单位名录";
  return listExport({
    title,
    total,
    batches,
    columns: [
      { header: "编码", width: 12, value: (u) => u.code },
      { header: "名称", width: 28, value: (u) => u.name },
      { header: "类型", width: 10, value: (u) => UNIT_TYPE_LABELS[u.type] },
      { header: "上级单位", width: 24, value: (u) => u.parent?.name ?? "" },
      { header: "上级编码", width: 12, value: (u) => u.parent?.code ?? "" },
      { header: "排序", width: 8, value: (u) => u.sortOrder },
      { header: "状态", width: 8, value: (u) => (u.active ? "在用" : "停用") },
    ],
  });
}
