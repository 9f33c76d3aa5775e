import { routeUser } from "@/lib/http";
import { userFilterSchema } from "@/lib/users/schemas";
import { usersExport } from "@/lib/users/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("users.manage");
  if (user instanceof Response) return user;
  const { total, response } = await usersExport(userFilterSchema.parse(queryOf(request)));
  await auditExport(user, "账户名单", total);
  return response;
}
