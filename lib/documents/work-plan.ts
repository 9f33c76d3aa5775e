// 《组织工作要点》: the year's theme and the plan's tree (一、(一) 1.), each item with its goals and responsible section.
import { buildTree, flatten, itemNumber, planShape } from "@/lib/plan/rules";
import { issuerOf, type Block, type OfficialDoc } from "./model";

export type WorkPlanDoc = {
  theme: string;
  preamble: string | null;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  year: { year: number };
  items: {
    id: string;
    parentId: string | null;
    sortOrder: number;
    title: string;
    goals: string | null;
    kind: { name: string };
    section: { name: string } | null;
  }[];
};

export function workPlanTitle(county: string, year: number) {
  return `${county}${year}年组织工作要点`;
}

export function workPlanDocument(county: string, plan: WorkPlanDoc): OfficialDoc {
  const year = plan.year.year;
  const title = workPlanTitle(county, year);
  const tree = buildTree(plan.items);
  const kindsInOrder = [...new Set(flatten(tree).map((node) => node.kind.name))].map((name) => ({ name }));
  const shape = planShape(
    plan.items.map((item) => ({ ...item, kindName: item.kind.name })),
    kindsInOrder,
  );
  const blocks: Block[] = [
    ...(plan.preamble ? [{ kind: "paragraph" as const, text: plan.preamble }] : []),
    {
      kind: "paragraph",
      text: `${year}年，全${county.slice(-1)}组织工作以${plan.theme}为主题${shape ? `，${shape}` : ""}。具体要点如下：`,
    },
  ];
  const walk = (nodes: typeof tree) => {
    nodes.forEach((node, index) => {
      const numbered = `${itemNumber(node.depth, index)}${node.title}`.trim();
      const meta = node.section ? `责任科室：${node.section.name}` : undefined;
      if (node.depth === 0) {
        blocks.push({ kind: "heading", text: numbered });
        if (node.goals) blocks.push({ kind: "paragraph", text: node.goals });
        if (meta) blocks.push({ kind: "paragraph", text: meta, meta: true });
      } else {
        blocks.push({ kind: "item", title: numbered, paragraphs: node.goals ? [node.goals] : [], meta });
      }
      walk(node.children);
    });
  };
  walk(tree);
  if (plan.items.length === 0) blocks.push({ kind: "paragraph", text: "（尚无条目）" });
  return {
    type: "work-plan",
    id: String(year),
    issuer: issuerOf(county),
    title,
    subtitle: plan.status === "DRAFT" ? "（草拟稿，尚未印发）" : null,
    label: title,
    date: plan.publishedAt,
    fileName: title,
    blocks,
  };
}
