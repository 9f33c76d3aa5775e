// A cadre's record of the year (干部实践记录), section by section, as a nomination carries it. Server component.
import type { CadreRecord } from "@/lib/practice/record-rules";
import { NO_CADRE_RECORD } from "@/lib/awards/ranking";

export function CadreRecordView({ record }: { record: CadreRecord }) {
  return (
    <div className="space-y-4" data-testid="cadre-record">
      {record.sections.map((section) => (
        <section key={section.key} aria-label={section.label} className="space-y-2">
          <h3 className="text-sm font-semibold text-stone-700">{section.label}</h3>
          {section.head && section.rows && (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[20rem] text-sm">
                <thead>
                  <tr className="text-left text-stone-500">
                    {section.head.map((h, i) => (
                      <th key={h} className={`py-1 font-normal ${i > 0 ? "text-right" : ""}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {section.rows.map((row) => (
                    <tr key={row.label} className="border-t border-stone-100">
                      <td className="py-1">{row.label}</td>
                      {row.cells.map((cell, i) => (
                        <td key={section.head![i + 1]} className="py-1 text-right">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
            {section.figures.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-stone-500">{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="text-sm">
        实践记录得分：<span className="font-semibold">{record.score === null ? "尚无应交事项，不计分" : `${record.score.toFixed(2)} 分`}</span>
      </p>
      <p className="text-xs text-stone-500">{record.sections.map((s) => s.rule).join(" ")}</p>
    </div>
  );
}

/** A person nominated by name who is not a user of the app. */
export function NoCadreRecord() {
  return (
    <p className="text-sm text-stone-600" data-testid="no-cadre-record">
      {NO_CADRE_RECORD}（被推荐人不是本系统的组工干部用户），综合得分按评委评分计算。
    </p>
  );
}
