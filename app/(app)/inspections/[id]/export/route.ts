import ExcelJS from "exceljs";
import { routeUser, xlsxResponse } from "@/lib/http";
import { getInspection } from "@/lib/inspections/queries";
import { FINDING_LABELS, RECTIFICATION_LABELS } from "@/lib/inspections/labels";
import { QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import { z, idSchema } from "@/lib/validation";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await routeUser("inspections.view");
  if (user instanceof Response) return user;
  const parsed = z.object({ id: idSchema }).safeParse(await params);
  const inspection = parsed.success ? await getInspection(user, parsed.data.id) : null;
  if (!inspection) return new Response("督查不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const title = `${inspection.year}年${QUARTER_LABELS[inspection.quarter as Quarter]}“${inspection.theme}”督查情况`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("督查情况");
  sheet.columns = [{ width: 6 }, { width: 30 }, { width: 16 }, { width: 12 }, { width: 40 }, { width: 40 }, { width: 40 }];
  sheet.mergeCells(1, 1, 1, 7);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = ["序号", "项目", "单位", "督查结论", "存在问题", "意见建议", "整改事项"];
  sheet.getRow(2).font = { bold: true };
  inspection.items.forEach((item, index) => {
    sheet.addRow([
      index + 1,
      item.project.title,
      item.project.unit.name,
      item.finding ? FINDING_LABELS[item.finding] : "",
      item.problems ?? "",
      item.recommendations ?? "",
      item.rectifications.map((r) => `${r.content}（${RECTIFICATION_LABELS[r.status]}）`).join("\n"),
    ]).alignment = { vertical: "top", wrapText: true };
  });
  return xlsxResponse(Buffer.from(await workbook.xlsx.writeBuffer()), `${title}.xlsx`);
}
