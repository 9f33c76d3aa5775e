import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { reportGrid, unitReportItems } from "@/lib/reports/queries";
import { gridFilterSchema, unitFilterSchema } from "@/lib/reports/schemas";
import { QUARTER_LABELS, QUARTERS, quarterOf } from "@/lib/reports/quarters";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { Badge, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { UnitReports } from "@/components/reports/unit-reports";
import { CellBadge } from "@/components/reports/cell-badge";

export const metadata: Metadata = { title: "季度报告" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("reports.view");
  const now = new Date();
  if (!seesWholeCounty(user.roles)) {
    const asked = unitFilterSchema.parse(await searchParams);
    const filter = { year: asked.year ?? quarterOf(now).year, show: asked.show ?? ("open" as const), page: asked.page ?? 1 };
    return <UnitReports items={await unitReportItems(user, filter, now)} filter={filter} now={now} />;
  }
  const filter = gridFilterSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year ?? quarterOf(now).year);
  const grid = await reportGrid(
    user,
    { year: year?.year ?? quarterOf(now).year, liaison: filter.liaison, lagging: filter.lagging, q: filter.q, page: filter.page },
    now,
  );
  return (
    <div>
      <PageHeader
        title="季度报告"
        description="实施中项目 × 季度的报送情况；逾期未报、逾期报送和节点滞后一目了然"
        actions={<ExportButton href={exportHref("/reports/export", { ...filter, year: year?.year })} fileName="季度报告报送情况.xlsx" />}
      />
      <FilterBar>
        <YearSelect years={years} selected={year?.year} />
        {can(user.roles, "reports.review") && (
          <label className="flex items-center gap-1 self-center text-sm">
            <input type="checkbox" name="liaison" value="me" defaultChecked={filter.liaison === "me"} />
            只看我联系的项目
          </label>
        )}
        <label className="flex items-center gap-1 self-center text-sm">
          <input type="checkbox" name="lagging" value="1" defaultChecked={filter.lagging === "1"} />
          只看节点滞后的项目
        </label>
        <input name="q" defaultValue={filter.q} placeholder="项目或单位" aria-label="项目或单位" className="input w-44" />
      </FilterBar>
      <DataTable
        headers={["项目", "单位", "联系人", ...QUARTERS.map((q) => `${QUARTER_LABELS[q]}（${formatDateTime(grid.deadlines[q]).slice(5, 10)} 前）`), "节点"]}
      >
        {grid.rows.length === 0 && <EmptyRow colSpan={8}>本年度没有实施中的项目</EmptyRow>}
        {grid.rows.map(({ project, cells, lagging }) => (
          <tr key={project.id} data-testid="grid-row">
            <td className="min-w-48">
              <Link href={`/projects/${project.id}`} className="link">
                {project.title}
              </Link>
              <span className="block text-xs text-stone-500">
                {project.code ? `${project.code} · ` : ""}
                {project.year.year} 年度项目
              </span>
            </td>
            <td className="whitespace-nowrap">{project.unit.name}</td>
            <td className="whitespace-nowrap">{project.liaison?.name ?? ""}</td>
            {cells.map((cell) => (
              <td key={cell.quarter}>
                {cell.status === "none" || cell.status === "upcoming" ? (
                  <CellBadge status={cell.status} />
                ) : (
                  <Link href={`/reports/${project.id}/${year?.year}/${cell.quarter}`} aria-label={`${project.title}${QUARTER_LABELS[cell.quarter]}`}>
                    <CellBadge status={cell.status} />
                    {cell.late && cell.status !== "late" && <span className="ml-1 text-xs text-red-700">逾期</span>}
                  </Link>
                )}
              </td>
            ))}
            <td>{lagging > 0 && <Badge tone="red">滞后 {lagging} 个节点</Badge>}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        total={grid.total}
        page={grid.page}
        pageSize={grid.pageSize}
        params={{ year: year ? String(year.year) : undefined, liaison: filter.liaison, lagging: filter.lagging, q: filter.q }}
      />
    </div>
  );
}
