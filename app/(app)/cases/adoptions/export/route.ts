import { routeUser } from "@/lib/http";
import { adoptionFilterSchema } from "@/lib/promotion/schemas";
import { adoptionsExport } from "@/lib/promotion/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("cases.view");
  if (user instanceof Response) return user;
  const { total, response } = await adoptionsExport(user, adoptionFilterSchema.parse(queryOf(request)));
  await auditExport(user, "借鉴推广记录", total);
  return response;
}
