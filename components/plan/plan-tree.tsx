import Link from "next/link";
import type { ReactNode } from "react";
import { itemNumber, type TreeNode } from "@/lib/plan/rules";
import { Badge } from "@/components/ui/page";

export type PlanNode = {
  id: string;
  parentId: string | null;
  sortOrder: number;
  title: string;
  goals: string | null;
  kind: { name: string; programme: boolean };
  section: { name: string } | null;
  _count: { projects: number; topics: number };
};

/**
 * The plan's tree as the county writes it (一、(一) 1. numbering); `controls` adds the admin's buttons under each
 * item; `year` links a programme's counts to the filtered project list (county readers).
 */
export function PlanTree<T extends PlanNode>({
  nodes,
  year,
  controls,
}: {
  nodes: TreeNode<T>[];
  year?: number;
  controls?: (node: TreeNode<T>, index: number, siblings: number) => ReactNode;
}) {
  if (nodes.length === 0) return null;
  return (
    <ol className="space-y-3">
      {nodes.map((node, index) => (
        <li key={node.id} className={node.depth === 0 ? "rounded border border-stone-200 bg-white p-3" : "border-l-2 border-stone-200 pl-3"}>
          <div className="flex flex-wrap items-baseline gap-2">
            <span className={node.depth === 0 ? "font-semibold" : "font-medium"}>
              {itemNumber(node.depth, index)}
              {node.title}
            </span>
            <Badge tone={node.kind.programme ? "blue" : "stone"}>{node.kind.name}</Badge>
            {node.section && <span className="text-xs text-stone-500">责任科室：{node.section.name}</span>}
            {node.kind.programme && year !== undefined && (
              <Link href={`/projects?${new URLSearchParams({ year: String(year), programme: node.id })}`} className="link text-xs">
                {node._count.projects} 个项目
              </Link>
            )}
            {node.kind.programme && year !== undefined && node._count.topics > 0 && <span className="text-xs text-stone-500">{node._count.topics} 个选题</span>}
          </div>
          {node.goals && <p className="mt-1 whitespace-pre-line text-sm text-stone-700">{node.goals}</p>}
          {controls && <div className="mt-2">{controls(node, index, nodes.length)}</div>}
          {node.children.length > 0 && (
            <div className="mt-2">
              <PlanTree nodes={node.children} year={year} controls={controls} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
