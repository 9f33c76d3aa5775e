import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { decidedAwards } from "@/lib/awards/queries";
import { awardDecisionDocument } from "@/lib/documents/award-decision";
import { countyName } from "@/lib/topics/queries";
import { idSchema } from "@/lib/validation";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "表彰决定" };

// The decision is the public outcome: every reader of awards sees all of it; only decided campaigns have one.
export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("awards.view");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const campaign = await decidedAwards(id.data);
  if (!campaign?.decidedAt) return notFoundAudited(user, { entityType: "Campaign", id: id.data });
  const county = await countyName();
  const doc = awardDecisionDocument(county, campaign);
  const own = seesWholeCounty(user.roles) ? [] : campaign.nominations.filter((n) => n.unitId === user.unitId);
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <DocumentDownloads type="award-decision" id={campaign.id} />
        <a href={`/awards/${campaign.id}/export`} className={buttonClass("secondary")}>
          下载 Excel 名单
        </a>
        {seesWholeCounty(user.roles) && (
          <Link href={`/awards/${campaign.id}/certificates`} className={buttonClass("secondary")}>
            荣誉证书
          </Link>
        )}
        {own.map((n) => (
          <Link key={n.id} href={`/awards/${campaign.id}/certificates/${n.id}`} className={buttonClass("secondary")}>
            本单位证书：{n.project?.title ?? n.personName}
          </Link>
        ))}
        <Link href={`/awards/${campaign.id}`} className={buttonClass("secondary")}>
          返回评比表彰
        </Link>
      </div>
      <DocumentView doc={doc} />
    </div>
  );
}
