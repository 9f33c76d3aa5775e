import { routeUser } from "@/lib/http";
import { gridFilterSchema } from "@/lib/practice/schemas";
import { practiceGridExport } from "@/lib/practice/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("practice.view");
  if (user instanceof Response) return user;
  const filter = gridFilterSchema.parse(queryOf(request));
  const now = new Date();
  const { year } = await yearChoice(filter.year);
  const { total, response } = await practiceGridExport(
    user,
    { year: year?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear(), section: filter.section },
    now,
  );
  await auditExport(user, "四个一完成情况", total);
  return response;
}
