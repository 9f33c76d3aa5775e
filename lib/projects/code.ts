// 项目编号 (立项编号): "2026-017", the year and the order of approval within it across the county (issue 20: lists
// of projects whose titles repeat year after year need something to tell them apart). Pure.

/** The code of the `n`-th project approved in `year`: at least three digits, more when a year has more. */
export function projectCode(year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("n must be a positive integer");
  return `${year}-${String(n).padStart(3, "0")}`;
}

/** The number in a code of the year ("2026-017" → 17), null for any other. */
export function codeNumber(code: string, year: number): number | null {
  const match = /^(\d{4})-(\d{3,})$/.exec(code);
  return match && Number(match[1]) === year ? Number(match[2]) : null;
}

/** The next code of the year after the ones already given. */
export function nextProjectCode(year: number, given: readonly string[]): string {
  const highest = given.reduce((max, code) => Math.max(max, codeNumber(code, year) ?? 0), 0);
  return projectCode(year, highest + 1);
}
