import { describe, expect, it } from "vitest";
import { buildTree, copyItems, flatten, itemNumber, moveAmong, nextSortOrder, planShape, removalProblem } from "@/lib/plan/rules";
import { PLAN_MACHINE } from "@/lib/plan/states";
import { workPlanDocument } from "@/lib/documents/work-plan";
import { documentText } from "@/lib/documents/model";

const item = (id: string, parentId: string | null, sortOrder: number, kindName = "工程") => ({ id, parentId, sortOrder, kindName, title: id });

describe("the plan's tree", () => {
  const items = [
    item("b", null, 20, "板块"),
    item("a", null, 10, "板块"),
    item("a2", "a", 20),
    item("a1", "a", 10),
    item("b1", "b", 10, "突破"),
    item("x", "gone", 5, "主线"),
  ];

  it("nests items under their parents in sibling order; an orphan sits at the top", () => {
    const tree = buildTree(items);
    expect(tree.map((n) => n.id)).toEqual(["x", "a", "b"]);
    expect(tree[1].children.map((n) => n.id)).toEqual(["a1", "a2"]);
    expect(flatten(tree).map((n) => `${n.id}@${n.depth}`)).toEqual(["x@0", "a@0", "a1@1", "a2@1", "b@0", "b1@1"]);
  });

  it("survives a cycle in bad data without looping", () => {
    const tree = buildTree([item("p", "q", 1), item("q", "p", 1), item("r", null, 1)]);
    expect(flatten(tree).map((n) => n.id)).toEqual(["r"]);
  });

  it("moves an item up or down among its siblings only", () => {
    const siblings = [item("a1", "a", 10), item("a2", "a", 20), item("a3", "a", 30)];
    expect(moveAmong(siblings, "a2", "up")).toEqual(["a2", "a1", "a3"]);
    expect(moveAmong(siblings, "a2", "down")).toEqual(["a1", "a3", "a2"]);
    expect(moveAmong(siblings, "a1", "up")).toBeNull();
    expect(moveAmong(siblings, "a3", "down")).toBeNull();
    expect(moveAmong(siblings, "b1", "up")).toBeNull();
    expect(nextSortOrder(siblings)).toBe(40);
    expect(nextSortOrder([])).toBe(10);
  });

  it("copies a plan with new ids, parents before children, parents remapped and order kept", () => {
    let n = 0;
    const copies = copyItems(items.slice(0, 5), () => `new${++n}`);
    expect(copies.map((c) => c.oldId)).toEqual(["a", "a1", "a2", "b", "b1"]);
    const idOf = new Map(copies.map((c) => [c.oldId, c.id]));
    expect(copies.find((c) => c.oldId === "a2")?.parentId).toBe(idOf.get("a"));
    expect(copies.find((c) => c.oldId === "b1")?.parentId).toBe(idOf.get("b"));
    expect(copies.find((c) => c.oldId === "a")?.parentId).toBeNull();
    // Every parent is written before its children.
    const seen = new Set<string>();
    for (const copy of copies) {
      if (copy.parentId) expect(seen.has(copy.parentId)).toBe(true);
      seen.add(copy.id);
    }
    expect(copies.find((c) => c.oldId === "a2")?.sortOrder).toBe(20);
  });

  it("refuses to remove an item with items under it or a programme with topics or projects", () => {
    expect(removalProblem({ children: 0, projects: 0, topics: 0 })).toBeNull();
    expect(removalProblem({ children: 2, projects: 0, topics: 0 })).toBe("该条目下还有 2 个子条目，请先删除或调整子条目");
    expect(removalProblem({ children: 0, projects: 3, topics: 1 })).toBe("该工程下已归入 3 个项目、1 个选题，请先将其改归其他工程后再删除");
    expect(removalProblem({ children: 0, projects: 0, topics: 2 })).toBe("该工程下已归入 2 个选题，请先将其改归其他工程后再删除");
  });

  it("numbers items as official documents do and names the plan's shape from its leaves", () => {
    expect([itemNumber(0, 0), itemNumber(0, 10), itemNumber(1, 2), itemNumber(2, 0), itemNumber(3, 1)]).toEqual(["一、", "十一、", "（三）", "1. ", "（2）"]);
    const plan = [
      item("p1", null, 1, "板块"),
      item("line", "p1", 1, "主线"),
      item("p2", null, 2, "板块"),
      ...[1, 2, 3].map((i) => item(`t${i}`, "p2", i, "突破")),
      item("p3", null, 3, "板块"),
      ...[1, 2, 3, 4, 5].map((i) => item(`w${i}`, "p3", i, "工作")),
      item("p4", null, 4, "板块"),
      ...[1, 2, 3, 4, 5, 6].map((i) => item(`g${i}`, "p4", i, "工程")),
    ];
    const kinds = ["板块", "主线", "突破", "工作", "工程"].map((name) => ({ name }));
    expect(planShape(plan, kinds)).toBe("一条主线、三个突破、五项工作、六项工程");
    expect(planShape([item("a", null, 1, "突破"), item("b", null, 2, "突破")], kinds)).toBe("两个突破");
  });
});

describe("the plan's states", () => {
  it("publishes a draft, withdraws a published plan, and lets the admin edit both", () => {
    expect(PLAN_MACHINE.problem("publish", "DRAFT", "admin")).toBeNull();
    expect(PLAN_MACHINE.problem("publish", "PUBLISHED", "admin")).toBe("工作要点已印发，无需重复操作");
    expect(PLAN_MACHINE.problem("withdraw", "DRAFT", "admin")).toBe("工作要点尚未印发");
    expect(PLAN_MACHINE.problem("edit", "PUBLISHED", "admin")).toBeNull();
    expect(PLAN_MACHINE.progress("PUBLISHED").map((s) => s.status)).toEqual(["done", "current"]);
  });
});

describe("《组织工作要点》", () => {
  it("prints the theme, the shape and the tree with goals and responsible sections", () => {
    const node = (
      id: string,
      parentId: string | null,
      sortOrder: number,
      kind: string,
      title: string,
      goals: string | null = null,
      section: string | null = null,
    ) => ({
      id,
      parentId,
      sortOrder,
      title,
      goals,
      kind: { name: kind },
      section: section ? { name: section } : null,
    });
    const doc = workPlanDocument("明德县", {
      theme: "组织工作“创新发展年”",
      preamble: null,
      status: "DRAFT",
      publishedAt: null,
      year: { year: 2026 },
      items: [
        node("p", null, 10, "板块", "实施六项工程"),
        node("g1", "p", 10, "工程", "素质提升工程", "轮训书记一遍", "党员教育中心"),
        node("g2", "p", 20, "工程", "信息畅通工程"),
        node("line", null, 5, "主线", "开展“创新发展年”活动"),
      ],
    });
    const text = documentText(doc);
    expect(doc.title).toBe("明德县2026年组织工作要点");
    expect(doc.subtitle).toBe("（草拟稿，尚未印发）");
    expect(text).toContain("2026年，全县组织工作以组织工作“创新发展年”为主题，一条主线、两项工程。");
    expect(text.indexOf("一、开展“创新发展年”活动")).toBeLessThan(text.indexOf("二、实施六项工程"));
    expect(text).toContain("（一）素质提升工程\n轮训书记一遍\n责任科室：党员教育中心");
    expect(text).toContain("（二）信息畅通工程");
  });
});
