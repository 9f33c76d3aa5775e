import { routeUser } from "@/lib/http";
import { suggestionFilterSchema } from "@/lib/suggestions/schemas";
import { suggestionsExport } from "@/lib/suggestions/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("suggestions.view");
  if (user instanceof Response) return user;
  const filter = suggestionFilterSchema.parse(queryOf(request));
  const { year } = await yearChoice(filter.year);
  const { total, response } = await suggestionsExport({ ...filter, yearId: year?.id ?? null }, `${year?.year ?? ""}年度建言献策`);
  await auditExport(user, "建言献策", total);
  return response;
}
