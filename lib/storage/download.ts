// One stored file as a download, for the attachment routes (projects, events' materials, the ledger's evidence).
// The route has already checked who asks and found the row in the caller's scope; a row it did not find is a
// refusal (audited, rate-limited), whatever the reason: another unit's file and a forged id look the same.
import "server-only";
import { Readable } from "node:stream";
import { auditRefusal } from "@/lib/audit/refusals";
import { requestMeta } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-store";
import { fileStore } from "@/lib/storage";

type StoredFile = { storageKey: string; fileName: string; size: number };

export async function attachmentDownload(
  user: Pick<CurrentUser, "id" | "username" | "name">,
  attachment: StoredFile | null,
  refusal: { summary: string; entityType: string; entityId?: string },
): Promise<Response> {
  // Streamed from the store (disk or S3) straight into the response: the file never sits whole in memory.
  const content = attachment ? await fileStore().open(attachment.storageKey) : null;
  if (!attachment || !content) {
    if (!attachment) {
      const { ip } = await requestMeta();
      await auditRefusal({ actor: { id: user.id, username: user.username, name: user.name }, ip, ...refusal });
    }
    return new Response("附件不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(Readable.toWeb(content) as ReadableStream<Uint8Array>, {
    headers: {
      // Always a download, never rendered in the page.
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      // The row's size, written at upload from the same bytes: known before the first byte is read.
      "content-length": String(attachment.size),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
