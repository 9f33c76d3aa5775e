import { routeUser } from "@/lib/http";
import { gridFilterSchema } from "@/lib/reports/schemas";
import { reportGridExport } from "@/lib/reports/export";
import { quarterOf } from "@/lib/reports/quarters";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("reports.view");
  if (user instanceof Response) return user;
  const filter = gridFilterSchema.parse(queryOf(request));
  const now = new Date();
  const { year } = await yearChoice(filter.year);
  const { total, response } = await reportGridExport(
    user,
    { year: year?.year ?? quarterOf(now).year, liaison: filter.liaison, lagging: filter.lagging, q: filter.q },
    now,
  );
  await auditExport(user, "季度报告报送情况", total);
  return response;
}
