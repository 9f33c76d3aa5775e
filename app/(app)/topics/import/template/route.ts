import { db } from "@/lib/db/client";
import { routeUser, xlsxResponse } from "@/lib/http";
import { formatDate } from "@/lib/time";
import { topicImportTemplate } from "@/lib/topics/import";

export async function GET() {
  const user = await routeUser("topics.manage");
  if (user instanceof Response) return user;
  const unit = await db.unit.findFirst({ where: { active: true, type: "TOWNSHIP" }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { name: true } });
  const closes = formatDate(new Date(Date.now() + 60 * 24 * 3600 * 1000));
  return xlsxResponse(await topicImportTemplate({ unit: unit?.name ?? "", closes }), "参考选题导入模板.xlsx");
}
