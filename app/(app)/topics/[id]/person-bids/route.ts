import { routeUser, xlsxResponse } from "@/lib/http";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { auditDenied, requestMeta } from "@/lib/auth/current-user";
import { writeAudit } from "@/lib/audit/log";
import { personBidsWorkbook } from "@/lib/topics/export";
import { idSchema } from "@/lib/validation";

/** The person bids of a topic as Excel: county readers only (a unit never sees another's plan). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await routeUser("topics.view");
  if (user instanceof Response) return user;
  const { ip } = await requestMeta();
  if (!seesWholeCounty(user.roles)) {
    await auditDenied(user, "下载：个人投标", ip);
    return new Response("无权访问", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const id = idSchema.safeParse((await params).id);
  const workbook = id.success ? await personBidsWorkbook(id.data) : null;
  if (!workbook) return new Response("选题不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  await writeAudit({
    actor: { id: user.id, username: user.username, name: user.name },
    action: "person_bid.export",
    entityType: "Topic",
    entityId: id.data,
    summary: workbook.title,
    ip,
  });
  return xlsxResponse(workbook.content, `${workbook.title}.xlsx`);
}
