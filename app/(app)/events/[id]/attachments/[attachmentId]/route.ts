import { routeUser } from "@/lib/http";
import { eventAttachmentForViewer } from "@/lib/events/queries";
import { attachmentDownload } from "@/lib/storage/download";
import { z, idSchema } from "@/lib/validation";

const paramsSchema = z.object({ id: idSchema, attachmentId: idSchema });

/** A material's file, for those who may read that material (county readers; the unit that wrote it). Always a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await routeUser("events.view");
  if (user instanceof Response) return user;
  const parsed = paramsSchema.safeParse(await params);
  const attachment = parsed.success ? await eventAttachmentForViewer(user, parsed.data.id, parsed.data.attachmentId) : null;
  return attachmentDownload(user, attachment, {
    summary: "记录不存在或无权访问：下载交流材料附件",
    entityType: "EventAttachment",
    entityId: parsed.data?.attachmentId,
  });
}
