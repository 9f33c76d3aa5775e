import { Readable } from "node:stream";
import { routeUser } from "@/lib/http";
import { can } from "@/lib/auth/permissions";
import { attachmentForViewer } from "@/lib/projects/queries";
import { attachmentForReviewer } from "@/lib/hearings/queries";
import { fileStore } from "@/lib/storage";
import { z, idSchema } from "@/lib/validation";
import { auditRefusal } from "@/lib/audit/refusals";
import { requestMeta } from "@/lib/auth/current-user";

const paramsSchema = z.object({ id: idSchema, attachmentId: idSchema });

/** Downloads only for those who may see the project; always as a download, never rendered in the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  // Reviewers read the attachments of the proposals assigned to them; everyone else by the project's scope.
  const user = await routeUser("home.view");
  if (user instanceof Response) return user;
  const parsed = paramsSchema.safeParse(await params);
  let attachment = null;
  if (parsed.success && can(user.roles, "projects.view")) attachment = await attachmentForViewer(user, parsed.data.id, parsed.data.attachmentId);
  if (parsed.success && !attachment && can(user.roles, "hearings.score"))
    attachment = await attachmentForReviewer(user.id, parsed.data.id, parsed.data.attachmentId);
  // Streamed from the store (disk or S3) straight into the response: the file never sits whole in memory.
  const content = attachment ? await fileStore().open(attachment.storageKey) : null;
  if (!attachment || !content) {
    // Another unit's attachment (or a forged id) is a refusal: audited, rate-limited.
    if (!attachment) {
      const { ip } = await requestMeta();
      const actor = { id: user.id, username: user.username, name: user.name };
      await auditRefusal({ actor, ip, summary: "记录不存在或无权访问：下载附件", entityType: "Attachment", entityId: parsed.data?.attachmentId });
    }
    return new Response("附件不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(Readable.toWeb(content) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      // The row's size, written at upload from the same bytes: known before the first byte is read.
      "content-length": String(attachment.size),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
