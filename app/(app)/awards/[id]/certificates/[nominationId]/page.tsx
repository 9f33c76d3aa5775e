import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { certificateOf } from "@/lib/awards/queries";
import { countyName } from "@/lib/topics/queries";
import { idSchema } from "@/lib/validation";
import { Certificate } from "@/components/awards/certificate";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads } from "@/components/documents/document-view";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "荣誉证书" };

// A unit prints only its own certificates (certificateOf scopes by unit); county readers any.
export default async function CertificatePage({ params }: { params: Promise<{ id: string; nominationId: string }> }) {
  const user = await requirePermission("awards.view");
  const { id, nominationId } = await params;
  if (!idSchema.safeParse(id).success || !idSchema.safeParse(nominationId).success) notFound();
  const entry = await certificateOf(user, id, nominationId);
  if (!entry?.campaign.decidedAt) return notFoundAudited(user, { entityType: "Nomination", id: nominationId });
  const county = await countyName();
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印证书" />
        <DocumentDownloads type="certificate" id={entry.id} />
        <Link href={`/awards/${id}/decision`} className={buttonClass("secondary")}>
          查看表彰决定
        </Link>
      </div>
      <Certificate entry={entry} tierName={entry.tier!.name} year={entry.campaign.year.year} county={county} date={entry.campaign.decidedAt} label="荣誉证书" />
    </div>
  );
}
