// 采纳率 and the tallies behind it. Pure: used by queries, pages, the Excel export and the unit tests.
import type { ProposalMark } from "@/lib/generated/prisma/enums";

export const MARK_LABELS: Record<ProposalMark, string> = { ADOPTED: "采纳", PARTLY: "部分采纳", NOT_ADOPTED: "未采纳" };
export const MARK_TONES: Record<ProposalMark, "green" | "blue" | "stone"> = { ADOPTED: "green", PARTLY: "blue", NOT_ADOPTED: "stone" };

export type MarkTally = {
  /** Proposals in submitted reports (报告已交 or 已结题). */
  proposals: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  /** Not marked yet. */
  unmarked: number;
};

export function tallyMarks(marks: readonly (ProposalMark | null)[]): MarkTally {
  const tally: MarkTally = { proposals: marks.length, adopted: 0, partly: 0, notAdopted: 0, unmarked: 0 };
  for (const mark of marks) {
    if (mark === "ADOPTED") tally.adopted++;
    else if (mark === "PARTLY") tally.partly++;
    else if (mark === "NOT_ADOPTED") tally.notAdopted++;
    else tally.unmarked++;
  }
  return tally;
}

export function addTallies(a: MarkTally, b: MarkTally): MarkTally {
  return {
    proposals: a.proposals + b.proposals,
    adopted: a.adopted + b.adopted,
    partly: a.partly + b.partly,
    notAdopted: a.notAdopted + b.notAdopted,
    unmarked: a.unmarked + b.unmarked,
  };
}

export const EMPTY_TALLY: MarkTally = { proposals: 0, adopted: 0, partly: 0, notAdopted: 0, unmarked: 0 };

/**
 * 采纳率 (decision 0051): proposals adopted in full or in part, over the proposals the leaders have marked; an
 * unmarked proposal is not yet decided and counts neither way. null when nothing is marked (shown as —).
 */
export function adoptionRate(tally: Pick<MarkTally, "adopted" | "partly" | "notAdopted">): number | null {
  const marked = tally.adopted + tally.partly + tally.notAdopted;
  return marked === 0 ? null : (tally.adopted + tally.partly) / marked;
}

/** 66.7%, or — when nothing is marked. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The proposals a report form sends: one per line of text, blank ones dropped, at most 20. */
export function proposalLines(texts: readonly string[]): string[] {
  return texts.map((text) => text.trim()).filter(Boolean);
}
