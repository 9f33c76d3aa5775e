// A cadre's own 四个一 to-do on the home page: what is open or owed, with a countdown in days, each linking to its item.
import Link from "next/link";
import { dueInDays, slotParam, todoSlots } from "@/lib/practice/periods";
import type { SlotView } from "@/lib/practice/queries";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/page";
import { PracticeBadge } from "@/components/practice/cell-badge";

export function CadreTodo({ year, slots, now }: { year: number; slots: SlotView[]; now: Date }) {
  const todo = todoSlots(slots);
  return (
    <Card title={`我的四个一（${year} 年度）`}>
      {todo.length === 0 ? (
        <p className="text-sm text-stone-600">眼下没有待提交的事项。</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" aria-label="四个一待办">
          {todo.map((slot) => {
            const left = dueInDays(slot.due, now);
            return (
              <li key={slotParam(slot)} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2" data-testid="practice-todo">
                <Link href={`/practice/${year}/${slotParam(slot)}`} className="link font-medium">
                  {slot.label}
                </Link>
                <span className="flex flex-wrap items-center gap-2">
                  <PracticeBadge cell={slot.cell} late={slot.item?.late} />
                  <span className={left.overdue ? "font-medium text-red-700" : left.days <= 3 ? "font-medium text-amber-700" : "text-emerald-700"}>
                    {left.text}
                  </span>
                  <span className="text-xs text-stone-500">截止 {formatDateTime(slot.due)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <Link href="/practice" className="link mt-2 inline-block text-sm">
        查看本年度任务与截止时间 →
      </Link>
    </Card>
  );
}
