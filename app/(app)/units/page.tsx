import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listUnits } from "@/lib/units/queries";
import { unitFilterSchema } from "@/lib/units/schemas";
import { UNIT_TYPE_LABELS, UNIT_TYPES } from "@/lib/units/tree";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { Badge, DataTable, EmptyRow, FilterBar, PageHeader, Pagination, SavedNotice } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "单位" };

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("units.view");
  const params = await searchParams;
  const filter = unitFilterSchema.parse(params);
  const { units, total, page, pageSize } = await listUnits(user, filter);
  const manage = can(user.roles, "units.manage");
  return (
    <div>
      <PageHeader
        title="单位"
        description="县、乡镇、县直部门和部内科室组成的单位树"
        actions={
          <>
            <ExportButton href={exportHref("/units/export", filter)} fileName="单位名录.xlsx" />
            {manage && (
              <>
                <Link href="/units/import" className={buttonClass("secondary")}>
                  从 Excel 导入
                </Link>
                <Link href="/units/new" className={buttonClass()}>
                  新建单位
                </Link>
              </>
            )}
          </>
        }
      />
      <SavedNotice show={params.saved} />
      <FilterBar>
        <input name="q" defaultValue={filter.q} placeholder="名称或编码" aria-label="名称或编码" className="input max-w-48" />
        <select name="type" defaultValue={filter.type ?? ""} aria-label="单位类型" className="input max-w-36">
          <option value="">全部类型</option>
          {UNIT_TYPES.map((type) => (
            <option key={type} value={type}>
              {UNIT_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={filter.status ?? "active"} aria-label="状态" className="input max-w-32">
          <option value="active">启用中</option>
          <option value="inactive">已停用</option>
          <option value="all">全部</option>
        </select>
      </FilterBar>
      <DataTable headers={["编码", "名称", "类型", "上级单位", "账户数", "状态", ...(manage ? ["操作"] : [])]}>
        {units.length === 0 && <EmptyRow colSpan={manage ? 7 : 6} />}
        {units.map((unit) => (
          <tr key={unit.id}>
            <td className="font-mono text-xs">{unit.code}</td>
            <td>{unit.name}</td>
            <td>{UNIT_TYPE_LABELS[unit.type]}</td>
            <td>{unit.parent?.name ?? "—"}</td>
            <td>{unit._count.users}</td>
            <td>{unit.active ? <Badge tone="green">启用</Badge> : <Badge>已停用</Badge>}</td>
            {manage && (
              <td>
                <Link href={`/units/${unit.id}`} className="link">
                  编辑
                </Link>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={{ q: filter.q, type: filter.type, status: filter.status }} />
    </div>
  );
}
