import Link from "next/link";
import { formatDate } from "@/lib/time";
import { formatRate } from "@/lib/research/rules";
import type { ResearchRow } from "@/lib/research/queries";
import { DataTable, EmptyRow } from "@/components/ui/page";
import { ResearchBadge } from "@/components/research/state-badge";

function tallyText(row: ResearchRow) {
  const t = row.tally;
  if (t.proposals === 0) return "—";
  return `${t.proposals} 条：采纳 ${t.adopted}，部分 ${t.partly}，未采纳 ${t.notAdopted}${t.unmarked ? `，待批示 ${t.unmarked}` : ""}`;
}

/** The year's topics: a table at a desk, cards on a phone. */
export function TopicList({ rows }: { rows: ResearchRow[] }) {
  return (
    <>
      <div className="hidden md:block">
        <DataTable headers={["课题", "领域", "牵头人（科室）", "成员", "完成时限", "状态", "建议批示", "采纳率"]}>
          {rows.length === 0 && <EmptyRow colSpan={8}>没有符合条件的课题</EmptyRow>}
          {rows.map((row) => (
            <tr key={row.id} data-testid="topic-row">
              <td className="min-w-48">
                <Link href={`/research/${row.id}`} className="link">
                  {row.title}
                </Link>
              </td>
              <td className="whitespace-nowrap">{row.area.name}</td>
              <td className="whitespace-nowrap">
                {row.lead.name}（{row.section.name}）
              </td>
              <td className="min-w-24">{row.members.map((m) => m.user.name).join("、") || "—"}</td>
              <td className="whitespace-nowrap">{formatDate(row.dueAt)}</td>
              <td>
                <ResearchBadge state={row.state} />
              </td>
              <td className="min-w-40 text-sm">{tallyText(row)}</td>
              <td className="whitespace-nowrap">{formatRate(row.rate)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      <ul className="space-y-2 md:hidden">
        {rows.length === 0 && <li className="rounded-lg border border-stone-200 bg-white p-4 text-center text-sm text-stone-500">没有符合条件的课题</li>}
        {rows.map((row) => (
          <li key={row.id} data-testid="topic-card" className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/research/${row.id}`} className="link font-medium break-all">
                {row.title}
              </Link>
              <ResearchBadge state={row.state} />
            </div>
            <div className="mt-1 text-stone-600">
              {row.area.name} · {row.lead.name}（{row.section.name}） · {formatDate(row.dueAt)} 前
            </div>
            <div className="mt-1 text-stone-600">
              {tallyText(row)} · 采纳率 {formatRate(row.rate)}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
