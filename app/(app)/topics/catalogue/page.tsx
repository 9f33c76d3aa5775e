import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { countyName, publishedCatalogue } from "@/lib/topics/queries";
import { catalogueDocument } from "@/lib/documents/catalogue";
import { yearChoice } from "@/lib/years/queries";
import { z } from "@/lib/validation";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "参考选题目录" };

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("topics.view");
  const asked = z.coerce
    .number()
    .int()
    .optional()
    .catch(undefined)
    .parse((await searchParams).year);
  const { year } = await yearChoice(asked);
  if (!year) return <p>尚未设置年度。</p>;
  const [county, topics] = await Promise.all([countyName(), publishedCatalogue(year.id)]);
  const doc = catalogueDocument(county, year.year, topics);
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <DocumentDownloads type="catalogue" id={String(year.year)} />
        <a href={`/topics/export?year=${year.year}`} className={buttonClass("secondary")}>
          下载 Excel
        </a>
        <Link href={`/topics?year=${year.year}`} className={buttonClass("secondary")}>
          返回选题列表
        </Link>
      </div>
      <DocumentView doc={doc} />
    </div>
  );
}
