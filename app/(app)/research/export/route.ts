import { routeUser } from "@/lib/http";
import { listFilterSchema } from "@/lib/research/schemas";
import { researchListExport } from "@/lib/research/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("research.view");
  if (user instanceof Response) return user;
  const filter = listFilterSchema.parse(queryOf(request));
  const { year } = await yearChoice(filter.year);
  if (!year) return new Response("尚未建立年度", { status: 404 });
  const { total, response } = await researchListExport(user, year, filter);
  await auditExport(user, "调查研究课题", total);
  return response;
}
