// Assigning hearing reviewers to proposals: unit conflicts of interest and a deterministic, load-balancing auto-assign. Pure.

export type UnitTree = Map<string, string | null>; // unitId -> parentId

/** A reviewer may not review a proposal of their own unit, or of a unit directly above or below theirs in the tree (parent or child). */
export function unitConflict(reviewerUnitId: string, proposalUnitId: string, tree: UnitTree): boolean {
  return reviewerUnitId === proposalUnitId || tree.get(reviewerUnitId) === proposalUnitId || tree.get(proposalUnitId) === reviewerUnitId;
}

export type AssignInput = {
  proposals: { id: string; unitId: string }[];
  reviewers: { id: string; unitId: string }[];
  perProposal: number;
  existing: { proposalId: string; reviewerId: string }[];
  declared: { proposalId: string; reviewerId: string }[];
  tree: UnitTree;
};
export type AssignResult = { added: { proposalId: string; reviewerId: string }[]; short: { proposalId: string; missing: number }[] };

const pair = (proposalId: string, reviewerId: string) => `${proposalId}\u0000${reviewerId}`;

/**
 * Greedy and deterministic: the most constrained proposals (fewest eligible reviewers) are served first so they are not
 * left short by reviewers spent elsewhere; each then takes the least-loaded eligible reviewers, ties in input order.
 */
export function autoAssign(input: AssignInput): AssignResult {
  const perProposal = Math.max(0, Math.floor(input.perProposal));
  const proposals = dedupeFirst(input.proposals);
  const reviewers = dedupeFirst(input.reviewers);
  const declared = new Set(input.declared.map((d) => pair(d.proposalId, d.reviewerId)));
  const on = new Set<string>();
  const count = new Map<string, number>();
  const load = new Map<string, number>();
  const assign = (proposalId: string, reviewerId: string) => {
    on.add(pair(proposalId, reviewerId));
    count.set(proposalId, (count.get(proposalId) ?? 0) + 1);
    load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
  };
  for (const e of input.existing) if (!on.has(pair(e.proposalId, e.reviewerId))) assign(e.proposalId, e.reviewerId);

  const eligible = (p: { id: string; unitId: string }) =>
    reviewers.filter((r) => !unitConflict(r.unitId, p.unitId, input.tree) && !declared.has(pair(p.id, r.id)) && !on.has(pair(p.id, r.id)));
  const order = proposals.map((p, index) => ({ p, index, options: eligible(p).length })).sort((a, b) => a.options - b.options || a.index - b.index);

  const added: AssignResult["added"] = [];
  const missing = new Map<string, number>();
  for (const { p } of order) {
    const need = Math.max(0, perProposal - (count.get(p.id) ?? 0));
    // Array.prototype.sort is stable, so reviewers with equal load stay in input order.
    const picks = eligible(p)
      .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))
      .slice(0, need);
    for (const r of picks) {
      assign(p.id, r.id);
      added.push({ proposalId: p.id, reviewerId: r.id });
    }
    if (picks.length < need) missing.set(p.id, need - picks.length);
  }
  const short = proposals.filter((p) => missing.has(p.id)).map((p) => ({ proposalId: p.id, missing: missing.get(p.id)! }));
  return { added, short };
}

// Keep the first occurrence of each id, so duplicated input cannot produce duplicated assignments.
function dedupeFirst<T extends { id: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    if (seen.has(x.id)) return false;
    seen.add(x.id);
    return true;
  });
}
