// One criterion's score rule, one function for both sides: the server's check of a sheet (scoreProblem, whose
// criteria come from the year's rubric in the database, so no static schema can hold them) and the score sheet's
// live total both call it, so the sheet never shows a total the server refuses (issue 20). Plain code, not zod:
// in the browser even zod/mini added about 22 kB of compressed script to the scoring sheet (issue 17's 150 kB).

/** What is wrong with one criterion's score (0 to its max, at most one decimal), or null when it is valid. */
export function criterionScoreProblem(criterion: { label: string; max: number }, score: unknown): string | null {
  if (typeof score !== "number" || !Number.isFinite(score) || score < 0 || score > criterion.max)
    return `“${criterion.label}”的分数须在 0 至 ${criterion.max} 之间`;
  // s * 10 is not exact in binary (0.3 * 10 = 3.0000000000000004), so compare with a tolerance.
  if (Math.abs(score * 10 - Math.round(score * 10)) > 1e-9) return "分数最多保留一位小数";
  return null;
}
