import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { activeReviewers } from "@/lib/hearings/queries";
import { newCampaignValues } from "@/lib/awards/form-values";
import { yearWithCampaign } from "@/lib/awards/queries";
import { z } from "@/lib/validation";
import { Card, PageHeader } from "@/components/ui/page";
import { CampaignForm } from "@/components/awards/campaign-form";

export const metadata: Metadata = { title: "开启评比表彰" };

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("awards.manage");
  const year = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .safeParse((await searchParams).year);
  if (!year.success) notFound();
  const [exists, reviewers] = await Promise.all([yearWithCampaign(year.data), activeReviewers()]);
  if (!exists || exists.campaign) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={`开启${year.data}年度评比表彰`} description="设置推荐时间和名额、奖项、评委与评分标准、排名公式和公示期；开启后各单位收到推荐通知" />
      <Card className="max-w-4xl">
        <CampaignForm
          initial={newCampaignValues(year.data, [], exists.windows[0])}
          reviewers={reviewers.map((r) => ({ id: r.id, label: `${r.name}（${r.unit.name}）` }))}
        />
      </Card>
    </div>
  );
}
