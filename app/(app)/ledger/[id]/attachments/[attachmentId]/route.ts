import { Readable } from "node:stream";
import { routeUser } from "@/lib/http";
import { ledgerAttachmentForViewer } from "@/lib/ledger/queries";
import { fileStore } from "@/lib/storage";
import { z, idSchema } from "@/lib/validation";
import { auditRefusal } from "@/lib/audit/refusals";
import { requestMeta } from "@/lib/auth/current-user";

const paramsSchema = z.object({ id: idSchema, attachmentId: idSchema });

/** An evidence file, for those who may read the problem; always as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await routeUser("ledger.view");
  if (user instanceof Response) return user;
  const parsed = paramsSchema.safeParse(await params);
  const attachment = parsed.success ? await ledgerAttachmentForViewer(user, parsed.data.id, parsed.data.attachmentId) : null;
  const content = attachment ? await fileStore().open(attachment.storageKey) : null;
  if (!attachment || !content) {
    if (!attachment) {
      const { ip } = await requestMeta();
      const actor = { id: user.id, username: user.username, name: user.name };
      await auditRefusal({ actor, ip, summary: "记录不存在或无权访问：下载销号佐证", entityType: "LedgerAttachment", entityId: parsed.data?.attachmentId });
    }
    return new Response("附件不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(Readable.toWeb(content) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "content-length": String(attachment.size),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
