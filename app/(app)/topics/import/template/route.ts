import { routeUser, xlsxResponse } from "@/lib/http";
import { exampleTownship } from "@/lib/units/queries";
import { formatDate } from "@/lib/time";
import { topicImportTemplate } from "@/lib/topics/import";

export async function GET() {
  const user = await routeUser("topics.manage");
  if (user instanceof Response) return user;
  const unit = await exampleTownship();
  const closes = formatDate(new Date(Date.now() + 60 * 24 * 3600 * 1000));
  return xlsxResponse(await topicImportTemplate({ unit: unit?.name ?? "", closes }), "参考选题导入模板.xlsx");
}
