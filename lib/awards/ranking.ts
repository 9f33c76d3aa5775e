// The published ranking formula of the year-end evaluation, and how the ranking proposes awards within quotas. Pure.
import type { Finding } from "@/lib/generated/prisma/enums";
import { RECORD_RULES } from "@/lib/practice/record-rules";

export const WEIGHT_KEYS = ["jury", "hearing", "reports", "inspection", "milestones", "adoption"] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
/**
 * The work formula's weights (summing to 100), and `cadre`: the share of a 创新性人才's own record (干部实践记录,
 * lib/practice/record-rules.ts) in a person's score, the jury taking the rest. Campaigns opened before it have none (0).
 */
export type Weights = Record<WeightKey, number> & { cadre?: number };

export const WEIGHT_LABELS: Record<WeightKey, string> = {
  jury: "评委评分",
  hearing: "听证评分",
  reports: "季度报告按时率",
  inspection: "督查结论",
  milestones: "节点完成率",
  adoption: "被借鉴推广",
};

export const DEFAULT_WEIGHTS: Weights = { jury: 50, hearing: 15, reports: 10, inspection: 10, milestones: 10, adoption: 5, cadre: 30 };
export const CADRE_WEIGHT_LABEL = "干部实践记录";
export const NO_CADRE_RECORD = "无本系统实践记录";

/** Points for each inspection finding; a project nobody inspected counts as 基本正常. */
export const FINDING_POINTS: Record<Finding, number> = { ON_TRACK: 100, NORMAL: 80, LAGGING: 50, PROBLEM: 30 };
export const UNINSPECTED_POINTS = FINDING_POINTS.NORMAL;
/** Each adopting unit is worth 20 points, up to 100. */
export const POINTS_PER_ADOPTION = 20;

/** The year's record of one project, as carried by its nomination. */
export type Evidence = {
  /** Mean of the reviewers' totals at the project's last hearing (0..100), null if never scored. */
  hearingScore: number | null;
  reportsDue: number;
  reportsOnTime: number;
  findings: Finding[];
  milestonesTotal: number;
  milestonesDone: number;
  /** Other units that adopted the practice during the year. */
  adoptions: number;
};

export type Components = Record<WeightKey, number>;

const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100 + 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each part of the formula on a 0..100 scale; `jury` is the jury's normalised mean (null while unscored counts as 0). */
export function components(evidence: Evidence, jury: number | null): Components {
  return {
    jury: round2(jury ?? 0),
    hearing: round2(evidence.hearingScore ?? 0),
    reports: evidence.reportsDue === 0 ? 100 : round2((100 * evidence.reportsOnTime) / evidence.reportsDue),
    inspection: evidence.findings.length === 0 ? UNINSPECTED_POINTS : round2(mean(evidence.findings.map((f) => FINDING_POINTS[f]))),
    milestones: evidence.milestonesTotal === 0 ? 0 : round2((100 * evidence.milestonesDone) / evidence.milestonesTotal),
    adoption: Math.min(100, evidence.adoptions * POINTS_PER_ADOPTION),
  };
}

export function compositeScore(parts: Components, weights: Weights): number {
  return round2(WEIGHT_KEYS.reduce((sum, key) => sum + (weights[key] * parts[key]) / 100, 0));
}

export function cadreWeight(weights: Weights): number {
  return weights.cadre ?? 0;
}

/** A person's parts and score: the jury's mean, and for a cadre with a scored record the record by its weight. */
export function personScore(
  jury: number | null,
  record: number | null,
  weights: Weights,
): { jury: number; record: number | null; weight: number; score: number } {
  const juryPart = round2(jury ?? 0);
  const weight = record === null ? 0 : cadreWeight(weights);
  return { jury: juryPart, record, weight, score: round2((juryPart * (100 - weight)) / 100 + ((record ?? 0) * weight) / 100) };
}

export function weightsProblem(weights: Weights): string | null {
  for (const key of WEIGHT_KEYS) {
    const w = weights[key];
    if (!Number.isInteger(w) || w < 0 || w > 100) return `“${WEIGHT_LABELS[key]}”的权重须为 0 至 100 的整数`;
  }
  const cadre = cadreWeight(weights);
  if (!Number.isInteger(cadre) || cadre < 0 || cadre > 90) return `创新性人才中“${CADRE_WEIGHT_LABEL}”的权重须为 0 至 90 的整数（评委评分至少占 10%）`;
  if (weights.jury === 0) return "评委评分的权重不能为 0";
  const sum = WEIGHT_KEYS.reduce((a, key) => a + weights[key], 0);
  return sum === 100 ? null : `各项权重合计须为 100%，现为 ${sum}%`;
}

/** The formula in words, as published on the campaign page and to every unit. */
export function rankingRules(weights: Weights): string[] {
  const parts = WEIGHT_KEYS.filter((key) => weights[key] > 0).map((key) => `${WEIGHT_LABELS[key]} × ${weights[key]}%`);
  return [
    `创新性工作综合得分 = ${parts.join(" + ")}，各项均折算为百分制。`,
    "评委评分：每位评委按评分标准打分，本单位及上下级单位的评委和声明回避的评委不参与；按评委本人的宽严程度标准化后取平均（评委达到 5 人时先去掉一个最高分和一个最低分）。",
    "听证评分：项目最近一次听证各评审总分的平均分。",
    "季度报告按时率：当年应报季度中按期报送的比例；无应报季度的计满分。",
    `督查结论：进展顺利 ${FINDING_POINTS.ON_TRACK} 分、基本正常 ${FINDING_POINTS.NORMAL} 分、进展滞后 ${FINDING_POINTS.LAGGING} 分、存在问题 ${FINDING_POINTS.PROBLEM} 分，多次督查取平均；未被督查的按基本正常计。`,
    "节点完成率：最近一次季度报告中已完成的节点占计划节点的比例。",
    `被借鉴推广：当年每有一个其他单位借鉴计 ${POINTS_PER_ADOPTION} 分，最高 100 分。`,
    ...personRules(weights),
    "同一类别和层级内按综合得分从高到低依次确定奖次；得分相同且跨越名额界限的并列者一并列入下一奖次，空出的名额由管理员说明理由后调整。",
  ];
}

function personRules(weights: Weights): string[] {
  const w = cadreWeight(weights);
  if (w === 0) return ["创新性人才按评委评分排序。"];
  return [
    `创新性人才综合得分 = 评委评分 × ${100 - w}% + ${CADRE_WEIGHT_LABEL}得分 × ${w}%（被推荐人为县委组织部组工干部、当年实践记录有得分的）；被推荐人不是本系统用户（${NO_CADRE_RECORD}）或当年实践记录尚无得分的（四个一尚无应交事项、调查研究尚无标记的建议、学习尚无记录），按评委评分 × 100% 计。`,
    ...RECORD_RULES,
  ];
}

export type Tier = { id: string; name: string; quota: number; rank: number };
export type RankedEntry = { id: string; score: number };
export type Allocation = {
  tierOf: Map<string, string | null>;
  /** Tied entries that did not fit in the remaining places of a tier, with the places left there. */
  ties: { ids: string[]; tierName: string; placesLeft: number }[];
};

/** Fills the tiers from the highest, in score order; a tie is never split across tiers (see `rankingRules`). */
export function allocateAwards(entries: RankedEntry[], tiers: Tier[]): Allocation {
  const sortedTiers = [...tiers].sort((a, b) => a.rank - b.rank);
  const left = sortedTiers.map((t) => t.quota);
  const sorted = [...entries].sort((a, b) => round2(b.score) - round2(a.score));
  const groups: RankedEntry[][] = [];
  for (const entry of sorted) {
    const last = groups[groups.length - 1];
    if (last && round2(last[0].score) === round2(entry.score)) last.push(entry);
    else groups.push([entry]);
  }
  const tierOf = new Map<string, string | null>();
  const ties: Allocation["ties"] = [];
  let t = 0;
  for (const group of groups) {
    while (t < sortedTiers.length && left[t] === 0) t++;
    while (t < sortedTiers.length && left[t] < group.length) {
      ties.push({ ids: group.map((e) => e.id), tierName: sortedTiers[t].name, placesLeft: left[t] });
      t++;
    }
    const tier = sortedTiers[t];
    for (const entry of group) tierOf.set(entry.id, tier ? tier.id : null);
    if (tier) left[t] -= group.length;
  }
  return { tierOf, ties };
}
