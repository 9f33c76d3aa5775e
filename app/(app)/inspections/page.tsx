import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { countInspections, INSPECTIONS_PAGE_SIZE, listInspections, staffOptions, unitOpenRectifications } from "@/lib/inspections/queries";
import { INSPECTION_MACHINE, inspectionState } from "@/lib/inspections/states";
import { RECTIFICATION_LABELS } from "@/lib/inspections/labels";
import { formatDateTime } from "@/lib/time";
import { QUARTER_LABELS, quarterOf, type Quarter } from "@/lib/reports/quarters";
import { z } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";
import { Badge, Card, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { CreateInspectionForm } from "@/components/inspections/inspection-forms";
import { ExportButton } from "@/components/ui/export-button";

export const metadata: Metadata = { title: "季度督查" };

export default async function InspectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("inspections.view");
  const search = await searchParams;
  const asked = z.coerce.number().int().optional().catch(undefined).parse(search.year);
  const page = z.coerce.number().int().min(1).max(10000).catch(1).parse(search.page);
  const { years, year } = await yearChoice(asked ?? quarterOf(new Date()).year);
  const y = year?.year ?? quarterOf(new Date()).year;
  const [inspections, inspectionCount, staff, rectifications] = await Promise.all([
    listInspections(user, y, page),
    countInspections(user, y),
    can(user.roles, "inspections.manage") ? staffOptions() : [],
    can(user.roles, "inspections.answer") ? unitOpenRectifications(user.unitId) : [],
  ]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="季度督查"
        description="督查组按季度专题督查创新项目，撰写督查调研报告，提出整改事项"
        actions={<ExportButton href={`/inspections/export?year=${y}`} fileName="季度督查.xlsx" />}
      />
      {can(user.roles, "inspections.answer") && (
        <Card title={`本单位未销号的整改事项（${rectifications.length}）`}>
          {rectifications.length === 0 ? (
            <p className="text-sm text-stone-500">没有待办的整改事项。</p>
          ) : (
            <ul className="space-y-1 text-sm" aria-label="本单位整改事项">
              {rectifications.map((r) => (
                <li key={r.id}>
                  <Link href={`/inspections/${r.item.inspectionId}`} className="link">
                    {r.item.project.title}
                  </Link>
                  ：{r.content}（{formatDateTime(r.dueAt)} 前，{RECTIFICATION_LABELS[r.status]}）
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <FilterBar>
        <YearSelect years={years} selected={y} />
      </FilterBar>
      <DataTable headers={["季度", "督查专题", "督查项目", "状态"]}>
        {inspections.length === 0 && <EmptyRow colSpan={4}>本年度暂无督查</EmptyRow>}
        {inspections.map((inspection) => (
          <tr key={inspection.id}>
            <td className="whitespace-nowrap">{QUARTER_LABELS[inspection.quarter as Quarter]}</td>
            <td>
              <Link href={`/inspections/${inspection.id}`} className="link">
                {inspection.theme}
              </Link>
            </td>
            <td className="text-center">{inspection._count.items}</td>
            <td>
              <Badge tone={INSPECTION_MACHINE.tone(inspectionState(inspection))}>{INSPECTION_MACHINE.label(inspectionState(inspection))}</Badge>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={inspectionCount} page={page} pageSize={INSPECTIONS_PAGE_SIZE} params={{ year: String(y) }} />
      {can(user.roles, "inspections.manage") && (
        <Card title="组建督查组" className="max-w-3xl">
          <CreateInspectionForm year={y} staff={staff.map((s) => ({ id: s.id, label: `${s.name}（${s.unit.name}）` }))} />
        </Card>
      )}
    </div>
  );
}
