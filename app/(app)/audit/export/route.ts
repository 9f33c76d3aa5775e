import { routeUser, xlsxResponse } from "@/lib/http";
import { auditFilterSchema } from "@/lib/audit/queries";
import { auditWorkbook } from "@/lib/audit/export";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/time";

export async function GET(request: Request) {
  const user = await routeUser("audit.view");
  if (user instanceof Response) return user;
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const content = await auditWorkbook(filter);
  const { ip } = await requestMeta();
  await writeAudit({ actor: { id: user.id, username: user.username, name: user.name }, action: "audit.export", summary: JSON.stringify(filter), ip });
  return xlsxResponse(content, `审计日志-${formatDate(new Date())}.xlsx`);
}
