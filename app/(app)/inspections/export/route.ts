import { INSPECTION_MACHINE, inspectionState } from "@/lib/inspections/states";
import { routeUser } from "@/lib/http";
import { listInspections } from "@/lib/inspections/queries";
import { QUARTER_LABELS, quarterOf, type Quarter } from "@/lib/reports/quarters";
import { auditExport } from "@/lib/exports/audit";
import { DATE_TIME, excelDate, listExport, oneBatch, queryOf } from "@/lib/exports/xlsx-stream";
import { z } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";

/** The year's inspections as the list shows them to this reader (a unit: the published ones concerning it). */
export async function GET(request: Request) {
  const user = await routeUser("inspections.view");
  if (user instanceof Response) return user;
  const asked = z.coerce.number().int().optional().catch(undefined).parse(queryOf(request).year);
  const { year } = await yearChoice(asked ?? quarterOf(new Date()).year);
  const y = year?.year ?? quarterOf(new Date()).year;
  const inspections = await listInspections(user, y);
  const { total, response } = listExport({
    title: `${y}年度季度督查`,
    sheetName: "季度督查",
    total: inspections.length,
    batches: oneBatch(inspections),
    columns: [
      { header: "季度", width: 10, value: (i) => QUARTER_LABELS[i.quarter as Quarter] },
      { header: "督查专题", width: 40, value: (i) => i.theme },
      { header: "督查项目数", width: 10, value: (i) => i._count.items },
      { header: "状态", width: 8, value: (i) => INSPECTION_MACHINE.label(inspectionState(i)) },
      { header: "发布时间", width: 18, value: (i) => excelDate(i.publishedAt), numFmt: DATE_TIME },
    ],
  });
  await auditExport(user, `${y}年度季度督查`, total);
  return response;
}
