import "server-only";
import { db } from "@/lib/db/client";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { MARK_LABELS } from "@/lib/promotion/labels";
import { awardedNomination } from "@/lib/promotion/library";
import type { CurrentUser } from "@/lib/auth/session-store";
import { adoptionWhere, caseWhere } from "@/lib/promotion/queries";
import type { AdoptionFilter, CaseFilter } from "@/lib/promotion/schemas";
import { sectorLabels } from "@/lib/sectors/label";
import { afterCursor, DATE, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The case library as filtered on screen: what the problem was, what was done, whom to ask. */
export async function casesExport(filter: CaseFilter) {
  const where = caseWhere(filter);
  const total = await db.project.count({ where });
  const batches = inBatches((cursor, take) =>
    db.project.findMany({
      where,
      orderBy: [{ year: { year: "desc" } }, { updatedAt: "desc" }, { id: "desc" }],
      ...afterCursor(cursor, take),
      select: {
        id: true,
        title: true,
        category: true,
        problem: true,
        measures: true,
        finalSummary: true,
        leaderName: true,
        leaderContact: true,
        year: { select: { year: true } },
        unit: { select: { name: true } },
        sectors: { select: { sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
        marks: { where: { revokedAt: null }, select: { mark: true } },
        nominations: { where: awardedNomination, select: { tier: { select: { name: true } }, campaign: { select: { title: true } } } },
        _count: { select: { adoptions: true } },
      },
    }),
  );
  const title = "案例库";
  return listExport({
    title,
    total,
    batches,
    columns: [
      { header: "年度", width: 8, value: (p) => p.year.year },
      { header: "项目名称", width: 36, value: (p) => p.title },
      { header: "单位", width: 18, value: (p) => p.unit.name },
      { header: "党组织领域", width: 20, value: (p) => sectorLabels(p.sectors) },
      { header: "类别", width: 12, value: (p) => (p.category ? CATEGORY_LABELS[p.category] : "") },
      { header: "认定", width: 14, value: (p) => p.marks.map((m) => MARK_LABELS[m.mark]).join("、") },
      { header: "表彰", width: 30, value: (p) => p.nominations.map((n) => `${n.campaign.title}${n.tier?.name ?? ""}`).join("；") },
      { header: "解决的问题", width: 50, value: (p) => p.problem ?? "" },
      { header: "主要做法", width: 60, value: (p) => p.measures ?? "" },
      { header: "成效", width: 50, value: (p) => p.finalSummary ?? "" },
      { header: "责任领导", width: 12, value: (p) => p.leaderName ?? "" },
      { header: "联系方式", width: 16, value: (p) => p.leaderContact ?? "" },
      { header: "借鉴单位数", width: 10, value: (p) => p._count.adoptions },
    ],
  });
}

/** Adoptions as listed: a unit its own, county readers every unit's (or one unit's). */
export async function adoptionsExport(viewer: Pick<CurrentUser, "roles" | "unitId">, filter: AdoptionFilter) {
  const where = adoptionWhere(viewer, filter);
  const total = await db.adoption.count({ where });
  const batches = inBatches((cursor, take) =>
    db.adoption.findMany({
      where,
      orderBy: [{ adoptedOn: "desc" }, { id: "desc" }],
      ...afterCursor(cursor, take),
      include: {
        unit: { select: { name: true } },
        sourceProject: { select: { title: true, unit: { select: { name: true } } } },
        event: { select: { title: true } },
      },
    }),
  );
  const title = "借鉴推广记录";
  return listExport({
    title,
    total,
    batches,
    columns: [
      { header: "借鉴单位", width: 18, value: (a) => a.unit.name },
      { header: "借鉴日期", width: 12, value: (a) => excelDate(a.adoptedOn), numFmt: DATE },
      { header: "借鉴的做法", width: 36, value: (a) => a.sourceProject?.title ?? a.sourceName ?? "" },
      { header: "来源", width: 20, value: (a) => a.sourceProject?.unit.name ?? a.sourcePlace ?? "" },
      { header: "怎么做的", width: 50, value: (a) => a.how },
      { header: "成效", width: 50, value: (a) => a.result },
      { header: "促成活动", width: 30, value: (a) => a.event?.title ?? "" },
    ],
  });
}
