import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { announcedList } from "@/lib/awards/queries";
import { campaignPhase } from "@/lib/awards/phase";
import { awardeeName } from "@/lib/awards/documents";
import { awardAnnouncementDocument } from "@/lib/documents/award-announcement";
import { countyName } from "@/lib/topics/queries";
import { createChallenge } from "@/lib/security/challenge";
import { idSchema } from "@/lib/validation";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";
import { PrintButton } from "@/components/ui/print-button";
import { ObjectionForm } from "@/components/awards/objection-form";
import { Card } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";

export const metadata: Metadata = { title: "拟表彰对象公示" };
export const dynamic = "force-dynamic";

export default async function AnnouncementPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const id = idSchema.safeParse((await params).campaignId);
  if (!id.success) notFound();
  const campaign = await announcedList(id.data);
  if (!campaign?.announcedAt || !campaign.announcementEndsAt) notFound();
  const county = await countyName();
  const running = campaignPhase(campaign, new Date()) === "ANNOUNCED";
  return (
    <div className="space-y-6">
      <div className="mx-auto flex max-w-[210mm] flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <DocumentDownloads type="award-announcement" id={campaign.id} />
      </div>
      <DocumentView
        doc={awardAnnouncementDocument(county, { ...campaign, announcedAt: campaign.announcedAt, announcementEndsAt: campaign.announcementEndsAt })}
      />
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
