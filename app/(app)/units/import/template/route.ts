import { routeUser, xlsxResponse } from "@/lib/http";
import { rootUnit } from "@/lib/units/queries";
import { importTemplate } from "@/lib/units/import";

export async function GET() {
  const user = await routeUser("units.manage");
  if (user instanceof Response) return user;
  const root = await rootUnit();
  return xlsxResponse(await importTemplate(root), "单位导入模板.xlsx");
}
