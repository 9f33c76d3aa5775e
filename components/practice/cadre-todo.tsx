// A cadre's own to-do on the home page: 四个一 items open or owed, and (CadreWorkTodo) research topics whose report is
// not in and ledger problems they own, each with a countdown in days and a link to its page.
import Link from "next/link";
import { dueInDays, slotParam, todoSlots } from "@/lib/practice/periods";
import type { SlotView } from "@/lib/practice/queries";
import type { CadreWorkTodoData } from "@/lib/practice/todo";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { targetCountdown } from "@/lib/ledger/rules";
import { formatDate, formatDateTime } from "@/lib/time";
import { Badge, Card } from "@/components/ui/page";
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

/** The cadre's other to-do: research topics whose report is not in yet, and the ledger problems they own still open. */
export function CadreWorkTodo({ data, now }: { data: CadreWorkTodoData; now: Date }) {
  return (
    <Card title="我的调研课题和遗留问题">
      <h3 className="text-sm font-medium text-stone-700">调查研究课题（报告未交）</h3>
      {data.topics.length === 0 ? (
        <p className="text-sm text-stone-600">没有待交报告的课题。</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" aria-label="调研课题待办">
          {data.topics.map((topic) => {
            const left = dueInDays(topic.dueAt, now);
            return (
              <li key={topic.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2" data-testid="research-todo">
                <Link href={`/research/${topic.id}`} className="link min-w-0 font-medium break-words">
                  {topic.title}
                </Link>
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={RESEARCH_MACHINE.states[topic.state].tone}>{RESEARCH_MACHINE.states[topic.state].label}</Badge>
                  <span className="text-xs text-stone-500">{topic.lead ? "牵头" : "参与"}</span>
                  <span className={left.overdue ? "font-medium text-red-700" : left.days <= 7 ? "font-medium text-amber-700" : "text-emerald-700"}>
                    {left.text}
                  </span>
                  <span className="text-xs text-stone-500">截止 {formatDateTime(topic.dueAt)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {data.topicTotal > data.topics.length && <p className="text-xs text-stone-500">另有 {data.topicTotal - data.topics.length} 项未列出。</p>}
      <Link href="/research?mine=1" className="link mt-1 mb-3 inline-block text-sm">
        我参与的课题 →
      </Link>
      <h3 className="text-sm font-medium text-stone-700">盘点销号（我负责的在办问题）</h3>
      {data.problems.length === 0 ? (
        <p className="text-sm text-stone-600">没有在办的遗留问题。</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" aria-label="遗留问题待办">
          {data.problems.map((problem) => {
            const left = targetCountdown(problem, now);
            return (
              <li key={problem.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2" data-testid="ledger-todo">
                <Link href={`/ledger/${problem.id}`} className="link min-w-0 font-medium break-words">
                  {problem.title}
                </Link>
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={LEDGER_MACHINE.states[problem.status].tone}>{LEDGER_MACHINE.states[problem.status].label}</Badge>
                  <span className={left.overdue ? "font-medium text-red-700" : left.days <= 3 ? "font-medium text-amber-700" : "text-emerald-700"}>
                    {left.text}
                  </span>
                  <span className="text-xs text-stone-500">目标 {formatDate(problem.targetDate)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {data.problemTotal > data.problems.length && <p className="text-xs text-stone-500">另有 {data.problemTotal - data.problems.length} 个未列出。</p>}
      <Link href="/ledger" className="link mt-1 inline-block text-sm">
        盘点销号台账 →
      </Link>
    </Card>
  );
}
