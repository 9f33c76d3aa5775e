import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/rules";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { PROJECT_ORDER, projectWhere } from "@/lib/projects/queries";
import type { ProjectFilter } from "@/lib/projects/schemas";
import { sectorLabels } from "@/lib/sectors/label";
import { afterCursor, DATE_TIME, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The project list as filtered and sorted on screen, scoped like the list (a unit: its own), streamed. */
export async function projectsExport(viewer: Pick<CurrentUser, "id" | "roles" | "unitId">, filter: ProjectFilter & { yearId: string | null }, title: string) {
  const where = projectWhere(viewer, filter);
  const total = await db.project.count({ where });
  const batches = inBatches((cursor, take) =>
    db.project.findMany({
      where,
      orderBy: PROJECT_ORDER[filter.sort ?? "updated"],
      ...afterCursor(cursor, take),
      select: {
        id: true,
        title: true,
        state: true,
        category: true,
        focus: true,
        tier: true,
        leaderName: true,
        leaderContact: true,
        submittedAt: true,
        startedAt: true,
        endedAt: true,
        updatedAt: true,
        year: { select: { year: true } },
        unit: { select: { name: true } },
        liaison: { select: { name: true } },
        topic: { select: { code: true } },
        programme: { select: { title: true } },
        sectors: { select: { sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
      },
    }),
  );
  return listExport({
    title,
    sheetName: "创新项目",
    total,
    batches,
    columns: [
      { header: "年度", width: 8, value: (p) => p.year.year },
      { header: "项目名称", width: 40, value: (p) => p.title },
      { header: "申报单位", width: 20, value: (p) => p.unit.name },
      { header: "状态", width: 10, value: (p) => STATE_LABELS[p.state] },
      { header: "类别", width: 12, value: (p) => (p.category ? CATEGORY_LABELS[p.category] : "") },
      { header: "着眼领域", width: 10, value: (p) => (p.focus ? FOCUS_LABELS[p.focus] : "") },
      { header: "目标层次", width: 16, value: (p) => (p.tier ? TIER_LABELS[p.tier] : "") },
      { header: "党组织领域", width: 20, value: (p) => sectorLabels(p.sectors) },
      { header: "所属工程", width: 16, value: (p) => p.programme?.title ?? "" },
      { header: "选题编号", width: 14, value: (p) => p.topic?.code ?? "" },
      { header: "责任领导", width: 12, value: (p) => p.leaderName ?? "" },
      { header: "联系方式", width: 16, value: (p) => p.leaderContact ?? "" },
      { header: "联系人", width: 10, value: (p) => p.liaison?.name ?? "" },
      { header: "提交时间", width: 18, value: (p) => excelDate(p.submittedAt), numFmt: DATE_TIME },
      { header: "开始实施", width: 18, value: (p) => excelDate(p.startedAt), numFmt: DATE_TIME },
      { header: "结束时间", width: 18, value: (p) => excelDate(p.endedAt), numFmt: DATE_TIME },
      { header: "最后更新", width: 18, value: (p) => excelDate(p.updatedAt), numFmt: DATE_TIME },
    ],
  });
}
