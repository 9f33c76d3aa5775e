import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { isSectionCadre } from "@/lib/learning/reach";
import { ledgerList, ledgerSections } from "@/lib/ledger/queries";
import { ledgerFilterSchema } from "@/lib/ledger/schemas";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { formatDate } from "@/lib/time";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { buttonClass } from "@/components/ui/button";
import { DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { LedgerBadge } from "@/components/ledger/status-badge";

export const metadata: Metadata = { title: "盘点销号" };

const VIEW_LABELS = { overdue: "只看逾期", confirm: "待我确认销号" };

/** The ledger of legacy problems: a cadre's own, a head's section, everyone's for readers of all; paged in the database. */
export default async function LedgerPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("ledger.view");
  const filter = ledgerFilterSchema.parse(await searchParams);
  const now = new Date();
  const [list, sections] = await Promise.all([ledgerList(user, filter, now), ledgerSections()]);
  const params = { section: filter.section ?? undefined, status: filter.status, view: filter.view, q: filter.q };
  return (
    <div>
      <PageHeader
        title="盘点销号"
        description="各科室过去工作中的遗留问题：明确责任人、整改措施和目标销号日期，完成后凭佐证材料销号"
        actions={
          <>
            {can(user.roles, "ledger.write") && isSectionCadre(user) && (
              <Link href="/ledger/new" className={buttonClass()}>
                登记遗留问题
              </Link>
            )}
            <ExportButton href={exportHref("/ledger/export", params)} fileName="遗留问题盘点销号台账.xlsx" />
          </>
        }
      />
      {list.toConfirm > 0 && filter.view !== "confirm" && (
        <p className="mb-3 text-sm">
          <Link href="/ledger?view=confirm" className="link">
            有 {list.toConfirm} 个问题待您确认销号 →
          </Link>
        </p>
      )}
      <FilterBar>
        <FilterSelect
          name="section"
          label="科室"
          all="全部科室"
          labels={Object.fromEntries(sections.map((s) => [s.id, s.name]))}
          value={filter.section ?? undefined}
          width="w-36"
        />
        <FilterSelect
          name="status"
          label="状态"
          all="全部状态"
          labels={Object.fromEntries(LEDGER_MACHINE.stateNames.map((s) => [s, LEDGER_MACHINE.label(s)]))}
          value={filter.status}
        />
        <FilterSelect name="view" label="范围" all="全部问题" labels={VIEW_LABELS} value={filter.view} width="w-36" />
        <input name="q" defaultValue={filter.q} placeholder="问题关键词" aria-label="问题关键词" className="input w-40" />
      </FilterBar>
      <DataTable headers={["遗留问题", "科室", "责任人", "目标销号日期", "状态"]}>
        {list.rows.length === 0 && <EmptyRow colSpan={5}>没有符合条件的遗留问题</EmptyRow>}
        {list.rows.map((row) => (
          <tr key={row.id} data-testid="ledger-row">
            <td className="min-w-48">
              <Link href={`/ledger/${row.id}`} className="link">
                {row.title}
              </Link>
              <div className="text-xs text-stone-500">存在时间：{row.since}</div>
            </td>
            <td className="whitespace-nowrap">{row.section.name}</td>
            <td className="whitespace-nowrap">{row.owner.name}</td>
            <td className="whitespace-nowrap">{formatDate(row.targetDate)}</td>
            <td className="whitespace-nowrap">
              <LedgerBadge problem={row} now={now} />
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={list.total} page={list.page} pageSize={list.pageSize} params={params} />
    </div>
  );
}
