// The unit's dashboard: what it must do next, with deadlines and countdowns, and its projects by state.
import Link from "next/link";
import { unitProjectsByState, unitTodo, type TodoItem } from "@/lib/dashboard/queries";
import { PROJECT_STATES, STATE_LABELS } from "@/lib/projects/catalog";
import { formatDateTime } from "@/lib/time";
import type { CurrentUser } from "@/lib/auth/session-store";
import { Badge, Card, FoldToggle } from "@/components/ui/page";
import { Countdown } from "@/components/ui/countdown";
import { NumberList, StackedBar, type ChartItem } from "@/components/dashboard/charts";

const KIND_LABELS: Record<TodoItem["kind"], string> = { claim: "选题", proposal: "申报", report: "季度报告", rectification: "整改", nomination: "评比推荐" };

export async function UnitDashboard({
  user,
  year,
  now,
}: {
  user: Pick<CurrentUser, "id" | "roles" | "unitId">;
  year: { id: string; year: number } | null;
  now: Date;
}) {
  const [todo, states] = await Promise.all([unitTodo(user, year?.id ?? null, now), year ? unitProjectsByState(user.unitId, year.id) : Promise.resolve({})]);
  const stateItems: ChartItem[] = PROJECT_STATES.filter((s) => states[s as keyof typeof states]).map((s) => ({
    label: STATE_LABELS[s],
    value: (states as Record<string, number>)[s] ?? 0,
    href: `/projects?year=${year?.year ?? ""}&state=${s}`,
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="本单位待办" className="lg:col-span-2">
        {todo.items.length === 0 ? (
          <p className="text-sm text-stone-600">目前没有需要办理的事项。</p>
        ) : (
          <ul className="fold-list divide-y divide-stone-100" aria-label="待办事项">
            {todo.items.map((item) => (
              <li key={item.key} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="todo-item">
                <span className="flex min-w-0 flex-wrap items-center gap-2">
                  <Badge tone={item.overdue ? "red" : "blue"}>{KIND_LABELS[item.kind]}</Badge>
                  <Link href={item.href} className="link break-all">
                    {item.title}
                  </Link>
                  <span className="text-stone-600">{item.detail}</span>
                </span>
                {item.deadline && (
                  <span className="whitespace-nowrap text-stone-600">
                    截止 {formatDateTime(item.deadline)}
                    <span className="ml-2">
                      <Countdown deadline={item.deadline.toISOString()} serverNow={now.toISOString()} />
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        <FoldToggle total={todo.items.length} />
        {todo.openTopics > 0 && (
          <p className="mt-2 text-sm">
            还有{" "}
            <Link href={`/topics?${new URLSearchParams({ ...(year ? { year: String(year.year) } : {}), phase: "open" })}`} className="link font-medium">
              {todo.openTopics} 个参考选题
            </Link>{" "}
            正在认领中，可自主认领或投标。
          </p>
        )}
        <p className="mt-2 text-xs text-stone-500">截止时间均为北京时间，以服务器时间为准；逾期事项排在最前。</p>
      </Card>
      <Card title={`本单位项目${year ? `（${year.year} 年度）` : ""}`}>
        {stateItems.length === 0 ? (
          <p className="text-sm text-stone-600">
            本年度还没有项目。
            <Link href="/projects" className="link ml-1">
              去申报
            </Link>
          </p>
        ) : (
          <>
            <StackedBar title="本单位项目按状态" items={stateItems} width={400} height={20} />
            <NumberList label="本单位各状态项目数（点击数字查看项目）" items={stateItems} keyed />
          </>
        )}
      </Card>
    </div>
  );
}
