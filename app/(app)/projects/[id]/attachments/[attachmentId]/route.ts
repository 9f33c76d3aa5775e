import { routeUser } from "@/lib/http";
import { can } from "@/lib/auth/permissions";
import { attachmentForViewer } from "@/lib/projects/queries";
import { attachmentForReviewer } from "@/lib/hearings/queries";
import { attachmentDownload } from "@/lib/storage/download";
import { z, idSchema } from "@/lib/validation";

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
  // Another unit's attachment (or a forged id) is a refusal: audited, rate-limited.
  return attachmentDownload(user, attachment, { summary: "记录不存在或无权访问：下载附件", entityType: "Attachment", entityId: parsed.data?.attachmentId });
}
