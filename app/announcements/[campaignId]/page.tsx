import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { announcedList } from "@/lib/awards/queries";
import { campaignPhase } from "@/lib/awards/phase";
import { announcementTitle, awardeeName, lastDayOf } from "@/lib/awards/documents";
import { countyName } from "@/lib/topics/queries";
import { createChallenge } from "@/lib/security/challenge";
import { officialDate } from "@/lib/time";
import { idSchema } from "@/lib/validation";
import { OfficialDocument } from "@/components/documents/official-document";
import { AwardList } from "@/components/awards/award-list";
import { ObjectionForm } from "@/components/awards/objection-form";
import { Card } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";

export const metadata: Metadata = { title: "拟表彰对象公示" };
export const dynamic = "force-dynamic";

export default async function AnnouncementPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const id = idSchema.safeParse((await params).campaignId);
  if (!id.success) notFound();
  const campaign = await announcedList(id.data);
  if (!campaign || !campaign.announcedAt || !campaign.announcementEndsAt) notFound();
  const county = await countyName();
  const year = campaign.year.year;
  const title = announcementTitle(year);
  const running = campaignPhase(campaign, new Date()) === "ANNOUNCED";
  return (
    <div className="space-y-6">
      <OfficialDocument county={county} title={title} label={title} date={campaign.announcedAt}>
        <p className="official-body">
          根据{year}年度组织工作改革创新评比表彰工作安排，经单位推荐、评委评审、综合排序和部务会研究，拟对以下{campaign.nominations.length}
          个先进集体和先进个人予以表彰，现予以公示。
        </p>
        <AwardList tiers={campaign.tiers} entries={campaign.nominations} />
        <p className="official-body mt-4">
          公示期为 {campaign.announcementDays} 个工作日，自{officialDate(campaign.announcedAt)}至{officialDate(lastDayOf(campaign.announcementEndsAt))}。
        </p>
        <p className="official-body">
          公示期间，对公示对象有异议的，可通过本页“提出异议”栏目反映，也可来信来访向县委组织部反映。反映问题应实事求是、具体明确，并留下联系人和联系电话，以便调查核实和答复。
        </p>
      </OfficialDocument>
      <div className="mx-auto max-w-[210mm] print:hidden">
        {running ? (
          <Card title="提出异议">
            <ObjectionForm
              campaignId={campaign.id}
              entries={campaign.nominations.map((entry) => ({ id: entry.id, label: awardeeName(entry) }))}
              challenge={createChallenge(process.env.NEXTAUTH_SECRET ?? "")}
            />
          </Card>
        ) : (
          <Notice>公示期已满，不再受理异议。</Notice>
        )}
      </div>
    </div>
  );
}
