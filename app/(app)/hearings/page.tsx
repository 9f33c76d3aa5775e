import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { countHearings, HEARINGS_PAGE_SIZE, listHearings, yearRanking } from "@/lib/hearings/queries";
import { hearingPageSchema } from "@/lib/hearings/schemas";
import { RANK_BY_LABELS } from "@/lib/hearings/scoring";
import { HEARING_KIND_LABELS, HEARING_LEVEL_LABELS } from "@/lib/hearings/labels";
import { formatDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";
import { Badge, Card, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { HearingForm } from "@/components/hearings/hearing-form";
import { ExportButton } from "@/components/ui/export-button";

export const metadata: Metadata = { title: "听证审定" };

export default async function HearingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("hearings.view");
  const search = await searchParams;
  const asked = z.coerce.number().int().optional().catch(undefined).parse(search.year);
  const { rank, page } = hearingPageSchema.parse(search);
  const { years, year } = await yearChoice(asked);
  if (!year) return <p>尚未设置年度。</p>;
  const [hearings, hearingCount, ranking] = await Promise.all([listHearings(year.id, page), countHearings(year.id), yearRanking(year.id, rank)]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="听证审定"
        description={`${year.year} 年度听证会、评审打分与部务会审定`}
        actions={
          <>
            <ExportButton href={`/hearings/export?year=${year.year}`} fileName="听证会.xlsx" />
            <Link href={`/hearings/rubric?year=${year.year}`} className={buttonClass("secondary")}>
              评分标准
            </Link>
            <Link href={`/hearings/meetings?year=${year.year}`} className={buttonClass("secondary")}>
              部务会审定
            </Link>
          </>
        }
      />
      <FilterBar>
        <YearSelect years={years} selected={year.year} />
      </FilterBar>
      <DataTable headers={["名称", "形式 · 层级", "时间", "地点", "项目", "评审专家", "状态"]}>
        {hearings.length === 0 && <EmptyRow colSpan={7}>本年度尚未安排听证会</EmptyRow>}
        {hearings.map((hearing) => (
          <tr key={hearing.id}>
            <td>
              <Link href={`/hearings/${hearing.id}`} className="link">
                {hearing.title}
              </Link>
            </td>
            <td className="whitespace-nowrap">
              {HEARING_KIND_LABELS[hearing.kind]} · {HEARING_LEVEL_LABELS[hearing.level]}
            </td>
            <td className="whitespace-nowrap">{formatDateTime(hearing.heldAt)}</td>
            <td>{hearing.place}</td>
            <td className="text-center">{hearing._count.items}</td>
            <td className="text-center">{hearing._count.reviewers}</td>
            <td>
              <Badge tone={HEARING_MACHINE.tone(hearingState(hearing))}>{HEARING_MACHINE.label(hearingState(hearing))}</Badge>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={hearingCount} page={page} pageSize={HEARINGS_PAGE_SIZE} params={{ year: String(year.year) }} />
      {ranking.total > 0 && (
        <Card>
          <details open={rank > 1}>
            <summary className="cursor-pointer font-semibold text-stone-800">
              {year.year} 年度听证排名（{ranking.total} 个项目，各项目最近一轮，按{RANK_BY_LABELS[ranking.by]}
              {ranking.differ > 0 && `；${ranking.differ} 个项目两种算法名次不同`}）
            </summary>
            <p className="mt-2 text-xs text-stone-600">每行依次为：名次、项目、单位、去极值平均分（名次）、标准化平均分（名次）；排名依据见“评分标准”。</p>
            <ol className="mt-3 space-y-1 text-sm" aria-label="年度排名">
              {ranking.rows.map((row) => {
                const item = row.item;
                return (
                  <li key={row.proposalId} className="flex flex-wrap gap-2">
                    <span className="w-8 text-right font-medium">{row.rank}</span>
                    <Link href={`/projects/${item.project.id}`} className="link">
                      {item.project.title}
                    </Link>
                    <span className="text-stone-500">{item.project.unit.name}</span>
                    <span className={ranking.by === "trimmedMean" ? "font-medium" : ""}>
                      去极值 {row.trimmedMean.toFixed(2)} 分（第 {row.trimmedRank} 名）
                    </span>
                    <span className={ranking.by === "normalizedMean" ? "font-medium" : ""}>
                      标准化 {row.normalizedMean.toFixed(2)} 分（第 {row.normalizedRank} 名）
                    </span>
                    {row.ranksDiffer && <Badge tone="red">两种算法名次不同</Badge>}
                    {row.disagreement && <Badge tone="amber">分歧较大</Badge>}
                  </li>
                );
              })}
            </ol>
            <Pagination
              total={ranking.total}
              page={ranking.page}
              pageSize={ranking.pageSize}
              params={{ year: String(year.year) }}
              param="rank"
              label="排名分页"
            />
          </details>
        </Card>
      )}
      {can(user.roles, "hearings.manage") && (
        <Card title="新建听证会" className="max-w-2xl">
          <HearingForm yearId={year.id} />
        </Card>
      )}
    </div>
  );
}
