import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getCampaign, nominableCadres, nominableProjects, ownNominationCounts } from "@/lib/awards/queries";
import { ownUnit } from "@/lib/units/queries";
import { campaignPhase, levelOfUnit, LEVEL_LABELS } from "@/lib/awards/phase";
import { formatDateTime } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { NominationForm } from "@/components/awards/nomination-form";

export const metadata: Metadata = { title: "推荐" };

export default async function NominatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("awards.nominate");
  const campaign = await getCampaign((await params).id);
  if (!campaign) return notFoundAudited(user, { entityType: "Campaign", id: (await params).id });
  const [unit, projects, cadres, used] = await Promise.all([
    ownUnit(user.unitId),
    nominableProjects(user.unitId, campaign.yearId),
    nominableCadres(user.unitId),
    ownNominationCounts(campaign.id, user.unitId),
  ]);
  const left = { WORK: Math.max(0, campaign.workQuotaPerUnit - used.WORK), PERSON: Math.max(0, campaign.personQuotaPerUnit - used.PERSON) };
  const level = levelOfUnit(unit.type);
  const open = campaignPhase(campaign, new Date()) === "NOMINATING";
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${campaign.title}：推荐`}
        description={level ? `${unit.name}的推荐列入“${LEVEL_LABELS[level]}”层面评比。推荐截止：${formatDateTime(campaign.nominationEndsAt)}` : undefined}
      />
      <Card className="max-w-3xl">
        {!open ? (
          <Notice tone="warning">
            现在不在推荐时间内（{formatDateTime(campaign.nominationStartsAt)} 至 {formatDateTime(campaign.nominationEndsAt)}）。
          </Notice>
        ) : !level ? (
          <Notice tone="warning">只有乡镇、县直部门和部内科室可以推荐。</Notice>
        ) : left.WORK + left.PERSON === 0 ? (
          <Notice tone="info">
            本单位的推荐名额已用完。可以在
            <Link href={`/awards/${campaign.id}`} className="link">
              评比页面
            </Link>
            撤回后重新推荐。
          </Notice>
        ) : (
          <NominationForm campaignId={campaign.id} projects={projects} cadres={cadres} left={left} />
        )}
      </Card>
    </div>
  );
}
