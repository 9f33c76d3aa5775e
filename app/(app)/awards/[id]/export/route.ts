import { routeUser, xlsxResponse } from "@/lib/http";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { exportAwards } from "@/lib/awards/queries";
import { awardListTitle, awardsWorkbook } from "@/lib/awards/export";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta } from "@/lib/auth/current-user";
import { idSchema } from "@/lib/validation";

const notFound = () => new Response("名单不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The decided list for every reader; a list not yet decided only for county readers (see exportAwards). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await routeUser("awards.view");
  if (user instanceof Response) return user;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return notFound();
  const campaign = await exportAwards(user, id.data);
  if (!campaign) return notFoundAudited(user, { entityType: "Campaign", id: id.data });
  const title = awardListTitle(campaign);
  const content = await awardsWorkbook(campaign);
  const { ip } = await requestMeta();
  await writeAudit({
    actor: { id: user.id, username: user.username, name: user.name },
    action: "campaign.export",
    entityType: "Campaign",
    entityId: campaign.id,
    summary: `${title}，${campaign.nominations.length} 项`,
    ip,
  });
  return xlsxResponse(content, `${title}.xlsx`);
}
