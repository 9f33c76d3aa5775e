import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { draftCount, listTopics } from "@/lib/topics/queries";
import { topicFilterSchema } from "@/lib/topics/schemas";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, CLAIM_STATUS_LABELS, FOCUS_LABELS, PHASE_LABELS, TIER_LABELS, topicPhase, type TopicPhase } from "@/lib/topics/rules";
import { CLAIM_MACHINE } from "@/lib/topics/states";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";
import { PhaseBadge } from "@/components/topics/phase-badge";
import { PublishCatalogueButton } from "@/components/topics/publish-catalogue-button";
import { Badge, DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "参考选题" };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("topics.view");
  const filter = topicFilterSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year);
  const county = seesWholeCounty(user.roles);
  const [{ topics, total, page, pageSize }, drafts] = await Promise.all([
    listTopics(user, { ...filter, yearId: year?.id ?? null }),
    year && can(user.roles, "topics.publish") ? draftCount(year.id) : 0,
  ]);
  const now = new Date();
  const params = {
    year: year ? String(year.year) : undefined,
    category: filter.category,
    focus: filter.focus,
    tier: filter.tier,
    mode: filter.mode,
    phase: filter.phase,
    mine: filter.mine,
    q: filter.q,
  };
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return (
    <div>
      <PageHeader
        title="参考选题"
        description={`${year?.year ?? ""} 年度组织工作改革创新项目参考选题：自主认领、招投标、发包`}
        actions={
          <>
            <Link href={`/topics/catalogue?year=${year?.year ?? ""}`} className={buttonClass("secondary")}>
              打印选题目录
            </Link>
            {can(user.roles, "topics.bidPersonally") && (
              <Link href="/topics/my-bids" className={buttonClass("secondary")}>
                我的个人投标
              </Link>
            )}
            <a href={`/topics/export?${query}`} className={buttonClass("secondary")}>
              导出 Excel
            </a>
            {can(user.roles, "topics.manage") && year && (
              <Link href="/topics/import" className={buttonClass("secondary")}>
                从 Excel 导入
              </Link>
            )}
            {can(user.roles, "topics.manage") && year && (
              <Link href={`/topics/new?year=${year.year}`} className={buttonClass()}>
                拟定选题
              </Link>
            )}
          </>
        }
      />
      {year && drafts > 0 && <PublishCatalogueButton yearId={year.id} year={year.year} drafts={drafts} />}
      <FilterBar>
        <YearSelect years={years} selected={year?.year} />
        <FilterSelect name="category" label="类别" all="全部类别" labels={CATEGORY_LABELS} value={filter.category} width="w-32" />
        <FilterSelect name="focus" label="着眼领域" all="全部领域" labels={FOCUS_LABELS} value={filter.focus} width="w-32" />
        <FilterSelect name="tier" label="目标层次" all="全部层次" labels={TIER_LABELS} value={filter.tier} width="w-40" />
        <FilterSelect name="mode" label="认领方式" all="全部方式" labels={CLAIM_MODE_LABELS} value={filter.mode} width="w-32" />
        <select name="phase" defaultValue={filter.phase ?? ""} aria-label="状态" className="input w-28">
          <option value="">全部状态</option>
          {(Object.keys(PHASE_LABELS) as TopicPhase[])
            .filter((phase) => county || phase !== "draft")
            .map((phase) => (
              <option key={phase} value={phase}>
                {PHASE_LABELS[phase]}
              </option>
            ))}
          <option value="published">已发布（认领中和已截止）</option>
        </select>
        <input name="q" defaultValue={filter.q} placeholder="编号、名称或说明中的词" aria-label="关键词" className="input w-48" />
        {!county && (
          <label className="flex items-center gap-1 self-center text-sm">
            <input type="checkbox" name="mine" value="1" defaultChecked={Boolean(filter.mine)} />
            只看与本单位相关
          </label>
        )}
      </FilterBar>
      <DataTable headers={["编号", "选题名称", "类别 · 方面", "着眼领域", "目标层次", "认领方式", "认领截止", "已承担", county ? "状态" : "本单位"]}>
        {topics.length === 0 && <EmptyRow colSpan={9}>{county ? "没有符合条件的选题" : "没有符合条件的选题（选题发布后可见）"}</EmptyRow>}
        {topics.map((topic) => {
          const phase = topicPhase(topic, now);
          const mine = topic.claims[0];
          return (
            <tr key={topic.id}>
              <td className="font-mono text-xs whitespace-nowrap">{topic.code}</td>
              <td className="min-w-48">
                <Link href={`/topics/${topic.id}`} className="link">
                  {topic.title}
                </Link>
              </td>
              <td className="whitespace-nowrap">
                {CATEGORY_LABELS[topic.category]}
                {topic.aspect && ` · ${topic.aspect.name}`}
              </td>
              <td className="whitespace-nowrap">{FOCUS_LABELS[topic.focus]}</td>
              <td className="whitespace-nowrap">{TIER_LABELS[topic.tier]}</td>
              <td className="whitespace-nowrap">
                {CLAIM_MODE_LABELS[topic.claimMode]}
                {topic.openToPersons && (
                  <span className="ml-1">
                    <Badge tone="blue">可个人投标</Badge>
                  </span>
                )}
              </td>
              <td className="whitespace-nowrap">{formatDateTime(topic.claimClosesAt)}</td>
              <td className="text-center">{topic._count.claims}</td>
              <td className="whitespace-nowrap">
                {county || !mine ? <PhaseBadge phase={phase} /> : <Badge tone={CLAIM_MACHINE.tone(mine.status)}>{CLAIM_STATUS_LABELS[mine.status]}</Badge>}
                {!county && topic.claimMode === "ASSIGNED" && topic.units.length > 0 && !mine && <Badge tone="amber">发包给本单位</Badge>}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
