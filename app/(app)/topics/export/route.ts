import { routeUser, xlsxResponse } from "@/lib/http";
import { topicFilterSchema } from "@/lib/topics/schemas";
import { catalogueTitle, topicsWorkbook } from "@/lib/topics/export";
import { countyName } from "@/lib/topics/queries";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta } from "@/lib/auth/current-user";
import { yearChoice } from "@/lib/years/queries";

export async function GET(request: Request) {
  const user = await routeUser("topics.view");
  if (user instanceof Response) return user;
  const filter = topicFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { year } = await yearChoice(filter.year);
  if (!year) return new Response("尚未设置年度", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const title = catalogueTitle(await countyName(), year.year);
  const content = await topicsWorkbook(user, { ...filter, yearId: year.id }, title);
  const { ip } = await requestMeta();
  await writeAudit({ actor: { id: user.id, username: user.username, name: user.name }, action: "topic.export", summary: `${year.year}年度`, ip });
  return xlsxResponse(content, `${title}.xlsx`);
}
