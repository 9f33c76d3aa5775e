import ExcelJS from "exceljs";
import { routeUser, xlsxResponse } from "@/lib/http";
import { getMeeting } from "@/lib/hearings/queries";
import { VERDICT_LABELS } from "@/lib/hearings/labels";
import { z, idSchema } from "@/lib/validation";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await routeUser("hearings.view");
  if (user instanceof Response) return user;
  const parsed = z.object({ id: idSchema }).safeParse(await params);
  const meeting = parsed.success ? await getMeeting(parsed.data.id) : null;
  if (!meeting) return new Response("部务会不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("审定结果");
  const title = `部务会（${meeting.number}）创新项目审定结果`;
  sheet.columns = [{ width: 6 }, { width: 36 }, { width: 18 }, { width: 12 }, { width: 50 }, { width: 18 }];
  sheet.mergeCells(1, 1, 1, 6);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = ["序号", "项目名称", "申报单位", "审定结果", "审定意见", "审定时间"];
  sheet.getRow(2).font = { bold: true };
  meeting.decisions.forEach((decision, index) => {
    const row = sheet.addRow([
      index + 1,
      decision.project.title,
      decision.project.unit.name,
      VERDICT_LABELS[decision.verdict],
      decision.opinion,
      new Date(decision.decidedAt.getTime() + 8 * 3_600_000),
    ]);
    row.getCell(6).numFmt = "yyyy-mm-dd hh:mm";
  });
  return xlsxResponse(Buffer.from(await workbook.xlsx.writeBuffer()), `${title}.xlsx`);
}
