import { Card, Badge } from "@/components/ui/page";
import { Countdown } from "@/components/ui/countdown";
import { formatDateTime } from "@/lib/time";
import { WINDOW_LABELS, windowState, type WindowKind } from "@/lib/years/windows";

type YearWithWindows = { year: number; windows: { kind: WindowKind; startsAt: Date | null; endsAt: Date }[] };

export function YearWindows({ year, now }: { year: YearWithWindows | null; now: Date }) {
  if (!year) {
    return (
      <Card title="当前年度">
        <p className="text-sm text-stone-600">尚未设置年度。管理员可在“年度安排”中新建年度。</p>
      </Card>
    );
  }
  return (
    <Card title={`${year.year} 年度时间安排`}>
      <ul className="divide-y divide-stone-100">
        {/* The 四个一 due dates are the department's own: its cadres see them on their 四个一 page. */}
        {year.windows
          .filter((window) => !window.kind.startsWith("PRACTICE_"))
          .map((window) => {
            const state = windowState(window, now);
            return (
              <li key={window.kind} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="flex items-center gap-2">
                  {state === "open" ? <Badge tone="green">进行中</Badge> : state === "upcoming" ? <Badge tone="blue">未开始</Badge> : <Badge>已截止</Badge>}
                  <span className="font-medium">{WINDOW_LABELS[window.kind].label}</span>
                </span>
                <span className="text-stone-600">
                  {window.startsAt ? `${formatDateTime(window.startsAt)} 至 ` : "截止 "}
                  {formatDateTime(window.endsAt)}
                  {state === "open" && (
                    <span className="ml-2">
                      <Countdown deadline={window.endsAt.toISOString()} serverNow={now.toISOString()} />
                    </span>
                  )}
                </span>
              </li>
            );
          })}
      </ul>
      <p className="mt-2 text-xs text-stone-500">时间均为北京时间，以服务器时间为准。</p>
    </Card>
  );
}
