import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { myPersonBids } from "@/lib/topics/person-queries";
import { PERSON_BID_STATUS_LABELS } from "@/lib/topics/person-rules";
import { PERSON_BID_MACHINE } from "@/lib/topics/states";
import { z } from "@/lib/validation";
import { formatDateTime } from "@/lib/time";
import { Badge, DataTable, EmptyRow, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "我的个人投标" };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10000).catch(1) });

/** The topics one bid for in one's own name and the ones won: a cadre's record of bidding. */
export default async function MyPersonBidsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("topics.bidPersonally");
  const { page } = pageSchema.parse(await searchParams);
  const data = await myPersonBids(user.id, page);
  return (
    <div>
      <PageHeader
        title="我的个人投标"
        description="以本人名义投标的选题和评定结果；中标的选题由本人牵头实施"
        actions={
          <Link href="/topics?mode=BIDDING" className={buttonClass("secondary")}>
            招投标选题
          </Link>
        }
      />
      <DataTable headers={["选题", "投标时间", "结果", "评定意见", "项目"]}>
        {data.bids.length === 0 && <EmptyRow colSpan={5}>还没有个人投标</EmptyRow>}
        {data.bids.map((bid) => (
          <tr key={bid.id}>
            <td>
              <Link href={`/topics/${bid.topic.id}`} className="link">
                {bid.topic.code} {bid.topic.title}
              </Link>
            </td>
            <td className="whitespace-nowrap">{formatDateTime(bid.createdAt)}</td>
            <td>
              <Badge tone={PERSON_BID_MACHINE.tone(bid.status)}>{PERSON_BID_STATUS_LABELS[bid.status]}</Badge>
            </td>
            <td className="whitespace-pre-wrap">{bid.decisionReason ?? ""}</td>
            <td>
              {bid.status === "AWARDED" && can(user.roles, "projects.view")
                ? bid.topic.projects.map((project) => (
                    <Link key={project.id} href={`/projects/${project.id}`} className="link">
                      本人牵头的项目
                    </Link>
                  ))
                : ""}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={data.total} page={data.page} pageSize={data.pageSize} params={{}} />
    </div>
  );
}
