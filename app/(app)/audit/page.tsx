import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { auditFilterSchema, searchAudit } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/audit/actions-catalog";
import { OUTCOME_LABELS } from "@/lib/audit/export";
import { formatDateTime } from "@/lib/time";
import { describeAuditEntry, plainIp } from "@/lib/audit/describe";
import { Badge, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ChainPanel } from "@/components/audit/chain-panel";
import { exportPublicKey } from "@/lib/audit/chain";

export const metadata: Metadata = { title: "审计日志" };

function actorLabel(row: { actorName: string | null; actorUsername: string | null; action: string }) {
  if (row.actorName) return `${row.actorName}（${row.actorUsername}）`;
  if (row.action.startsWith("auth.")) return "（未知用户）";
  if (row.action.startsWith("suggestion.")) return "访客（未登录）";
  return "系统初始化";
}

const OUTCOME_TONES = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("audit.view");
  const filter = auditFilterSchema.parse(await searchParams);
  const { rows, total, page, pageSize } = await searchAudit(filter);
  const params = { person: filter.person, action: filter.action, outcome: filter.outcome, from: filter.from, to: filter.to };
  const exportQuery = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return (
    <div>
      <PageHeader
        title="审计日志"
        description="登录、退出、锁定、被拒绝的访问和每一次数据变更的记录，只读，逐条哈希链接，180 天内任何人不能删除"
        actions={
          <>
            <a href="/audit/refusals" className={buttonClass("secondary")}>
              反复被拒绝的访问
            </a>
            <a href={`/audit/export${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")}>
              导出 Excel
            </a>
          </>
        }
      />
      <ChainPanel {...exportPublicKey(process.env.NEXTAUTH_SECRET ?? "")} />
      <FilterBar submitLabel="查询">
        <label className="text-sm">
          <span className="block text-stone-600">人员</span>
          <input name="person" defaultValue={filter.person} placeholder="姓名或用户名" className="input w-40" />
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">操作</span>
          <select name="action" defaultValue={filter.action ?? ""} className="input w-40">
            <option value="">全部操作</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">结果</span>
          <select name="outcome" defaultValue={filter.outcome ?? ""} className="input w-28">
            <option value="">全部</option>
            {Object.entries(OUTCOME_LABELS).map(([outcome, label]) => (
              <option key={outcome} value={outcome}>
                {label}
              </option>
            ))}
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
      </FilterBar>
      <DataTable headers={["时间", "人员", "操作", "说明", "IP 地址", "结果"]}>
        {rows.length === 0 && <EmptyRow colSpan={6} />}
        {rows.map((row) => (
          <tr key={row.id.toString()}>
            <td className="whitespace-nowrap">{formatDateTime(row.at)}</td>
            <td>{actorLabel(row)}</td>
            <td className="whitespace-nowrap">{auditActionLabel(row.action)}</td>
            <td className="max-w-md break-words">{describeAuditEntry(row)}</td>
            <td className="font-mono text-xs">{plainIp(row.ip) ?? ""}</td>
            <td>
              <Badge tone={OUTCOME_TONES[row.outcome]}>{OUTCOME_LABELS[row.outcome]}</Badge>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
