import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getHearing, hearingRanking } from "@/lib/hearings/queries";
import { hearingPageSchema } from "@/lib/hearings/schemas";
import { RANK_BY_LABELS, scoringRules } from "@/lib/hearings/scoring";
import { VERDICT_LABELS } from "@/lib/hearings/labels";
import { Badge, Card, DataTable, EmptyRow, PageHeader, Pagination } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { RankCell } from "@/components/hearings/rank-cell";
import { buttonClass } from "@/components/ui/button";
import { StateBadge } from "@/components/projects/state-badge";
import { ExportButton } from "@/components/ui/export-button";

export const metadata: Metadata = { title: "评分结果" };

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("hearings.view");
  const id = (await params).id;
  const { page } = hearingPageSchema.parse(await searchParams);
  const hearing = await getHearing(id);
  if (!hearing) return notFoundAudited(user, { entityType: "Hearing", id });
  const ranking = await hearingRanking(id, hearing.year.id, page);
  const { unscored } = ranking;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${hearing.title}：评分结果`}
        description={hearing.closedAt ? "评分已结束" : "评分进行中，结果随提交更新"}
        actions={
          <span className="flex flex-wrap items-center gap-2">
            <ExportButton href={`/hearings/${id}/results/export`} fileName="评分结果.xlsx" />
            <Link href={`/hearings/${id}`} className={buttonClass("secondary")}>
              返回听证会
            </Link>
          </span>
        }
      />
      <Notice tone={ranking.differ > 0 ? "warning" : "info"}>
        按{RANK_BY_LABELS[ranking.by]}排名（本年度评分标准公布的排名依据）。
        {ranking.differ > 0
          ? `有 ${ranking.differ} 个项目按去极值平均分和标准化平均分的名次不同，已标出“两种算法名次不同”，请部务会审定时留意。`
          : ranking.total > 0
            ? "两种算法的名次一致。"
            : ""}
      </Notice>
      <DataTable
        headers={["排名", "项目", "单位", "评审数", "平均分", "去极值平均（名次）", "标准化平均（名次）", "极差", "提示", "状态", "各专家评分（已提交）"]}
      >
        {ranking.total === 0 && <EmptyRow colSpan={11}>尚无提交的评分</EmptyRow>}
        {ranking.rows.map((row) => {
          const item = row.item;
          return (
            <tr key={row.proposalId}>
              <td className="text-center font-medium">{row.rank}</td>
              <td>
                <Link href={`/projects/${item.project.id}`} className="link">
                  {item.project.title}
                </Link>
              </td>
              <td className="whitespace-nowrap">{item.project.unit.name}</td>
              <td className="text-center">
                {row.count}/{item.assignments.length}
              </td>
              <td className="text-right">{row.mean.toFixed(2)}</td>
              <RankCell value={row.trimmedMean} rank={row.trimmedRank} chosen={ranking.by === "trimmedMean"} />
              <RankCell value={row.normalizedMean} rank={row.normalizedRank} chosen={ranking.by === "normalizedMean"} />
              <td className="text-right">{row.spread.toFixed(2)}</td>
              <td className="space-y-1">
                {row.ranksDiffer && <Badge tone="red">两种算法名次不同</Badge>}
                {row.disagreement && <Badge tone="amber">分歧较大</Badge>}
              </td>
              <td>
                <StateBadge state={item.project.state} />
              </td>
              <td className="min-w-48 text-xs">
                {item.assignments
                  .filter((a) => a.score?.submittedAt)
                  .map(
                    (a) =>
                      `${a.reviewer.name} ${a.score!.total?.toFixed(2)} 分${a.score!.recommendation ? `（${VERDICT_LABELS[a.score!.recommendation]}）` : ""}`,
                  )
                  .join("；")}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination total={ranking.total} page={ranking.page} pageSize={ranking.pageSize} params={{}} />
      {unscored.count > 0 && (
        <p className="text-sm text-stone-600">
          尚无提交评分（{unscored.count} 个）：{unscored.titles.join("、")}
          {unscored.count > unscored.titles.length && " 等"}
        </p>
      )}
      <Card title="计分规则">
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          {scoringRules(ranking.by).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
