import { describe, expect, it } from "vitest";
import { availableTransitions, TRANSITIONS, TRANSITION_NAMES, transitionProblem, type TransitionActor } from "@/lib/projects/states";
import { PROJECT_STATES, type ProjectState } from "@/lib/projects/catalog";
import { proposalProblems, stillMissing } from "@/lib/projects/completeness";
import { proposalFields } from "@/lib/projects/schemas";
import { describeSnapshot } from "@/lib/projects/snapshot";

/** The project's life as the product describes it (docs/modules.md), written out by hand: [transition, from, to, who]. */
const EXPECTED: [string, ProjectState[], ProjectState, TransitionActor[]][] = [
  ["submit", ["DRAFT"], "SUBMITTED", ["unit"]],
  ["withdraw", ["SUBMITTED"], "DRAFT", ["unit"]],
  ["return", ["SUBMITTED"], "RETURNED", ["admin"]],
  ["resubmit", ["RETURNED", "REVISE"], "SUBMITTED", ["unit"]],
  ["schedule", ["SUBMITTED"], "IN_HEARING", ["hearing"]],
  ["unschedule", ["IN_HEARING"], "SUBMITTED", ["hearing"]],
  ["approve", ["IN_HEARING", "SUBMITTED"], "APPROVED", ["hearing"]],
  ["revise", ["IN_HEARING", "SUBMITTED"], "REVISE", ["hearing"]],
  ["reject", ["IN_HEARING", "SUBMITTED"], "REJECTED", ["hearing"]],
  ["start", ["APPROVED"], "IN_PROGRESS", ["unit", "admin"]],
  ["complete", ["IN_PROGRESS"], "COMPLETED", ["unit", "admin"]],
  ["terminate", ["APPROVED", "IN_PROGRESS"], "TERMINATED", ["admin"]],
];
const ACTORS: TransitionActor[] = ["unit", "admin", "hearing"];

describe("project state machine", () => {
  it("has exactly the transitions of the domain", () => {
    expect(TRANSITION_NAMES.sort()).toEqual(EXPECTED.map(([name]) => name).sort());
    for (const [name, from, to] of EXPECTED) {
      const transition = TRANSITIONS[name as keyof typeof TRANSITIONS];
      expect([...transition.from].sort(), name).toEqual([...from].sort());
      expect(transition.to, name).toBe(to);
    }
  });

  it("allows every listed transition and refuses every other state and actor", () => {
    for (const [name, from, , by] of EXPECTED) {
      for (const state of PROJECT_STATES) {
        for (const actor of ACTORS) {
          const problem = transitionProblem(name as never, state, actor);
          const allowed = from.includes(state) && by.includes(actor);
          expect(problem === null, `${name} ${state} ${actor}`).toBe(allowed);
        }
      }
    }
  });

  it("says why a transition is refused", () => {
    expect(transitionProblem("return", "SUBMITTED", "unit")).toBe("无权“退回补充”");
    expect(transitionProblem("withdraw", "IN_HEARING", "unit")).toBe("当前状态不能“撤回”");
    expect(transitionProblem("complete", "APPROVED", "admin")).toBe("当前状态不能“结项”");
  });

  it("offers each role its own buttons", () => {
    expect(availableTransitions("SUBMITTED", ["unit"])).toEqual(["withdraw"]);
    expect(availableTransitions("SUBMITTED", ["admin"])).toEqual(["return"]);
    expect(availableTransitions("IN_PROGRESS", ["unit"])).toEqual(["complete"]);
    expect(availableTransitions("IN_PROGRESS", ["admin"])).toEqual(["complete", "terminate"]);
    expect(availableTransitions("COMPLETED", ["unit", "admin"])).toEqual([]);
    expect(availableTransitions("REJECTED", ["unit", "admin"])).toEqual([]);
  });
});

describe("proposal completeness", () => {
  const complete = proposalFields.parse({
    title: "无职党员设岗定责",
    leaderName: "张三",
    leaderContact: "13800000000",
    category: "PARTY_BUILDING",
    focus: "KEY",
    tier: "FEATURE",
    problem: "无职党员作用发挥不明显",
    innovationKinds: ["WORK"],
    methods: ["ADD"],
    sectorIds: ["sector_rural"],
    goals: "目标",
    measures: "措施",
    expectedResults: "成效",
    inputPeople: "3 人",
    inputMoney: "无",
    selfAssessment: { fit: "是", novelty: "是", design: "是", impact: "是", replicability: "是" },
    milestones: [{ title: "方案", dueDate: "2026-04-30" }],
  });

  it("after a refused submit, each error goes as its field is filled and the count follows", () => {
    const empty = proposalFields.parse({});
    const shown = proposalProblems(empty);
    const count = Object.keys(shown).length;
    const left = stillMissing(shown, proposalProblems({ ...empty, title: "新名称", methods: ["ADD"] }));
    expect(left.title).toBeUndefined();
    expect(left.methods).toBeUndefined();
    expect(Object.keys(left)).toHaveLength(count - 2);
    expect(stillMissing(left, proposalProblems(complete))).toEqual({});
    // A field that was not flagged is not flagged by typing elsewhere before the next submit.
    expect(stillMissing({ title: "请填写项目名称" }, proposalProblems(empty))).toEqual({ title: "请填写项目名称" });
  });

  it("accepts a complete proposal", () => {
    expect(proposalProblems(complete)).toEqual({});
  });

  it("names each missing part next to its field", () => {
    const empty = proposalFields.parse({});
    const problems = proposalProblems(empty);
    expect(problems.title).toBe("请填写项目名称");
    expect(problems.innovationKinds).toBe("请至少选择一种创新类型");
    expect(problems.methods).toBe("请至少选择一种“十个一”方法");
    expect(problems.self_fit).toBe("请对照该项标准自评");
    expect(problems.milestones).toBe("请至少填写一个实施节点");
    expect(problems.inputMaterials).toBeUndefined();
  });

  it("wants each milestone with both its text and a real date", () => {
    expect(proposalProblems({ ...complete, milestones: [{ title: "方案", dueDate: "" }] }).milestones).toBe("第 1 个实施节点须同时填写内容和日期");
    expect(proposalProblems({ ...complete, milestones: [{ title: "方案", dueDate: "2026-02-30" }] }).milestones).toBe("第 1 个实施节点须同时填写内容和日期");
    expect(
      proposalProblems({
        ...complete,
        milestones: [
          { title: "", dueDate: "" },
          { title: "推开", dueDate: "2026-09-30" },
        ],
      }),
    ).toEqual({});
  });

  it("describes a submitted version in the users' words", () => {
    const rows = describeSnapshot({ ...complete, milestones: [{ title: "方案", dueDate: "2026-04-29T16:00:00.000Z" }], attachments: ["方案.pdf"] });
    expect(rows.find((row) => row.label === "类别")?.value).toBe("基层党建");
    expect(rows.find((row) => row.label === "实施节点")?.value).toBe("2026-04-30 方案");
    expect(rows.find((row) => row.label === "“十个一”方法")?.value).toBe("加一加");
  });
});
