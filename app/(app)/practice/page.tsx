import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { cadreYear } from "@/lib/practice/queries";
import { yearChoice } from "@/lib/years/queries";
import { idSchema } from "@/lib/validation";
import { PageHeader, FilterBar } from "@/components/ui/page";
import { YearSelect } from "@/components/years/year-select";
import { YearItems } from "@/components/practice/year-items";
import { CadreLearning } from "@/components/learning/cadre-learning";
import { PersonBidRecord } from "@/components/topics/person-bid-record";
import { personBidRecord } from "@/lib/topics/person-queries";

export const metadata: Metadata = { title: "四个一" };

/** A cadre's year of 四个一: one's own, or (for county readers) the cadre named by ?cadre=. */
export default async function PracticeYearPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("practice.view");
  const params = await searchParams;
  const asked = idSchema.safeParse(params.cadre);
  const cadreId = asked.success ? asked.data : user.id;
  const isCadre = user.roles.includes("COUNTY_STAFF") && user.unit.type === "SECTION";
  if (cadreId === user.id && !isCadre) redirect("/practice/grid");
  const now = new Date();
  const { years, year: chosen } = await yearChoice(Number(params.year) || undefined);
  const year = chosen?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const data = await cadreYear(user, cadreId, year, now);
  if (!data) return notFoundAudited(user, { entityType: "PracticeItem", id: cadreId });
  const own = data.cadre.id === user.id;
  const bids = await personBidRecord(data.cadre.id, year);
  return (
    <div>
      <PageHeader
        title={own ? `我的四个一（${year} 年度）` : `${data.cadre.name}的四个一（${year} 年度）`}
        description="每季度一篇调研报告、每半年破解一道工作难题、每年树立一个典型；截止时间以服务器时间为准"
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            {can(user.roles, "practice.review") && (
              <Link href="/practice/review" className="link">
                待我审核
              </Link>
            )}
            <Link href="/practice/grid" className="link">
              完成情况
            </Link>
          </div>
        }
      />
      <FilterBar>
        {!own && <input type="hidden" name="cadre" value={data.cadre.id} />}
        <YearSelect years={years} selected={year} />
      </FilterBar>
      <p className="mb-2 text-sm text-stone-600">
        {data.cadre.unit.name} · 已完成 {data.slots.filter((s) => s.cell === "submitted" || s.cell === "accepted").length} / 7 项，逾期{" "}
        {data.slots.filter((s) => s.cell === "overdue").length} 项
      </p>
      <YearItems year={year} slots={data.slots} now={now} cadreId={data.cadre.id} own={own} />
      {chosen && <CadreLearning viewer={user} cadreId={data.cadre.id} yearId={chosen.id} now={now} />}
      <PersonBidRecord rows={bids} />
    </div>
  );
}
