import { routeUser } from "@/lib/http";
import { eventFilterSchema } from "@/lib/events/schemas";
import { eventsExport } from "@/lib/events/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("events.view");
  if (user instanceof Response) return user;
  const { total, response } = await eventsExport(user, eventFilterSchema.parse(queryOf(request)));
  await auditExport(user, "现场会与交流活动", total);
  return response;
}
