import { routeUser } from "@/lib/http";
import { caseFilterSchema } from "@/lib/promotion/schemas";
import { casesExport } from "@/lib/promotion/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("cases.view");
  if (user instanceof Response) return user;
  const { total, response } = await casesExport(caseFilterSchema.parse(queryOf(request)));
  await auditExport(user, "案例库", total);
  return response;
}
