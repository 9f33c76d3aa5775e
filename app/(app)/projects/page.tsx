import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { listProjects, liaisonOptions, topicsToPropose } from "@/lib/projects/queries";
import { projectFilterSchema } from "@/lib/projects/schemas";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/rules";
import { UNIT_TYPE_LABELS } from "@/lib/units/tree";
import { unitOptions } from "@/lib/units/queries";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";
import { DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ExportButton } from "@/components/ui/export-button";
import { exportHref } from "@/lib/exports/href";
import { StateBadge } from "@/components/projects/state-badge";
import { NewProjectButton } from "@/components/projects/new-project-button";
import { sectorFilterOptions } from "@/lib/sectors/queries";
import { sectorLabels } from "@/lib/sectors/label";
import { programmeOptions } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "创新项目" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("projects.view");
  const filter = projectFilterSchema.parse(await searchParams);
  const county = seesWholeCounty(user.roles);
  const proposer = can(user.roles, "projects.propose");
  // The filter's options do not depend on the year: read with the year choice, then the list and the year's programmes.
  const [{ years, year }, units, liaisons, topics, sectors] = await Promise.all([
    yearChoice(filter.year),
    county ? unitOptions() : Promise.resolve([]),
    county ? liaisonOptions() : Promise.resolve([]),
    proposer ? topicsToPropose(user.unitId) : Promise.resolve([]),
    sectorFilterOptions(),
  ]);
  const [{ projects, total, page, pageSize }, programmes] = await Promise.all([
    listProjects(user, { ...filter, yearId: year?.id ?? null }),
    programmeOptions(user, year?.id),
  ]);
  const params = {
    ...Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value === undefined ? undefined : String(value)])),
    year: year ? String(year.year) : undefined,
    page: undefined,
  };
  return (
    <div>
      <PageHeader
        title={filter.liaison === "me" ? "我联系的项目" : county ? "创新项目" : "本单位创新项目"}
        description={county ? "全县各单位的创新项目：申报、初审、实施与结项" : "本单位的申报书和创新项目"}
        actions={
          <>
            {can(user.roles, "projects.guide") && filter.liaison !== "me" && (
              <Link href={`/projects?liaison=me&year=${year?.year ?? ""}`} className={buttonClass("secondary")}>
                我联系的项目
              </Link>
            )}
            {can(user.roles, "sectors.configure") && (
              <Link href="/sectors" className={buttonClass("secondary")}>
                党组织领域设置
              </Link>
            )}
            <ExportButton href={exportHref("/projects/export", params)} fileName="创新项目.xlsx" />
            {proposer && year && <NewProjectButton yearId={year.id} label="新建申报书" />}
          </>
        }
      />
      {topics.length > 0 && (
        <div className="mb-4 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm">
          <p className="mb-2 font-medium text-sky-900">本单位已承担、尚未申报的选题：</p>
          <ul className="space-y-2">
            {topics.map((topic) => (
              <li key={topic.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/topics/${topic.id}`} className="link">
                  {topic.code} {topic.title}
                </Link>
                <NewProjectButton yearId={topic.yearId} topicId={topic.id} label="据此申报" variant="secondary" />
              </li>
            ))}
          </ul>
        </div>
      )}
      <FilterBar>
        <YearSelect years={years} selected={year?.year} />
        {county && (
          <>
            <select name="unitType" defaultValue={filter.unitType ?? ""} aria-label="单位类型" className="input w-28">
              <option value="">全部类型</option>
              {(["TOWNSHIP", "DEPARTMENT", "SECTION"] as const).map((type) => (
                <option key={type} value={type}>
                  {UNIT_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
            <select name="unitId" defaultValue={filter.unitId ?? ""} aria-label="单位" className="input w-40">
              <option value="">全部单位</option>
              {units
                .filter((unit) => unit.type !== "COUNTY" && unit.type !== "CITY")
                .map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
            </select>
          </>
        )}
        <FilterSelect name="category" label="类别" all="全部类别" labels={CATEGORY_LABELS} value={filter.category} width="w-28" />
        <FilterSelect name="focus" label="着眼领域" all="全部领域" labels={FOCUS_LABELS} value={filter.focus} width="w-28" />
        <FilterSelect name="tier" label="目标层次" all="全部层次" labels={TIER_LABELS} value={filter.tier} width="w-36" />
        <select name="sector" defaultValue={filter.sector ?? ""} aria-label="党组织领域" className="input w-40">
          <option value="">全部党组织领域</option>
          {sectors.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {programmes.length > 0 && (
          <select name="programme" defaultValue={filter.programme ?? ""} aria-label="所属工程" className="input w-36">
            <option value="">全部工程</option>
            {programmes.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.title}
              </option>
            ))}
            <option value="none">未归入工程</option>
          </select>
        )}
        <FilterSelect name="state" label="状态" all="全部状态" labels={STATE_LABELS} value={filter.state} width="w-28" />
        {county && (
          <select name="liaison" defaultValue={filter.liaison ?? ""} aria-label="联系人" className="input w-32">
            <option value="">全部联系人</option>
            <option value="me">我联系的</option>
            <option value="none">未指定联系人</option>
            {liaisons.map((staff) => (
              <option key={staff.id} value={staff.id}>
                {staff.name}
              </option>
            ))}
          </select>
        )}
        {filter.topicId && <input type="hidden" name="topicId" value={filter.topicId} />}
        {filter.stage && (
          <label className="flex items-center gap-1 self-center text-sm">
            <input type="checkbox" name="stage" value="approved" defaultChecked />
            仅已立项（含实施、结项、终止）
          </label>
        )}
        <input name="q" defaultValue={filter.q} placeholder="项目名称或问题中的词" aria-label="关键词" className="input w-44" />
        <select name="sort" defaultValue={filter.sort ?? "updated"} aria-label="排序" className="input w-32">
          <option value="updated">最近更新</option>
          <option value="submitted">申报时间</option>
          <option value="title">项目名称</option>
          <option value="unit">单位</option>
          {programmes.length > 0 && <option value="programme">按工程归组</option>}
        </select>
      </FilterBar>
      <DataTable headers={["项目名称", county ? "单位" : "选题", "类别", "目标层次", "状态", "联系人", "申报时间"]}>
        {projects.length === 0 && <EmptyRow colSpan={7} />}
        {projects.map((project) => (
          <tr key={project.id}>
            <td className="min-w-48">
              <Link href={`/projects/${project.id}`} className="link">
                {project.title || "（未命名的申报书）"}
              </Link>
              {(project.sectors.length > 0 || project.programme) && (
                <div className="text-xs text-stone-500">{[project.programme?.title, sectorLabels(project.sectors)].filter(Boolean).join(" · ")}</div>
              )}
            </td>
            <td className="whitespace-nowrap">{county ? project.unit.name : (project.topic?.code ?? "自选")}</td>
            <td className="whitespace-nowrap">{project.category ? CATEGORY_LABELS[project.category] : ""}</td>
            <td className="whitespace-nowrap">{project.tier ? TIER_LABELS[project.tier] : ""}</td>
            <td>
              <StateBadge state={project.state} />
            </td>
            <td className="whitespace-nowrap">{project.liaison?.name ?? ""}</td>
            <td className="whitespace-nowrap">{formatDateTime(project.submittedAt)}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
