import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { recentSessions, reflectionList } from "@/lib/learning/queries";
import { learningFilterSchema } from "@/lib/learning/schemas";
import { isSectionCadre, readsAllCadres } from "@/lib/learning/reach";
import { ledgerSections } from "@/lib/ledger/queries";
import { formatDate, formatDateTime } from "@/lib/time";
import { idSchema } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";
import { Card, FilterBar, FilterSelect, PageHeader, Pagination, SavedNotice } from "@/components/ui/page";
import { YearSelect } from "@/components/years/year-select";
import { LearningNav } from "@/components/learning/learning-nav";
import { ReflectionForm } from "@/components/learning/reflection-form";

export const metadata: Metadata = { title: "心得体会" };

export default async function ReflectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("learning.view");
  const query = await searchParams;
  const filter = learningFilterSchema.parse(query);
  const now = new Date();
  const { years, year: chosen } = await yearChoice(filter.year);
  const year = chosen?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const writer = isSectionCadre(user) && can(user.roles, "learning.write");
  const [list, sessions, sections] = await Promise.all([
    reflectionList(user, { year, section: filter.section ?? undefined, page: filter.page }),
    writer ? recentSessions(now) : [],
    readsAllCadres(user) ? ledgerSections() : [],
  ]);
  const asked = idSchema.safeParse(query.session);
  return (
    <div>
      <PageHeader title="心得体会" description="组工干部不定期撰写学习心得；本人可见自己的，科室负责人可见本科室的" />
      <LearningNav current="/learning/reflections" />
      <SavedNotice show={query.saved} />
      {writer && (
        <details className="mb-4 rounded-lg border border-stone-200 bg-white p-4" open={asked.success}>
          <summary className="cursor-pointer text-sm font-medium">写心得体会</summary>
          <div className="mt-3">
            <ReflectionForm
              sessions={sessions.map((s) => ({ id: s.id, label: `${formatDate(s.heldOn)} ${s.topic}` }))}
              sessionId={asked.success ? asked.data : undefined}
            />
          </div>
        </details>
      )}
      <FilterBar>
        <YearSelect years={years} selected={year} />
        {sections.length > 0 && (
          <FilterSelect
            name="section"
            label="科室"
            all="全部科室"
            labels={Object.fromEntries(sections.map((s) => [s.id, s.name]))}
            value={filter.section ?? undefined}
            width="w-36"
          />
        )}
      </FilterBar>
      <div className="space-y-3">
        {list.rows.length === 0 && <p className="text-sm text-stone-500">本年度暂无心得体会。</p>}
        {list.rows.map((row) => (
          <Card key={row.id} className="break-words">
            <article data-testid="reflection">
              <h2 className="font-medium">{row.title}</h2>
              <p className="text-xs text-stone-500">
                {row.user.name} · {row.user.unit.name} · {formatDateTime(row.createdAt)}
                {row.session && (
                  <>
                    {" · "}
                    <Link href={`/learning/sessions/${row.session.id}`} className="link">
                      {row.session.topic}
                    </Link>
                  </>
                )}
              </p>
              <p className="mt-2 text-sm whitespace-pre-wrap">{row.content}</p>
            </article>
          </Card>
        ))}
      </div>
      <Pagination total={list.total} page={list.page} pageSize={list.pageSize} params={{ year: String(year), section: filter.section ?? undefined }} />
    </div>
  );
}
