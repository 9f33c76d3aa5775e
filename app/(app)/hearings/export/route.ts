import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import { routeUser } from "@/lib/http";
import { listHearings } from "@/lib/hearings/queries";
import { HEARING_KIND_LABELS, HEARING_LEVEL_LABELS } from "@/lib/hearings/labels";
import { auditExport } from "@/lib/exports/audit";
import { DATE_TIME, excelDate, listExport, oneBatch, queryOf } from "@/lib/exports/xlsx-stream";
import { z } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";

/** The year's hearings as the list shows them. */
export async function GET(request: Request) {
  const user = await routeUser("hearings.view");
  if (user instanceof Response) return user;
  const asked = z.coerce.number().int().optional().catch(undefined).parse(queryOf(request).year);
  const { year } = await yearChoice(asked);
  if (!year) return new Response("尚未设置年度", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const hearings = await listHearings(year.id);
  const { total, response } = listExport({
    title: `${year.year}年度听证会`,
    sheetName: "听证会",
    total: hearings.length,
    batches: oneBatch(hearings),
    columns: [
      { header: "名称", width: 36, value: (h) => h.title },
      { header: "形式", width: 8, value: (h) => HEARING_KIND_LABELS[h.kind] },
      { header: "层级", width: 8, value: (h) => HEARING_LEVEL_LABELS[h.level] },
      { header: "时间", width: 18, value: (h) => excelDate(h.heldAt), numFmt: DATE_TIME },
      { header: "地点", width: 20, value: (h) => h.place },
      { header: "议程项目数", width: 10, value: (h) => h._count.items },
      { header: "评审专家数", width: 10, value: (h) => h._count.reviewers },
      { header: "状态", width: 10, value: (h) => HEARING_MACHINE.label(hearingState(h)) },
    ],
  });
  await auditExport(user, `${year.year}年度听证会`, total);
  return response;
}
