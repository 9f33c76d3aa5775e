import { routeUser } from "@/lib/http";
import { learningFilterSchema } from "@/lib/learning/schemas";
import { learningExport } from "@/lib/learning/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("learning.view");
  if (user instanceof Response) return user;
  const filter = learningFilterSchema.parse(queryOf(request));
  const { year } = await yearChoice(filter.year);
  if (!year) return new Response("没有年度", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { total, response } = await learningExport(user, { year: year.year, yearId: year.id, section: filter.section ?? undefined });
  await auditExport(user, "组工干部学习情况", total);
  return response;
}
