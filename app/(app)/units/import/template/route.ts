import { db } from "@/lib/db/client";
import { routeUser, xlsxResponse } from "@/lib/http";
import { importTemplate } from "@/lib/units/import";

export async function GET() {
  const user = await routeUser("units.manage");
  if (user instanceof Response) return user;
  const root = await db.unit.findFirst({ where: { parentId: null, active: true, type: "COUNTY" }, select: { name: true, code: true } });
  return xlsxResponse(await importTemplate(root), "单位导入模板.xlsx");
}
