import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { auditDenied, requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { decidedAwards } from "@/lib/awards/queries";
import { awardeeName, groupByTier } from "@/lib/awards/documents";
import { countyName } from "@/lib/topics/queries";
import { idSchema } from "@/lib/validation";
import { Certificate } from "@/components/awards/certificate";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads } from "@/components/documents/document-view";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "荣誉证书" };

/** Every certificate of a decided campaign, one per sheet, for the department to print at once (county readers only). */
export default async function CertificatesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("awards.view");
  if (!seesWholeCounty(user.roles)) {
    await auditDenied(user, "页面：全部荣誉证书");
    forbidden();
  }
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const campaign = await decidedAwards(id.data);
  if (!campaign?.decidedAt) return notFoundAudited(user, { entityType: "Campaign", id: id.data });
  const county = await countyName();
  const tierName = new Map(campaign.tiers.map((t) => [t.id, t.name]));
  // The decision's order: category, level, tier, score.
  const ordered = groupByTier(campaign.tiers, campaign.nominations).flatMap((g) => g.levels.flatMap((l) => l.tiers.flatMap((t) => t.entries)));
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-2 print:hidden">
        <PrintButton label={`打印全部证书（${ordered.length} 张）`} />
        <DocumentDownloads type="certificates" id={campaign.id} />
        <Link href={`/awards/${campaign.id}/decision`} className={buttonClass("secondary")}>
          查看表彰决定
        </Link>
      </div>
      {ordered.map((entry) => (
        <div key={entry.id}>
          <p className="mx-auto mb-1 max-w-[297mm] text-sm print:hidden">
            <Link href={`/awards/${campaign.id}/certificates/${entry.id}`} className="link">
              单独打印：{awardeeName(entry)}
            </Link>
          </p>
          <Certificate
            entry={entry}
            tierName={tierName.get(entry.tierId!)!}
            year={campaign.year.year}
            county={county}
            date={campaign.decidedAt!}
            label={`荣誉证书：${awardeeName(entry)}`}
          />
        </div>
      ))}
    </div>
  );
}
