import { routeUser } from "@/lib/http";
import { auditFilterSchema } from "@/lib/audit/queries";
import { seqRange, signedRange } from "@/lib/audit/chain";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/time";

/** A signed range of the audit log (JSON with an Ed25519 signature over its hashes), by business date. */
export async function GET(request: Request) {
  const user = await routeUser("audit.view");
  if (user instanceof Response) return user;
  const { from, to } = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const range = await seqRange(from, to);
  if (!range) return new Response("所选日期范围内没有审计记录", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const doc = await signedRange(process.env.NEXTAUTH_SECRET ?? "", range.fromSeq, range.toSeq);
  const { ip } = await requestMeta();
  await writeAudit({
    actor: { id: user.id, username: user.username, name: user.name },
    action: "audit.export",
    summary: `签名导出第 ${doc.fromSeq} 至 ${doc.toSeq} 条（${doc.count} 条）`,
    details: { from: from ?? null, to: to ?? null },
    ip,
  });
  const name = `审计日志签名导出-${from ?? "起"}-${to ?? formatDate(new Date())}.json`;
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
