import Link from "next/link";
import type { RefusalGroup, RefusalsFilter } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/time";
import { DataTable, EmptyRow, FilterBar, Pagination } from "@/components/ui/page";

/** Repeated refusals grouped by address or account, with the filter bar; links lead to the matching log rows. */
export function RefusalGroups({
  filter,
  groups,
  total,
  page,
  pageSize,
}: {
  filter: RefusalsFilter;
  groups: RefusalGroup[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const params = { by: filter.by, from: filter.from, to: filter.to, min: String(filter.min) };
  return (
    <>
      <FilterBar submitLabel="查询">
        <label className="text-sm">
          <span className="block text-stone-600">归并方式</span>
          <select name="by" defaultValue={filter.by} className="input w-32">
            <option value="address">按 IP 地址</option>
            <option value="account">按账户</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">起始日期</span>
          <input name="from" type="date" defaultValue={filter.from} className="input w-40" />
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">截止日期</span>
          <input name="to" type="date" defaultValue={filter.to} className="input w-40" />
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">至少次数</span>
          <input name="min" type="number" min={1} defaultValue={filter.min} className="input w-24" />
        </label>
      </FilterBar>
      <p className="mb-2 text-sm text-stone-600">未选日期时为最近 7 天。次数含限流时未逐条记录、只计数的拒绝。</p>
      <DataTable
        headers={[
          filter.by === "account" ? "账户" : "IP 地址",
          "拒绝次数",
          filter.by === "account" ? "涉及地址数" : "涉及账户数",
          "首次",
          "最近",
          "被拒绝的操作（部分）",
        ]}
      >
        {groups.length === 0 && <EmptyRow colSpan={6} />}
        {groups.map((group) => (
          <tr key={group.subject}>
            <td className="font-mono text-xs">
              {filter.by === "account" && !group.subject.startsWith("（") ? (
                <Link className="link" href={`/audit?person=${encodeURIComponent(group.subject)}&outcome=DENIED`}>
                  {group.subject}
                </Link>
              ) : (
                group.subject
              )}
            </td>
            <td>{group.refusals}</td>
            <td>{filter.by === "account" ? group.addresses : group.accounts}</td>
            <td className="whitespace-nowrap">{formatDateTime(group.first)}</td>
            <td className="whitespace-nowrap">{formatDateTime(group.last)}</td>
            <td className="max-w-md break-words text-xs">{group.what.join("；")}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </>
  );
}
