// One criterion's score rule, shared by the server's check (scoreProblem) and the score sheet's live total, so
// the sheet never shows a total the server refuses (issue 20). Written with zod/mini: it runs in the browser,
// where the classic API would add about 87 kB of compressed script to the scoring sheet (issue 17's 150 kB).
import * as z from "zod/mini";

/** One criterion's score: 0 to its max, at most one decimal. */
export function criterionScoreSchema(criterion: { label: string; max: number }) {
  const range = `“${criterion.label}”的分数须在 0 至 ${criterion.max} 之间`;
  return z.number({ error: range }).check(
    z.gte(0, range),
    z.lte(criterion.max, range),
    // s * 10 is not exact in binary (0.3 * 10 = 3.0000000000000004), so compare with a tolerance.
    z.refine((s) => Math.abs(s * 10 - Math.round(s * 10)) <= 1e-9, "分数最多保留一位小数"),
  );
}
