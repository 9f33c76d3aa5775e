import { routeUser } from "@/lib/http";
import { meetingFilterSchema } from "@/lib/township-meetings/schemas";
import { meetingsExport } from "@/lib/township-meetings/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("meetings.view");
  if (user instanceof Response) return user;
  const { total, response } = await meetingsExport(meetingFilterSchema.parse(queryOf(request)));
  await auditExport(user, "乡镇组织委员例会", total);
  return response;
}
