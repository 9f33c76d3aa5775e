// The county dashboard's cadre-practice panel (四个一): completion per item kind, who is late, and 采纳率 when the
// research module gives one. The late cadres are named only to readers of every cadre (decision 0089). Foldable (a <details>), so a phone can put it away.
import type { PracticePanelData } from "@/lib/dashboard/practice";
import { PRACTICE_RATE_DEFINITION } from "@/lib/dashboard/practice-rates";
import { formatPercent } from "@/lib/dashboard/rates";

/** 采纳率 of the cadres' research (调查研究课题), filled in by the research module; not shown when absent. */
export type AdoptionFigure = { rate: number | null; hint?: string; href?: string };

export function PracticePanel({ data, adoption }: { data: PracticePanelData; adoption?: AdoptionFigure }) {
  const Y = data.year;
  return (
    <details open className="group rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="practice-panel">
      <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-stone-800">组工干部四个一</h2>
        <span className="text-xs text-stone-500">
          在岗组工干部 {data.cadres} 人 · <span className="group-open:hidden">展开</span>
          <span className="hidden group-open:inline">收起</span>
        </span>
      </summary>
      <div className="mt-3 space-y-3">
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {data.rates.map((r) => (
            <div key={r.kind} className="rounded-md border border-stone-200 p-3">
              <div className="text-2xl font-semibold text-stone-900" data-testid={`practice-rate-${r.kind}`}>
                {r.due === 0 ? "未到期" : formatPercent(r.rate)}
              </div>
              <div className="text-sm text-stone-600">{r.label}完成率</div>
              <div className="text-xs text-stone-500">{r.due === 0 ? "尚无到期事项" : `已交 ${r.done}/${r.due}，按时 ${r.onTime}，已认可 ${r.accepted}`}</div>
            </div>
          ))}
          {adoption && (
            <div className="rounded-md border border-stone-200 p-3" data-testid="adoption-rate">
              <div className="text-2xl font-semibold text-stone-900">
                {adoption.href ? (
                  <a href={adoption.href} className="hover:text-brand-700 hover:underline">
                    {formatPercent(adoption.rate)}
                  </a>
                ) : (
                  formatPercent(adoption.rate)
                )}
              </div>
              <div className="text-sm text-stone-600">调研成果采纳率</div>
              {adoption.hint && <div className="text-xs text-stone-500">{adoption.hint}</div>}
            </div>
          )}
        </div>
        <div>
          <h3 className="text-sm font-medium text-stone-700">
            逾期未交{" "}
            {data.names ? (
              <a href={`/practice/grid?year=${Y}`} className="link" aria-label={`逾期未交的组工干部 ${data.lateTotal}`}>
                {data.lateTotal}
              </a>
            ) : (
              <span data-testid="practice-late-count">{data.lateTotal}</span>
            )}{" "}
            人
          </h3>
          {!data.names ? (
            <p className="text-sm text-stone-600" data-testid="practice-late-nameless">
              逾期人员名单不在此列出，您可在
              <a href={`/practice/grid?year=${Y}`} className="link">
                完成情况
              </a>
              中查看本人（科室负责人为本科室）的情况。
            </p>
          ) : data.lateCadres.length === 0 ? (
            <p className="text-sm text-stone-600">没有逾期未交的事项。</p>
          ) : (
            <ul className="mt-1 divide-y divide-stone-100 text-sm">
              {data.lateCadres.map((c) => (
                <li key={c.id} className="flex flex-wrap justify-between gap-2 py-1.5" data-testid="late-cadre">
                  <a href={`/practice?cadre=${c.id}&year=${Y}`} className="link">
                    {c.name}
                  </a>
                  <span className="text-stone-600">
                    {c.unitName} · 逾期：{c.overdue.join("、")}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {data.names && data.lateTotal > data.lateCadres.length && (
            <p className="mt-1 text-xs text-stone-500">
              仅列出前 {data.lateCadres.length} 人，
              <a href={`/practice/grid?year=${Y}`} className="link">
                查看全部完成情况
              </a>
            </p>
          )}
        </div>
        <p className="text-xs text-stone-500">{PRACTICE_RATE_DEFINITION}</p>
      </div>
    </details>
  );
}
