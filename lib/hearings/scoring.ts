// Hearing scores: the rubric, validation of one reviewer's sheet, weighted totals, and aggregation across reviewers. Pure.
import { INNOVATION_STANDARDS } from "@/lib/projects/catalog";
import { criterionScoreProblem } from "@/lib/hearings/score-rule";
import { RANK_AGGREGATE_LABELS } from "@/lib/hearings/labels";

/** weight in percent (all weights sum to 100); each criterion is scored 0..max. */
export type Criterion = { key: string; label: string; weight: number; max: number };

/** The five innovation standards, equally weighted, each out of 10. */
export const DEFAULT_RUBRIC: Criterion[] = INNOVATION_STANDARDS.map((s) => ({ key: s.key, label: s.label, weight: 20, max: 10 }));

// Half-up to 2 decimals; the tiny nudge stops 0.285 (stored as 0.28499…) rounding down, and `+ 0` turns -0 into 0.
const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100 + 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stdDev = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
// Below this a standard deviation is floating-point noise (e.g. three equal totals), not a real spread.
const TINY = 1e-9;

export function rubricProblem(rubric: Criterion[]): string | null {
  if (rubric.length === 0) return "评分标准至少包含一项";
  const keys = new Set<string>();
  for (const c of rubric) {
    if (!c.key.trim()) return "评分项标识不能为空";
    if (keys.has(c.key)) return `评分项标识“${c.key}”重复`;
    keys.add(c.key);
    if (!c.label.trim()) return "评分项名称不能为空";
    if (!Number.isFinite(c.weight) || c.weight <= 0) return "各项权重须为正数";
    if (!Number.isInteger(c.max) || c.max < 1 || c.max > 100) return "满分须为 1 至 100 的整数";
  }
  const sum = rubric.reduce((a, c) => a + c.weight, 0);
  return Math.abs(sum - 100) <= 1e-9 ? null : "权重合计须为 100%";
}

export function scoreProblem(rubric: Criterion[], scores: Record<string, number | null | undefined>): string | null {
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === null || s === undefined || Number.isNaN(s)) return `请为“${c.label}”打分`;
    const problem = criterionScoreProblem(c, s);
    if (problem) return problem;
  }
  return null;
}

// Every criterion is rescaled to its weight, so the total is on a 0..100 scale whatever each criterion's max.
export function weightedTotal(rubric: Criterion[], scores: Record<string, number>): number {
  return round2(rubric.reduce((sum, c) => sum + (c.weight * (scores[c.key] ?? 0)) / c.max, 0));
}

export type ScoreRow = { reviewerId: string; proposalId: string; total: number };
export type Aggregate = {
  proposalId: string;
  count: number;
  mean: number;
  trimmedMean: number;
  normalizedMean: number;
  spread: number;
  stdDev: number;
  disagreement: boolean;
};
export const DISAGREEMENT_SPREAD = 20;

/**
 * Why normalise: a lenient reviewer lifts every proposal they happen to score, a harsh one sinks them, and proposals
 * are not all scored by the same reviewers. Each total becomes a z-score within its own reviewer's scores, and the
 * proposal's mean z is mapped back onto the 0..100 scale with the grand mean and spread of all totals.
 */
function zScores(rows: ScoreRow[]): number[] {
  const byReviewer = new Map<string, number[]>();
  for (const r of rows) {
    // Appended in place: copying the reviewer's array on every row was quadratic (96,374 scores of one reviewer).
    const totals = byReviewer.get(r.reviewerId);
    if (totals) totals.push(r.total);
    else byReviewer.set(r.reviewerId, [r.total]);
  }
  const stats = new Map([...byReviewer].map(([id, totals]) => [id, { m: mean(totals), s: stdDev(totals), n: totals.length }]));
  return rows.map((r) => {
    const { m, s, n } = stats.get(r.reviewerId)!;
    return n < 2 || s < TINY ? 0 : (r.total - m) / s;
  });
}

export function aggregate(rows: ScoreRow[], options?: { disagreementSpread?: number }): Aggregate[] {
  const threshold = options?.disagreementSpread ?? DISAGREEMENT_SPREAD;
  const z = zScores(rows);
  const all = rows.map((r) => r.total);
  const grand = all.length ? mean(all) : 0;
  const grandStd = all.length ? stdDev(all) : 0;
  const byProposal = new Map<string, { totals: number[]; z: number[] }>();
  rows.forEach((r, i) => {
    const g = byProposal.get(r.proposalId) ?? { totals: [], z: [] };
    g.totals.push(r.total);
    g.z.push(z[i]);
    byProposal.set(r.proposalId, g);
  });
  return [...byProposal].map(([proposalId, { totals, z: zs }]) => {
    const sorted = [...totals].sort((a, b) => a - b);
    // 去掉一个最高分和一个最低分 only once there are enough scores left to be meaningful.
    const trimmed = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
    // Rounded first, so the flag agrees with the displayed spread (80.1 - 60.1 is 19.999999999999993).
    const spread = round2(sorted[sorted.length - 1] - sorted[0]);
    return {
      proposalId,
      count: totals.length,
      mean: round2(mean(totals)),
      trimmedMean: round2(mean(trimmed)),
      normalizedMean: round2(grandStd < TINY ? grand : grand + grandStd * mean(zs)),
      spread,
      stdDev: round2(stdDev(totals)),
      disagreement: spread >= threshold,
    };
  });
}

// Standard competition ranking (1, 1, 3) on the values as displayed; the stable sort keeps input order within a tie.
/**
 * The order (indexes into `aggregates`, best first) and each one's rank by one aggregate. Each value is rounded once;
 * a tie's rank is carried along in one pass (walking back to each tie's first row was quadratic in the size of a
 * tie: 53,000 proposals on a few thousand distinct values took seconds).
 */
function ranksBy(aggregates: Aggregate[], by: "mean" | "trimmedMean" | "normalizedMean"): { order: number[]; rank: Int32Array } {
  const values = aggregates.map((a) => round2(a[by]));
  const order = values.map((_, i) => i).sort((x, y) => values[y] - values[x] || x - y);
  const rank = new Int32Array(aggregates.length);
  order.forEach((index, position) => {
    rank[index] = position > 0 && values[order[position - 1]] === values[index] ? rank[order[position - 1]] : position + 1;
  });
  return { order, rank };
}

export function rankAggregates(aggregates: Aggregate[], by: "mean" | "trimmedMean" | "normalizedMean"): (Aggregate & { rank: number })[] {
  const { order, rank } = ranksBy(aggregates, by);
  return order.map((index) => ({ ...aggregates[index], rank: rank[index] }));
}

/** The two aggregates the admin may choose to rank by (with the rubric, decision 0075); the other is shown beside it. */
export type RankBy = "trimmedMean" | "normalizedMean";
export const RANK_BY_KEYS = { TRIMMED_MEAN: "trimmedMean", NORMALIZED_MEAN: "normalizedMean" } as const satisfies Record<string, RankBy>;
export const RANK_BY_LABELS: Record<RankBy, string> = {
  trimmedMean: RANK_AGGREGATE_LABELS.TRIMMED_MEAN,
  normalizedMean: RANK_AGGREGATE_LABELS.NORMALIZED_MEAN,
};

export type DualRanked = Aggregate & { rank: number; trimmedRank: number; normalizedRank: number; ranksDiffer: boolean };

/**
 * The ranking by the chosen aggregate, each row also carrying its rank by either aggregate, and whether the two
 * differ: when reviewers use the scale very differently the two orders can come apart, and the 部务会 sees it.
 */
export function rankBoth(aggregates: Aggregate[], by: RankBy): DualRanked[] {
  const trimmed = ranksBy(aggregates, "trimmedMean");
  const normalized = ranksBy(aggregates, "normalizedMean");
  const chosen = by === "trimmedMean" ? trimmed : normalized;
  return chosen.order.map((index) => {
    const trimmedRank = trimmed.rank[index];
    const normalizedRank = normalized.rank[index];
    // Written out, not spread: a spread of 53,000 objects cost a fifth of a second.
    const a = aggregates[index];
    return {
      proposalId: a.proposalId,
      count: a.count,
      mean: a.mean,
      trimmedMean: a.trimmedMean,
      normalizedMean: a.normalizedMean,
      spread: a.spread,
      stdDev: a.stdDev,
      disagreement: a.disagreement,
      rank: chosen.rank[index],
      trimmedRank,
      normalizedRank,
      ranksDiffer: trimmedRank !== normalizedRank,
    };
  });
}

/** The rules as published on the results page, the ranking aggregate named. */
export function scoringRules(by: RankBy): string[] {
  return [
    ...SCORING_RULES,
    `本年度按${RANK_BY_LABELS[by]}排名（随评分标准公布，开始评分后不再更改）；同时列出按${RANK_BY_LABELS[by === "trimmedMean" ? "normalizedMean" : "trimmedMean"]}的名次，两种算法名次不同的项目予以标出，供部务会参考。`,
  ];
}

export const SCORING_RULES: string[] = [
  "每位评审按各项标准打分，按权重折算为百分制总分。",
  "平均分为全部评审总分的算术平均。",
  "评审达到 5 人时，去掉一个最高分和一个最低分后取平均，作为去极值平均分；不足 5 人时等于平均分。",
  "标准化平均分先将每位评审的分数按其本人的平均分和离散程度换算为标准分，再折回百分制，以抵消评审宽严不一的影响。",
  "同一项目最高分与最低分相差 20 分及以上时标记为“分歧较大”，建议复议。",
];
