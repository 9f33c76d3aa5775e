// What a nomination carries: the person's deeds, the project's record for the year, and the ranking's breakdown.
import Link from "next/link";
import type { ProjectRecord } from "@/lib/awards/evidence";
import { CADRE_WEIGHT_LABEL, NO_CADRE_RECORD, WEIGHT_KEYS, WEIGHT_LABELS, type Components, type Weights } from "@/lib/awards/ranking";
import { FINDING_LABELS, RECTIFICATION_LABELS } from "@/lib/inspections/labels";

type Nomination = {
  personName: string | null;
  personTitle: string | null;
  deeds: string | null;
  statement: string;
  ledProjects: { project: { id: string; title: string } }[];
};

export function NominationFacts({ nomination, linkProjects }: { nomination: Nomination; linkProjects: boolean }) {
  return (
    <dl className="space-y-2 text-sm">
      {nomination.personName && (
        <>
          <dt className="font-medium text-stone-500">姓名与职务</dt>
          <dd>
            {nomination.personName}，{nomination.personTitle}
          </dd>
          <dt className="font-medium text-stone-500">主要事迹</dt>
          <dd className="whitespace-pre-wrap">{nomination.deeds}</dd>
          <dt className="font-medium text-stone-500">牵头的创新项目</dt>
          <dd>
            {nomination.ledProjects.length === 0
              ? "—"
              : nomination.ledProjects.map((l, i) => (
                  <span key={l.project.id}>
                    {i > 0 && "、"}
                    {linkProjects ? (
                      <Link href={`/projects/${l.project.id}`} className="link">
                        {l.project.title}
                      </Link>
                    ) : (
                      l.project.title
                    )}
                  </span>
                ))}
          </dd>
        </>
      )}
      <dt className="font-medium text-stone-500">推荐理由</dt>
      <dd className="whitespace-pre-wrap">{nomination.statement}</dd>
    </dl>
  );
}

export function ProjectRecordList({ record }: { record: ProjectRecord }) {
  const findings = record.findings.map((f) => FINDING_LABELS[f]);
  const rect = (Object.keys(record.rectifications) as (keyof typeof record.rectifications)[]).filter((k) => record.rectifications[k] > 0);
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]" aria-label="项目年度记录">
      <dt className="text-stone-500">听证评分</dt>
      <dd>{record.hearingScore === null ? "无听证评分" : `${record.hearingScore.toFixed(2)} 分`}</dd>
      <dt className="text-stone-500">季度报告</dt>
      <dd>
        应报 {record.reportsDue} 次：按时 {record.reportsOnTime}，逾期 {record.reportsLate}，未报 {record.reportsMissing}
      </dd>
      <dt className="text-stone-500">督查结论</dt>
      <dd>{findings.length ? findings.join("、") : "未被督查"}</dd>
      <dt className="text-stone-500">整改</dt>
      <dd>{rect.length ? rect.map((k) => `${RECTIFICATION_LABELS[k]} ${record.rectifications[k]} 项`).join("，") : "无整改事项"}</dd>
      <dt className="text-stone-500">节点完成</dt>
      <dd>
        {record.milestonesDone} / {record.milestonesTotal}
      </dd>
      <dt className="text-stone-500">被借鉴推广</dt>
      <dd>{record.adopters.length ? `${record.adopters.length} 个单位：${record.adopters.join("、")}` : "暂无"}</dd>
    </dl>
  );
}

export function Breakdown({ parts, weights, score }: { parts: Components; weights: Weights; score: number }) {
  return (
    <table className="w-full text-sm" aria-label="综合得分构成">
      <thead>
        <tr className="text-left text-stone-500">
          <th className="py-1 font-normal">项目</th>
          <th className="py-1 text-right font-normal">得分</th>
          <th className="py-1 text-right font-normal">权重</th>
          <th className="py-1 text-right font-normal">折算</th>
        </tr>
      </thead>
      <tbody>
        {WEIGHT_KEYS.map((key) => (
          <tr key={key} className="border-t border-stone-100">
            <td className="py-1">{WEIGHT_LABELS[key]}</td>
            <td className="py-1 text-right">{parts[key].toFixed(2)}</td>
            <td className="py-1 text-right">{weights[key]}%</td>
            <td className="py-1 text-right">{((parts[key] * weights[key]) / 100).toFixed(2)}</td>
          </tr>
        ))}
        <tr className="border-t border-stone-300 font-semibold">
          <td className="py-1">综合得分</td>
          <td colSpan={3} className="py-1 text-right">
            {score.toFixed(2)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** A person's score at the ranking: the jury's mean and, for a cadre with a scored record, the record by its weight. */
export function PersonBreakdown({ parts, score, cadre }: { parts: { jury: number; record: number | null; weight: number }; score: number; cadre: boolean }) {
  const rows: [string, number | null, number][] = [
    ["评委评分（标准化）", parts.jury, 100 - parts.weight],
    [CADRE_WEIGHT_LABEL, parts.record, parts.weight],
  ];
  return (
    <>
      <table className="w-full text-sm" aria-label="综合得分构成">
        <thead>
          <tr className="text-left text-stone-500">
            <th className="py-1 font-normal">项目</th>
            <th className="py-1 text-right font-normal">得分</th>
            <th className="py-1 text-right font-normal">权重</th>
            <th className="py-1 text-right font-normal">折算</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, weight]) => (
            <tr key={label} className="border-t border-stone-100">
              <td className="py-1">{label}</td>
              <td className="py-1 text-right">{value === null ? "—" : value.toFixed(2)}</td>
              <td className="py-1 text-right">{weight}%</td>
              <td className="py-1 text-right">{(((value ?? 0) * weight) / 100).toFixed(2)}</td>
            </tr>
          ))}
          <tr className="border-t border-stone-300 font-semibold">
            <td className="py-1">综合得分</td>
            <td colSpan={3} className="py-1 text-right">
              {score.toFixed(2)}
            </td>
          </tr>
        </tbody>
      </table>
      {parts.record === null && <p className="mt-1 text-xs text-stone-500">{cadre ? "当年实践记录尚无得分，" : `${NO_CADRE_RECORD}，`}按评委评分计。</p>}
    </>
  );
}
