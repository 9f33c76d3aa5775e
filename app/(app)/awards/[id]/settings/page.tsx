import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { activeReviewers } from "@/lib/hearings/queries";
import { getCampaign, submittedJuryScoreCount } from "@/lib/awards/queries";
import { storedCampaignValues } from "@/lib/awards/form-values";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { CampaignForm } from "@/components/awards/campaign-form";

export const metadata: Metadata = { title: "评比表彰设置" };

export default async function CampaignSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("awards.manage");
  const campaign = await getCampaign((await params).id);
  if (!campaign) return notFoundAudited(user, { entityType: "Campaign", id: (await params).id });
  const [reviewers, scored] = await Promise.all([activeReviewers(), submittedJuryScoreCount(campaign.id)]);
  return (
    <div className="space-y-4">
      <PageHeader title={`${campaign.title}：设置`} />
      <Card className="max-w-4xl">
        {campaign.status !== "OPEN" ? (
          <Notice tone="warning">名单已公示，设置不能再改。</Notice>
        ) : (
          <>
            {campaign.rankedAt && <Notice tone="warning">已生成拟表彰名单。修改奖项或名额后须重新生成名单。</Notice>}
            <CampaignForm
              initial={storedCampaignValues(campaign)}
              reviewers={reviewers.map((r) => ({ id: r.id, label: `${r.name}（${r.unit.name}）` }))}
              existing={{ id: campaign.id, version: campaign.version, scored: scored > 0 }}
            />
          </>
        )}
      </Card>
    </div>
  );
}
