// The work plan's tree rules, pure: building the tree, numbering, reordering among siblings, copying a plan and
// when an item may be removed. Used by the service, the pages, the document and tests/unit/plan.test.ts.

export type FlatItem = { id: string; parentId: string | null; sortOrder: number };

export type TreeNode<T extends FlatItem> = T & { children: TreeNode<T>[]; depth: number };

const bySort = <T extends FlatItem>(a: T, b: T) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id);

/** The items as a tree (siblings by sortOrder); an item whose parent is missing sits at the top. */
export function buildTree<T extends FlatItem>(items: readonly T[]): TreeNode<T>[] {
  const ids = new Set(items.map((item) => item.id));
  const childrenOf = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), item]);
  }
  const grow = (parent: string | null, depth: number, seen: Set<string>): TreeNode<T>[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(bySort)
      .filter((item) => !seen.has(item.id))
      .map((item) => {
        seen.add(item.id);
        return { ...item, depth, children: grow(item.id, depth + 1, seen) };
      });
  return grow(null, 0, new Set());
}

/** The tree in reading order (a parent before its children), each with its depth. */
export function flatten<T extends FlatItem>(tree: readonly TreeNode<T>[]): TreeNode<T>[] {
  return tree.flatMap((node) => [node, ...flatten(node.children)]);
}

/**
 * The sibling order after moving one item up or down: the ids in their new order (each id's new sortOrder is
 * its index × 10). Null when the item cannot move that way (first/last already, or not among the siblings).
 */
export function moveAmong(siblings: readonly FlatItem[], id: string, direction: "up" | "down"): string[] | null {
  const ordered = [...siblings].sort(bySort).map((item) => item.id);
  const index = ordered.indexOf(id);
  if (index < 0) return null;
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= ordered.length) return null;
  [ordered[index], ordered[target]] = [ordered[target], ordered[index]];
  return ordered;
}

/** The sortOrder of a new item placed after its siblings. */
export function nextSortOrder(siblings: readonly { sortOrder: number }[]): number {
  return siblings.reduce((max, item) => Math.max(max, item.sortOrder + 10), 10);
}

/**
 * A copy of a plan's items for another year: new ids from `newId`, each parent before its children, parents
 * remapped, sibling order kept. The programme placements (projects, topics) are not copied: they belong to a year.
 */
export function copyItems<T extends FlatItem>(items: readonly T[], newId: (old: T) => string): (T & { oldId: string })[] {
  const mapping = new Map<string, string>();
  return flatten(buildTree(items)).map((node) => {
    const { children: _children, depth: _depth, ...item } = node;
    const id = newId(item as unknown as T);
    mapping.set(item.id, id);
    return { ...(item as unknown as T), id, oldId: item.id, parentId: item.parentId ? (mapping.get(item.parentId) ?? null) : null };
  });
}

/** Why an item may not be removed, or null: it has items under it, or topics or projects sit under it. */
export function removalProblem(counts: { children: number; projects: number; topics: number }): string | null {
  if (counts.children > 0) return `该条目下还有 ${counts.children} 个子条目，请先删除或调整子条目`;
  if (counts.projects > 0 || counts.topics > 0) {
    const parts = [counts.projects > 0 ? `${counts.projects} 个项目` : "", counts.topics > 0 ? `${counts.topics} 个选题` : ""].filter(Boolean).join("、");
    return `该工程下已归入 ${parts}，请先将其改归其他工程后再删除`;
  }
  return null;
}

const NUMERALS = "一二三四五六七八九十";
function chinese(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? NUMERALS[tens - 1] : ""}十${n % 10 ? NUMERALS[(n % 10) - 1] : ""}`;
}

/** The numbering of official documents by depth: 一、 (一) 1. (1) */
export function itemNumber(depth: number, index: number): string {
  const n = index + 1;
  if (depth === 0) return `${chinese(n)}、`;
  if (depth === 1) return `（${chinese(n)}）`;
  if (depth === 2) return `${n}. `;
  return `（${n}）`;
}

/**
 * The plan's shape in its own words, counted by kind in the kinds' order: 一条主线、三个突破、五项工作、六项工程.
 * Only the items with no items under them count (a 板块 such as "实施六项工程" holds the six and is not one of them).
 */
export function planShape(items: readonly (FlatItem & { kindName: string })[], kinds: readonly { name: string }[]): string {
  const parents = new Set(items.map((item) => item.parentId).filter(Boolean));
  const leaves = items.filter((item) => !parents.has(item.id));
  const counts = kinds.map((kind) => ({ name: kind.name, n: leaves.filter((item) => item.kindName === kind.name).length })).filter((k) => k.n > 0);
  return counts
    .map((k) => `${k.n === 2 ? "两" : chinese(k.n)}${k.name === "主线" ? "条" : k.name === "工作" || k.name === "工程" ? "项" : "个"}${k.name}`)
    .join("、");
}
