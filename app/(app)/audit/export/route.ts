import { routeUser } from "@/lib/http";
import { auditFilterSchema } from "@/lib/audit/queries";
import { auditExportResponse } from "@/lib/audit/export";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/time";

export async function GET(request: Request) {
  const user = await routeUser("audit.view");
  if (user instanceof Response) return user;
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { total, response } = await auditExportResponse(filter, `审计日志-${formatDate(new Date())}.xlsx`);
  const { ip } = await requestMeta();
  await writeAudit({
    actor: { id: user.id, username: user.username, name: user.name },
    action: "audit.export",
    summary: `导出审计日志 ${total} 行：${JSON.stringify(filter)}`,
    ip,
  });
  return response;
}
