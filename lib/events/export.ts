import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { eventWhere } from "@/lib/events/queries";
import type { EventFilter } from "@/lib/events/schemas";
import { EVENT_KIND_LABELS } from "@/lib/events/rules";
import { EVENT_MACHINE } from "@/lib/events/states";
import { afterCursor, DATE_TIME, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The events as filtered on screen (and scoped to the viewer), newest first. */
export async function eventsExport(viewer: Pick<CurrentUser, "roles" | "unitId">, filter: EventFilter) {
  const where = eventWhere(viewer, filter);
  const total = await db.event.count({ where });
  const batches = inBatches((cursor, take) =>
    db.event.findMany({
      where,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      ...afterCursor(cursor, take),
      include: {
        hostUnit: { select: { name: true } },
        projects: { orderBy: { sortOrder: "asc" }, select: { project: { select: { title: true } } } },
        _count: { select: { invitations: true, submissions: { where: { state: "SELECTED" } }, adoptions: true } },
        invitations: { where: { confirmedAt: { not: null } }, select: { id: true } },
      },
    }),
  );
  return listExport({
    title: filter.year ? `${filter.year}年现场会与交流活动` : "现场会与交流活动",
    sheetName: "活动",
    total,
    batches,
    columns: [
      { header: "召开时间", width: 18, value: (e) => excelDate(e.startsAt), numFmt: DATE_TIME },
      { header: "类型", width: 12, value: (e) => EVENT_KIND_LABELS[e.kind] },
      { header: "活动名称", width: 36, value: (e) => e.title },
      { header: "地点", width: 24, value: (e) => e.place },
      { header: "承办单位", width: 16, value: (e) => e.hostUnit.name },
      { header: "状态", width: 10, value: (e) => EVENT_MACHINE.label(e.state) },
      { header: "展示的项目", width: 50, value: (e) => e.projects.map((p) => p.project.title).join("\n") },
      { header: "邀请单位数", width: 10, value: (e) => e._count.invitations },
      { header: "确认参会单位数", width: 12, value: (e) => e.invitations.length },
      { header: "入选汇编材料数", width: 12, value: (e) => e._count.submissions },
      { header: "会后借鉴推广数", width: 12, value: (e) => e._count.adoptions },
    ],
  });
}
