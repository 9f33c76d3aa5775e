import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatRate } from "@/lib/research/rules";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import type { ListFilter } from "@/lib/research/schemas";
import { listWhere, researchExportRows, type ResearchRow } from "@/lib/research/queries";
import { DATE, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The year's research topics as filtered on screen, one row per topic with its proposals' markings and 采纳率. */
export async function researchListExport(viewer: { id: string; roles: readonly Role[] }, year: { id: string; year: number }, filter: ListFilter) {
  const total = await db.researchTopic.count({ where: listWhere(viewer, year.id, filter) });
  const batches = inBatches((cursor, take) => researchExportRows(viewer, year.id, filter, cursor, take));
  return listExport<ResearchRow>({
    title: `${year.year}年度调查研究课题`,
    sheetName: "调查研究课题",
    total,
    batches,
    columns: [
      { header: "课题名称", width: 36, value: (r) => r.title },
      { header: "调研领域", width: 18, value: (r) => r.area.name },
      { header: "牵头人", width: 10, value: (r) => r.lead.name },
      { header: "科室", width: 14, value: (r) => r.section.name },
      { header: "课题组成员", width: 24, value: (r) => r.members.map((m) => m.user.name).join("、") },
      { header: "完成时限", width: 12, value: (r) => excelDate(r.dueAt), numFmt: DATE },
      { header: "状态", width: 10, value: (r) => RESEARCH_MACHINE.label(r.state) },
      { header: "建议数", width: 8, value: (r) => r.tally.proposals },
      { header: "采纳", width: 8, value: (r) => r.tally.adopted },
      { header: "部分采纳", width: 10, value: (r) => r.tally.partly },
      { header: "未采纳", width: 8, value: (r) => r.tally.notAdopted },
      { header: "待批示", width: 8, value: (r) => r.tally.unmarked },
      { header: "采纳率", width: 10, value: (r) => formatRate(r.rate) },
    ],
  });
}
