import { routeUser } from "@/lib/http";
import { ledgerAttachmentForViewer } from "@/lib/ledger/queries";
import { attachmentDownload } from "@/lib/storage/download";
import { z, idSchema } from "@/lib/validation";

const paramsSchema = z.object({ id: idSchema, attachmentId: idSchema });

/** An evidence file, for those who may read the problem; always as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await routeUser("ledger.view");
  if (user instanceof Response) return user;
  const parsed = paramsSchema.safeParse(await params);
  const attachment = parsed.success ? await ledgerAttachmentForViewer(user, parsed.data.id, parsed.data.attachmentId) : null;
  return attachmentDownload(user, attachment, {
    summary: "记录不存在或无权访问：下载销号佐证",
    entityType: "LedgerAttachment",
    entityId: parsed.data?.attachmentId,
  });
}
