import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { countyName } from "@/lib/topics/queries";
import { planForYear } from "@/lib/plan/queries";
import { planPageSchema } from "@/lib/plan/schemas";
import { workPlanDocument } from "@/lib/documents/work-plan";
import { yearChoice } from "@/lib/years/queries";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "组织工作要点" };

export default async function WorkPlanDocumentPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("plan.view");
  const { year } = await yearChoice(planPageSchema.parse(await searchParams).year);
  if (!year) notFound();
  const plan = await planForYear(user, year.id);
  if (!plan) notFound();
  const doc = workPlanDocument(await countyName(), plan);
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <DocumentDownloads type="work-plan" id={String(year.year)} />
        <Link href={`/plan?year=${year.year}`} className={buttonClass("secondary")}>
          返回工作要点
        </Link>
      </div>
      <DocumentView doc={doc} />
    </div>
  );
}
