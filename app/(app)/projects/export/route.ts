import { routeUser } from "@/lib/http";
import { projectFilterSchema } from "@/lib/projects/schemas";
import { projectsExport } from "@/lib/projects/export";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("projects.view");
  if (user instanceof Response) return user;
  const filter = projectFilterSchema.parse(queryOf(request));
  const { year } = await yearChoice(filter.year);
  const title = `${year?.year ?? ""}年度${seesWholeCounty(user.roles) ? "" : user.unit.name}创新项目`;
  const { total, response } = await projectsExport(user, { ...filter, yearId: year?.id ?? null }, title);
  await auditExport(user, "创新项目", total);
  return response;
}
