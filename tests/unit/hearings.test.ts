import { describe, expect, it } from "vitest";
import { autoAssign, unitConflict, type AssignInput, type UnitTree } from "@/lib/hearings/assignment";
import {
  aggregate,
  DEFAULT_RUBRIC,
  DISAGREEMENT_SPREAD,
  rankAggregates,
  rankBoth,
  rubricProblem,
  SCORING_RULES,
  scoreProblem,
  weightedTotal,
  type Aggregate,
  type Criterion,
  type ScoreRow,
} from "@/lib/hearings/scoring";
import { INNOVATION_STANDARDS } from "@/lib/projects/catalog";
import { criterionScoreProblem } from "@/lib/hearings/score-rule";

const sheet = (...values: number[]) => Object.fromEntries(DEFAULT_RUBRIC.map((c, i) => [c.key, values[i]]));
const custom: Criterion[] = [
  { key: "a", label: "甲", weight: 30, max: 10 },
  { key: "b", label: "乙", weight: 30, max: 10 },
  { key: "c", label: "丙", weight: 20, max: 10 },
  { key: "d", label: "丁", weight: 10, max: 10 },
  { key: "e", label: "戊", weight: 10, max: 10 },
];
const row = (reviewerId: string, proposalId: string, total: number): ScoreRow => ({ reviewerId, proposalId, total });
const byId = (aggregates: Aggregate[]) => Object.fromEntries(aggregates.map((a) => [a.proposalId, a]));

describe("rubric", () => {
  it("defaults to the five innovation standards, 20% each, out of 10", () => {
    expect(DEFAULT_RUBRIC.map((c) => c.key)).toEqual(INNOVATION_STANDARDS.map((s) => s.key));
    expect(DEFAULT_RUBRIC.map((c) => c.label)).toEqual(INNOVATION_STANDARDS.map((s) => s.label));
    expect(DEFAULT_RUBRIC.every((c) => c.weight === 20 && c.max === 10)).toBe(true);
    expect(rubricProblem(DEFAULT_RUBRIC)).toBeNull();
    expect(rubricProblem(custom)).toBeNull();
  });

  it("accepts weights that only sum to 100 up to floating-point error", () => {
    const thirds = ["x", "y", "z"].map((key) => ({ key, label: key, weight: 100 / 3, max: 10 }));
    expect(rubricProblem(thirds)).toBeNull();
  });

  it.each<[string, Criterion[], string]>([
    ["empty", [], "评分标准至少包含一项"],
    ["weights sum to 99", [{ ...custom[0], weight: 29 }, ...custom.slice(1)], "权重合计须为 100%"],
    ["weights sum to 101", [{ ...custom[0], weight: 31 }, ...custom.slice(1)], "权重合计须为 100%"],
    ["zero weight", [{ ...custom[0], weight: 0 }, { ...custom[1], weight: 60 }, ...custom.slice(2)], "各项权重须为正数"],
    ["negative weight", [{ ...custom[0], weight: -10 }, { ...custom[1], weight: 70 }, ...custom.slice(2)], "各项权重须为正数"],
    ["fractional max", [{ ...custom[0], max: 7.5 }, ...custom.slice(1)], "满分须为 1 至 100 的整数"],
    ["max 0", [{ ...custom[0], max: 0 }, ...custom.slice(1)], "满分须为 1 至 100 的整数"],
    ["max 101", [{ ...custom[0], max: 101 }, ...custom.slice(1)], "满分须为 1 至 100 的整数"],
    ["duplicate key", [custom[0], { ...custom[1], key: "a" }, ...custom.slice(2)], "评分项标识“a”重复"],
    ["empty key", [{ ...custom[0], key: " " }, ...custom.slice(1)], "评分项标识不能为空"],
    ["empty label", [{ ...custom[0], label: "" }, ...custom.slice(1)], "评分项名称不能为空"],
  ])("%s → %s", (_, rubric, message) => {
    expect(rubricProblem(rubric)).toBe(message);
  });
});

describe("score sheet", () => {
  const first = DEFAULT_RUBRIC[0].label;

  it("accepts whole and one-decimal scores from 0 to max", () => {
    expect(scoreProblem(DEFAULT_RUBRIC, sheet(0, 10, 7.5, 0.3, 9.9))).toBeNull();
  });

  it.each<[string, Record<string, number | null | undefined>, string]>([
    ["missing", { ...sheet(8, 7, 9, 6, 10), fit: undefined }, `请为“${first}”打分`],
    ["null", { ...sheet(8, 7, 9, 6, 10), fit: null }, `请为“${first}”打分`],
    ["NaN", sheet(Number.NaN, 7, 9, 6, 10), `请为“${first}”打分`],
    ["10.5 over max 10", sheet(10.5, 7, 9, 6, 10), `“${first}”的分数须在 0 至 10 之间`],
    ["negative", sheet(-1, 7, 9, 6, 10), `“${first}”的分数须在 0 至 10 之间`],
    ["infinite", sheet(Number.POSITIVE_INFINITY, 7, 9, 6, 10), `“${first}”的分数须在 0 至 10 之间`],
    ["7.25", sheet(7.25, 7, 9, 6, 10), "分数最多保留一位小数"],
  ])("%s → %s", (_, scores, message) => {
    expect(scoreProblem(DEFAULT_RUBRIC, scores)).toBe(message);
  });

  it("checks against each criterion's own max", () => {
    const rubric: Criterion[] = [
      { key: "a", label: "甲", weight: 50, max: 5 },
      { key: "b", label: "乙", weight: 50, max: 20 },
    ];
    expect(scoreProblem(rubric, { a: 5, b: 20 })).toBeNull();
    expect(scoreProblem(rubric, { a: 6, b: 20 })).toBe("“甲”的分数须在 0 至 5 之间");
  });
});

describe("the score sheet's rule is the server's rule (criterionScoreProblem)", () => {
  const criterion = DEFAULT_RUBRIC[0];
  it.each([0, 10, 7.5, 0.3, 9.9, 10.5, -1, 7.25, 15])("%s: the sheet and the server agree", (value) => {
    const sheetOk = criterionScoreProblem(criterion, value) === null;
    const serverOk = scoreProblem([{ ...criterion, weight: 100 }], { [criterion.key]: value }) === null;
    expect(serverOk).toBe(sheetOk);
  });
  it("says the range in the message the field shows", () => {
    expect(criterionScoreProblem({ label: "甲", max: 5 }, 6)).toBe("“甲”的分数须在 0 至 5 之间");
    expect(criterionScoreProblem({ label: "甲", max: 5 }, 4.25)).toBe("分数最多保留一位小数");
  });
});

describe("weightedTotal", () => {
  it("default rubric: 20×(8+7+9+6+10)/10 = 20×40/10 = 80", () => {
    expect(weightedTotal(DEFAULT_RUBRIC, sheet(8, 7, 9, 6, 10))).toBe(80);
  });

  it("custom weights: 30×8/10 + 30×7/10 + 20×9/10 + 10×6/10 + 10×10/10 = 24 + 21 + 18 + 6 + 10 = 79", () => {
    expect(weightedTotal(custom, { a: 8, b: 7, c: 9, d: 6, e: 10 })).toBe(79);
  });

  it("different maxima: 60×4/5 + 40×15/20 = 48 + 30 = 78", () => {
    const rubric: Criterion[] = [
      { key: "a", label: "甲", weight: 60, max: 5 },
      { key: "b", label: "乙", weight: 40, max: 20 },
    ];
    expect(weightedTotal(rubric, { a: 4, b: 15 })).toBe(78);
  });

  it("rounds to 2 decimals: (100/3)×(7+8+8)/10 = 76.666… → 76.67; full marks → 100", () => {
    const thirds = ["x", "y", "z"].map((key) => ({ key, label: key, weight: 100 / 3, max: 10 }));
    expect(weightedTotal(thirds, { x: 7, y: 8, z: 8 })).toBe(76.67);
    expect(weightedTotal(thirds, { x: 10, y: 10, z: 10 })).toBe(100);
    expect(weightedTotal(DEFAULT_RUBRIC, sheet(0, 0, 0, 0, 0))).toBe(0);
  });
});

describe("aggregate", () => {
  it("3 scores [70, 80, 90]: mean 80, no trimming under 5, spread 20 → disagreement at the default 20", () => {
    const [a] = aggregate([row("r1", "p", 70), row("r2", "p", 80), row("r3", "p", 90)]);
    // stdDev = √((10² + 0² + 10²)/3) = √66.67 = 8.1650 → 8.16
    expect(a).toMatchObject({ proposalId: "p", count: 3, mean: 80, trimmedMean: 80, spread: 20, stdDev: 8.16, disagreement: true });
    expect(DISAGREEMENT_SPREAD).toBe(20);
  });

  it("the disagreement threshold is configurable and compares the displayed spread", () => {
    const rows = [row("r1", "p", 70), row("r2", "p", 80), row("r3", "p", 90)];
    expect(aggregate(rows, { disagreementSpread: 20.01 })[0].disagreement).toBe(false);
    // 80.1 − 60.1 is 19.999999999999993 in floating point, displayed as 20.00.
    expect(aggregate([row("r1", "p", 60.1), row("r2", "p", 80.1)])[0]).toMatchObject({ spread: 20, disagreement: true });
    expect(aggregate([row("r1", "p", 60.1), row("r2", "p", 80)])[0]).toMatchObject({ spread: 19.9, disagreement: false });
  });

  it("5 scores [60, 70, 75, 80, 100]: mean 77, trimmed (70+75+80)/3 = 75, spread 40", () => {
    const totals = [80, 60, 100, 75, 70]; // unsorted on purpose
    const [a] = aggregate(totals.map((t, i) => row(`r${i}`, "p", t)));
    // mean = 385/5 = 77; stdDev = √((17² + 7² + 2² + 3² + 23²)/5) = √(880/5) = √176 = 13.2665 → 13.27
    expect(a).toMatchObject({ count: 5, mean: 77, trimmedMean: 75, spread: 40, stdDev: 13.27, disagreement: true });
  });

  it("drops exactly one highest and one lowest even when they repeat: [60, 60, 80, 90, 90] → (60+80+90)/3 = 76.67", () => {
    const [a] = aggregate([60, 60, 80, 90, 90].map((t, i) => row(`r${i}`, "p", t)));
    expect(a.trimmedMean).toBe(76.67);
    expect(a.mean).toBe(76);
  });

  it("returns one aggregate per proposal in order of first appearance", () => {
    const result = aggregate([row("r1", "b", 50), row("r1", "a", 60), row("r2", "b", 70)]);
    expect(result.map((a) => [a.proposalId, a.count, a.mean])).toEqual([
      ["b", 2, 60],
      ["a", 1, 60],
    ]);
    expect(aggregate([])).toEqual([]);
  });
});

describe("normalizedMean", () => {
  it("2 reviewers × 2 proposals, exact value", () => {
    //        P1   P2 | μ_r  σ_r | z(P1) z(P2)
    //   A    90   80 |  85   5  |  +1    −1
    //   B    70   60 |  65   5  |  +1    −1
    // G = (90+80+70+60)/4 = 75; S = √((15² + 5² + 5² + 15²)/4) = √125 = 11.1803
    // P1 = 75 + 11.1803 × (+1+1)/2 = 86.18; P2 = 75 − 11.1803 = 63.82
    const result = byId(aggregate([row("A", "P1", 90), row("A", "P2", 80), row("B", "P1", 70), row("B", "P2", 60)]));
    expect(result.P1.normalizedMean).toBe(86.18);
    expect(result.P2.normalizedMean).toBe(63.82);
  });

  it("corrects a lenient (+10) and a harsh (−10) reviewer who scored different proposals", () => {
    // True quality: P1 70 < P2 75 < P3 80 < P4 85. L adds 10 and scores P1–P3; H subtracts 10 and scores P2–P4.
    //        P1   P2   P3   P4 | μ_r  σ_r = √(50/3) = 4.0825
    //   L    80   85   90   –  |  85   z: −k, 0, +k   with k = 5/4.0825 = √1.5 = 1.2247
    //   H    –    65   70   75 |  70   z: −k, 0, +k
    //  mean  80   75   80   75       ← raw means rank P1 = P3 above P4: wrong
    //  mean z −k  −k/2 +k/2  +k      ← relative judgement: P1 < P2 < P3 < P4
    // G = 465/6 = 77.5; S = √((2.5² + 7.5² + 12.5² + 12.5² + 7.5² + 2.5²)/6) = √(437.5/6) = 8.5391; S×k = 10.4583
    // P1 = 77.5 − 10.4583 = 67.04; P2 = 77.5 − 5.2291 = 72.27; P3 = 82.73; P4 = 87.96
    const rows = [row("L", "P1", 80), row("L", "P2", 85), row("L", "P3", 90), row("H", "P2", 65), row("H", "P3", 70), row("H", "P4", 75)];
    const result = aggregate(rows);
    expect(result.map((a) => a.mean)).toEqual([80, 75, 80, 75]);
    expect(result.map((a) => a.normalizedMean)).toEqual([67.04, 72.27, 82.73, 87.96]);
    expect(rankAggregates(result, "normalizedMean").map((a) => a.proposalId)).toEqual(["P4", "P3", "P2", "P1"]);
    expect(rankAggregates(result, "mean").map((a) => [a.proposalId, a.rank])).toEqual([
      ["P1", 1],
      ["P3", 1],
      ["P2", 3],
      ["P4", 3],
    ]);
  });

  it("a reviewer with a single score contributes z = 0: with no overlap every proposal gets the grand mean", () => {
    // r1 → P1 90, r2 → P2 60; both z = 0; G = 75
    const result = byId(aggregate([row("r1", "P1", 90), row("r2", "P2", 60)]));
    expect(result.P1).toMatchObject({ mean: 90, normalizedMean: 75 });
    expect(result.P2).toMatchObject({ mean: 60, normalizedMean: 75 });
  });

  it("a reviewer who gives everyone the same total (σ = 0) contributes z = 0", () => {
    //        P1   P2 | z(P1) z(P2)
    //   r1   80   80 |  0     0      (σ = 0)
    //   r2   90   70 |  +1    −1     (μ 80, σ 10)
    // G = 80; S = √((0 + 0 + 10² + 10²)/4) = √50 = 7.0711; P1 = 80 + 7.0711 × (0+1)/2 = 83.54; P2 = 76.46
    const result = byId(aggregate([row("r1", "P1", 80), row("r1", "P2", 80), row("r2", "P1", 90), row("r2", "P2", 70)]));
    expect(result.P1.normalizedMean).toBe(83.54);
    expect(result.P2.normalizedMean).toBe(76.46);
  });

  it("equal totals are σ = 0 even when floating point says 1.4e-14", () => {
    // r1 gives 80.1 to P1..P6: (6 × 80.1)/6 ≠ 80.1 in binary, so σ_r1 comes out ≈ 1.4e-14 and a naive z would be ±1.
    // r2: P1 89.7, P2 69.7 → μ 79.7, σ 10, z ±1. G = (480.6 + 159.4)/8 = 80;
    // S = √((6 × 0.1² + 9.7² + 10.3²)/8) = √(200.24/8) = √25.03 = 5.0030
    // P1 = 80 + 5.0030 × (0 + 1)/2 = 82.50; P2 = 77.50; P3..P6 = 80 + S × 0 = 80
    const rows = [1, 2, 3, 4, 5, 6].map((i) => row("r1", `P${i}`, 80.1));
    rows.push(row("r2", "P1", 89.7), row("r2", "P2", 69.7));
    expect(aggregate(rows).map((a) => a.normalizedMean)).toEqual([82.5, 77.5, 80, 80, 80, 80]);
  });

  it("all totals equal (S = 0) gives the grand mean", () => {
    const rows = [row("r1", "P1", 80), row("r1", "P2", 80), row("r2", "P1", 80), row("r2", "P2", 80)];
    expect(aggregate(rows).map((a) => a.normalizedMean)).toEqual([80, 80]);
  });
});

describe("rankAggregates", () => {
  const agg = (proposalId: string, mean: number): Aggregate => ({
    proposalId,
    count: 1,
    mean,
    trimmedMean: mean,
    normalizedMean: mean,
    spread: 0,
    stdDev: 0,
    disagreement: false,
  });

  it("sorts descending; ties share a rank and the next rank skips (1, 1, 3); ties keep input order", () => {
    const input = [agg("c", 70), agg("a", 85), agg("b", 85), agg("d", 90)];
    expect(rankAggregates(input, "mean").map((a) => [a.proposalId, a.rank])).toEqual([
      ["d", 1],
      ["a", 2],
      ["b", 2],
      ["c", 4],
    ]);
    expect(rankAggregates([agg("x", 80), agg("y", 80), agg("z", 79.99)], "trimmedMean").map((a) => a.rank)).toEqual([1, 1, 3]);
    expect(input.map((a) => a.proposalId)).toEqual(["c", "a", "b", "d"]); // not mutated
  });

  it("compares values rounded to 2 decimals", () => {
    expect(rankAggregates([agg("x", 84.999), agg("y", 85)], "normalizedMean").map((a) => [a.proposalId, a.rank])).toEqual([
      ["x", 1],
      ["y", 1],
    ]);
  });

  it("ranks long ties in one pass: every member of a tie shares its first position, the next value skips past it", () => {
    // 2,000 proposals on 4 values, in input order 0..1999 (a tie of 500 each): ranks 1, 501, 1001, 1501.
    const input = Array.from({ length: 2000 }, (_, i) => ({
      ...agg(`p${i}`, 90 - (i % 4) * 5),
      trimmedMean: 90 - (i % 4) * 5,
      normalizedMean: 70 + (i % 4) * 5,
    }));
    const ranked = rankBoth(input, "trimmedMean");
    expect(ranked.map((a) => a.rank).filter((rank, i, all) => all.indexOf(rank) === i)).toEqual([1, 501, 1001, 1501]);
    expect(ranked.slice(0, 3).map((a) => a.proposalId)).toEqual(["p0", "p4", "p8"]); // input order within the tie
    expect(ranked[0]).toMatchObject({ trimmedRank: 1, normalizedRank: 1501, ranksDiffer: true });
    expect(ranked.filter((a) => !a.ranksDiffer)).toHaveLength(0);
    expect(
      rankAggregates(input, "normalizedMean")
        .map((a) => a.rank)
        .filter((rank, i, all) => all.indexOf(rank) === i),
    ).toEqual([1, 501, 1001, 1501]);
  });

  it("has 4–6 display rules", () => {
    expect(SCORING_RULES.length).toBeGreaterThanOrEqual(4);
    expect(SCORING_RULES.length).toBeLessThanOrEqual(6);
  });
});

describe("unitConflict", () => {
  // county ─┬─ bureau ─┬─ office ── team
  //         │          └─ annex
  //         └─ town
  const tree: UnitTree = new Map([
    ["county", null],
    ["bureau", "county"],
    ["office", "bureau"],
    ["annex", "bureau"],
    ["team", "office"],
    ["town", "county"],
  ]);

  it.each([
    ["office", "office", true], // same unit
    ["office", "bureau", true], // proposal of the reviewer's parent
    ["bureau", "office", true], // proposal of the reviewer's child
    ["office", "annex", false], // sibling
    ["office", "county", false], // grandparent
    ["county", "office", false], // grandchild
    ["office", "town", false], // cousin branch
  ])("reviewer %s, proposal %s → %s", (reviewerUnit, proposalUnit, expected) => {
    expect(unitConflict(reviewerUnit, proposalUnit, tree)).toBe(expected);
  });
});

describe("autoAssign", () => {
  // county ── u1..u4 (proposal units), x1..x4 (reviewer units), all siblings under the county.
  const tree: UnitTree = new Map<string, string | null>([
    ["county", null],
    ...["u1", "u2", "u3", "u4", "x1", "x2", "x3", "x4"].map((u) => [u, "county"] as [string, string]),
  ]);
  const base: AssignInput = {
    proposals: [1, 2, 3, 4].map((i) => ({ id: `P${i}`, unitId: `u${i}` })),
    reviewers: [1, 2, 3, 4].map((i) => ({ id: `R${i}`, unitId: `x${i}` })),
    perProposal: 2,
    existing: [],
    declared: [],
    tree,
  };
  const loads = (pairs: { reviewerId: string }[]) => {
    const counts: Record<string, number> = {};
    for (const p of pairs) counts[p.reviewerId] = (counts[p.reviewerId] ?? 0) + 1;
    return counts;
  };
  const perProposal = (pairs: { proposalId: string }[]) => {
    const counts: Record<string, number> = {};
    for (const p of pairs) counts[p.proposalId] = (counts[p.proposalId] ?? 0) + 1;
    return counts;
  };

  it("balances load: 4 proposals × 2 reviewers over 4 reviewers → each reviewer gets exactly 2", () => {
    const { added, short } = autoAssign(base);
    expect(short).toEqual([]);
    expect(added).toHaveLength(8);
    expect(loads(added)).toEqual({ R1: 2, R2: 2, R3: 2, R4: 2 });
    expect(perProposal(added)).toEqual({ P1: 2, P2: 2, P3: 2, P4: 2 });
    // All options equal → input order: P1 R1 R2, P2 R3 R4, P3 R1 R2, P4 R3 R4.
    expect(added.map((a) => `${a.proposalId}-${a.reviewerId}`)).toEqual(["P1-R1", "P1-R2", "P2-R3", "P2-R4", "P3-R1", "P3-R2", "P4-R3", "P4-R4"]);
  });

  it("never assigns a reviewer of the same unit, the parent or a child unit", () => {
    const conflictTree: UnitTree = new Map([
      ["county", null],
      ["bureau", "county"],
      ["office", "bureau"],
      ["team", "office"],
      ["annex", "bureau"],
    ]);
    const { added, short } = autoAssign({
      ...base,
      tree: conflictTree,
      proposals: [{ id: "P", unitId: "office" }],
      reviewers: [
        { id: "same", unitId: "office" },
        { id: "parent", unitId: "bureau" },
        { id: "child", unitId: "team" },
        { id: "sibling", unitId: "annex" },
        { id: "grandparent", unitId: "county" },
      ],
      perProposal: 5,
    });
    expect(added.map((a) => a.reviewerId)).toEqual(["sibling", "grandparent"]);
    expect(short).toEqual([{ proposalId: "P", missing: 3 }]);
  });

  it("never assigns a declared conflict", () => {
    const { added } = autoAssign({ ...base, declared: [{ proposalId: "P1", reviewerId: "R1" }] });
    expect(added.some((a) => a.proposalId === "P1" && a.reviewerId === "R1")).toBe(false);
    expect(perProposal(added)).toEqual({ P1: 2, P2: 2, P3: 2, P4: 2 });
    expect(loads(added)).toEqual({ R1: 2, R2: 2, R3: 2, R4: 2 });
  });

  it("counts existing assignments toward N and toward load, and never repeats them", () => {
    const existing = [
      { proposalId: "P1", reviewerId: "R1" },
      { proposalId: "P1", reviewerId: "R2" }, // P1 already complete
      { proposalId: "P2", reviewerId: "R1" }, // P2 needs one more; R1 now has load 2
    ];
    const { added, short } = autoAssign({ ...base, existing });
    expect(short).toEqual([]);
    expect(added.some((a) => a.proposalId === "P1")).toBe(false);
    expect(added.filter((a) => a.proposalId === "P2")).toHaveLength(1);
    for (const e of existing) expect(added).not.toContainEqual(e);
    expect(loads([...existing, ...added])).toEqual({ R1: 2, R2: 2, R3: 2, R4: 2 });
    expect(new Set(added.map((a) => `${a.proposalId}-${a.reviewerId}`)).size).toBe(added.length);
  });

  it("more existing than N is not negative: nothing added", () => {
    const existing = ["R1", "R2", "R3"].map((reviewerId) => ({ proposalId: "P1", reviewerId }));
    const { added, short } = autoAssign({ ...base, proposals: [base.proposals[0]], existing });
    expect(added).toEqual([]);
    expect(short).toEqual([]);
  });

  it("reports proposals left short when too few reviewers are eligible", () => {
    const { added, short } = autoAssign({
      ...base,
      perProposal: 3,
      reviewers: [
        { id: "R1", unitId: "x1" },
        { id: "R2", unitId: "x2" },
        { id: "R1", unitId: "x1" },
      ], // R1 duplicated
    });
    expect(added).toHaveLength(8);
    expect(short).toEqual(base.proposals.map((p) => ({ proposalId: p.id, missing: 1 })));
  });

  it("serves the proposal with the fewest eligible reviewers first", () => {
    // P1 can take R1 or R2; P2 only R1 (R2 declared). Input order would give R1 to P1, then R1 again to P2.
    const { added } = autoAssign({
      ...base,
      proposals: base.proposals.slice(0, 2),
      reviewers: base.reviewers.slice(0, 2),
      perProposal: 1,
      declared: [{ proposalId: "P2", reviewerId: "R2" }],
    });
    expect(added).toEqual([
      { proposalId: "P2", reviewerId: "R1" },
      { proposalId: "P1", reviewerId: "R2" },
    ]);
  });

  it("is deterministic", () => {
    const input: AssignInput = { ...base, perProposal: 3, declared: [{ proposalId: "P3", reviewerId: "R4" }] };
    const first = autoAssign(input);
    expect(autoAssign(input)).toEqual(first);
    // A fresh copy of the same input (new arrays, new Map) gives the same result.
    const copy: AssignInput = { ...structuredClone({ ...input, tree: undefined }), tree: new Map(input.tree) };
    expect(autoAssign(copy)).toEqual(first);
  });
});
