import { routeUser } from "@/lib/http";
import { practiceAttachmentForViewer } from "@/lib/practice/queries";
import { attachmentDownload } from "@/lib/storage/download";
import { z, idSchema } from "@/lib/validation";

const paramsSchema = z.object({ id: idSchema, attachmentId: idSchema });

/** A file of a 四个一 item, for those who may read the item (its page's scope); always as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await routeUser("practice.view");
  if (user instanceof Response) return user;
  const parsed = paramsSchema.safeParse(await params);
  const attachment = parsed.success ? await practiceAttachmentForViewer(user, parsed.data.id, parsed.data.attachmentId) : null;
  return attachmentDownload(user, attachment, {
    summary: "记录不存在或无权访问：下载四个一附件",
    entityType: "PracticeAttachment",
    entityId: parsed.data?.attachmentId,
  });
}
