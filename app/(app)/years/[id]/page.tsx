import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getYear } from "@/lib/years/queries";
import { toDateTimeLocal } from "@/lib/time";
import { defaultWindows } from "@/lib/years/windows";
import { PageHeader } from "@/components/ui/page";
import { YearWindowsForm } from "@/components/years/year-windows-form";

export const metadata: Metadata = { title: "年度时间安排" };

export default async function YearPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("years.manage");
  const { id } = await params;
  const year = await getYear(id);
  if (!year) return notFoundAudited(user, { entityType: "Year", id });
  // A year made before a kind of window existed shows that window's default, saved with the form.
  const stored = new Map(year.windows.map((w) => [w.kind, w]));
  const windows = Object.fromEntries(
    defaultWindows(year.year).map((d) => {
      const w = stored.get(d.kind) ?? d;
      return [d.kind, { start: toDateTimeLocal(w.startsAt), end: toDateTimeLocal(w.endsAt) }];
    }),
  );
  return (
    <div>
      <PageHeader title={`${year.year} 年度时间安排`} description={year.isCurrent ? "当前年度" : undefined} />
      <YearWindowsForm year={year} windows={windows} />
    </div>
  );
}
