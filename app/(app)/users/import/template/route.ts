import { routeUser, xlsxResponse } from "@/lib/http";
import { exampleTownship } from "@/lib/units/queries";
import { userImportTemplate } from "@/lib/users/import";

export async function GET() {
  const user = await routeUser("users.manage");
  if (user instanceof Response) return user;
  const unit = await exampleTownship();
  return xlsxResponse(await userImportTemplate(unit ? { unit: unit.name } : null), "账户导入模板.xlsx");
}
