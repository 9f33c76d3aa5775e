import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listCampaigns } from "@/lib/awards/queries";
import { CAMPAIGN_MACHINE } from "@/lib/awards/states";
import { campaignPhase, PHASE_LABELS } from "@/lib/awards/phase";
import { formatDateTime } from "@/lib/time";
import { listYears } from "@/lib/years/queries";
import { Badge, DataTable, EmptyRow, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "评比表彰" };

export default async function AwardsPage() {
  const user = await requirePermission("awards.view");
  const [campaigns, years] = await Promise.all([listCampaigns(), can(user.roles, "awards.manage") ? listYears() : []]);
  const now = new Date();
  const open = years.filter((y) => !campaigns.some((c) => c.yearId === y.id));
  return (
    <div className="space-y-4">
      <PageHeader
        title="评比表彰"
        description="每年年底在部机关和全县党务干部两个层面评比表彰创新性工作和创新性人才：单位推荐、评委评分、综合排名、公示、印发表彰决定"
        actions={
          open.length > 0 && (
            <Link href={`/awards/new?year=${open[0].year}`} className={buttonClass()}>
              开启评比表彰
            </Link>
          )
        }
      />
      <DataTable headers={["年度", "名称", "阶段", "推荐截止", "推荐数"]}>
        {campaigns.length === 0 && <EmptyRow colSpan={5}>尚未开启评比表彰</EmptyRow>}
        {campaigns.map((c) => {
          const phase = campaignPhase(c, now);
          return (
            <tr key={c.id}>
              <td>{c.year.year}</td>
              <td>
                <Link href={`/awards/${c.id}`} className="link">
                  {c.title}
                </Link>
              </td>
              <td>
                <Badge tone={CAMPAIGN_MACHINE.tone(phase)}>{PHASE_LABELS[phase]}</Badge>
              </td>
              <td className="whitespace-nowrap">{formatDateTime(c.nominationEndsAt)}</td>
              <td className="text-center">{c._count.nominations}</td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
