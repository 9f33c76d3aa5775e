import { db } from "@/lib/db/client";
import { routeUser, xlsxResponse } from "@/lib/http";
import { userImportTemplate } from "@/lib/users/import";

export async function GET() {
  const user = await routeUser("users.manage");
  if (user instanceof Response) return user;
  const unit = await db.unit.findFirst({ where: { active: true, type: "TOWNSHIP" }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { name: true } });
  return xlsxResponse(await userImportTemplate(unit ? { unit: unit.name } : null), "账户导入模板.xlsx");
}
