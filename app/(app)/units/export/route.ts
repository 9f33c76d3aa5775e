import { routeUser } from "@/lib/http";
import { unitFilterSchema } from "@/lib/units/schemas";
import { unitsExport } from "@/lib/units/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("units.view");
  if (user instanceof Response) return user;
  const { total, response } = await unitsExport(user, unitFilterSchema.parse(queryOf(request)));
  await auditExport(user, "单位名录", total);
  return response;
}
