import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/errors";
import { AUDIT_ACTIONS } from "@/lib/audit/actions-catalog";
import { campaignPhase, STORED_STATUS, storedStatuses } from "@/lib/awards/phase";
import { CAMPAIGN_MACHINE } from "@/lib/awards/states";
import { PROJECT_MACHINE } from "@/lib/projects/states";
import { REPORT_MACHINE } from "@/lib/reports/states";
import { MACHINES, statesMarkdown } from "@/lib/states";
import { defineMachine } from "@/lib/states/machine";
import { stateShades, TONE_SHADES } from "@/lib/states/colors";

describe.each(Object.entries(MACHINES))("the state table of %s", (_kind, machine) => {
  const states = new Set(machine.stateNames);
  const transitions = machine.transitionNames.map((name) => ({ name, ...machine.transitions[name] }));

  it("names only its own states, and puts each state on exactly one step", () => {
    expect(states.has(machine.initial)).toBe(true);
    const onSteps = machine.steps.flat();
    expect([...onSteps].sort()).toEqual([...states].sort());
    for (const t of transitions) {
      for (const from of t.from) expect(states.has(from), `${t.name} from ${from}`).toBe(true);
      if (t.to) expect(states.has(t.to), `${t.name} to ${t.to}`).toBe(true);
      expect(t.by.length, t.name).toBeGreaterThan(0);
    }
  });

  it("reaches every state from the first (or from the others a record may be made in)", () => {
    const reached = new Set([machine.initial, ...(machine.created ?? [])]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of transitions)
        if (t.to && !reached.has(t.to) && t.from.some((s: string) => reached.has(s))) {
          reached.add(t.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...states].sort());
  });

  it("writes a known audit action for every move a person makes", () => {
    for (const t of transitions) {
      if (t.audit) expect(Object.keys(AUDIT_ACTIONS), t.name).toContain(t.audit);
      const byPerson = t.by.some((actor: string) => actor !== "clock");
      if (t.to && byPerson) expect(t.audit, `${t.name} changes the state and must be audited`).toBeTruthy();
      if (!byPerson) expect(t.audit, `${t.name} is made by the clock`).toBeUndefined();
    }
  });

  it("names groups of its own states, each in table order and without repeats", () => {
    for (const name of machine.groupNames) {
      const group = machine.group(name);
      expect(group.length, name).toBeGreaterThan(0);
      expect(
        group.filter((s: string) => !states.has(s)),
        name,
      ).toEqual([]);
      expect(group, `${name} in table order`).toEqual(machine.stateNames.filter((s: string) => group.includes(s)));
      for (const state of states) expect(machine.inGroup(name, state), `${name} ${state}`).toBe(group.includes(state));
    }
    if (machine.created) expect(machine.created.filter((s: string) => !states.has(s) || s === machine.initial)).toEqual([]);
  });

  it("gives every state its label", () => {
    for (const state of states) expect(machine.labels[state]).toBe(machine.label(state));
  });

  it("draws one current step for each state, with the steps before it done", () => {
    for (const state of states) {
      const steps = machine.progress(state);
      const at = steps.findIndex((step) => step.status === "current");
      expect(steps.filter((step) => step.status === "current")).toHaveLength(1);
      expect(steps[at].label).toBe(machine.label(state));
      expect(steps.slice(0, at).every((step) => step.status === "done")).toBe(true);
      expect(steps.slice(at + 1).every((step) => step.status === "todo")).toBe(true);
    }
  });

  it("refuses, with a message for the user, every transition from a state it does not leave", () => {
    for (const t of transitions)
      for (const state of states) {
        const actor = t.by[0];
        if (t.from.includes(state)) expect(() => machine.assert(t.name, state, actor)).not.toThrow();
        else expect(() => machine.assert(t.name, state, actor)).toThrow(ActionError);
      }
  });
});

describe("machines", () => {
  const tiny = defineMachine({
    record: "记录",
    initial: "A",
    states: { A: { label: "甲", tone: "stone" }, B: { label: "乙", tone: "green" }, C: { label: "丙", tone: "red" } },
    steps: [["A"], ["B", "C"]],
    transitions: {
      go: { label: "前进", from: ["A"], to: "B", by: ["owner"], audit: "unit.update" },
      stop: { label: "停止", from: ["A"], to: "C", by: ["boss"], audit: "unit.update", refusal: "只有草稿能停止" },
    },
  });

  it("says who may not and which state does not allow it", () => {
    expect(tiny.problem("go", "A", "boss")).toBe("无权“前进”");
    expect(tiny.problem("go", "B", "owner")).toBe("记录乙，不能“前进”");
    expect(tiny.problem("stop", "B", "boss")).toBe("只有草稿能停止");
    expect(tiny.available("A", ["owner", "boss"])).toEqual(["go", "stop"]);
    expect(tiny.available("B", ["owner", "boss"])).toEqual([]);
  });

  it("shows a detour in the place of its step", () => {
    expect(tiny.progress("C")).toEqual([
      { label: "甲", status: "done", tone: "green" },
      { label: "丙", status: "current", tone: "red" },
    ]);
    expect(REPORT_MACHINE.progress("RETURNED").map((s) => [s.label, s.status])).toEqual([
      ["退回修改", "current"],
      ["已报送", "todo"],
      ["已通过", "todo"],
    ]);
    expect(PROJECT_MACHINE.progress("REJECTED").map((s) => s.status)).toEqual(["done", "done", "done", "current", "todo", "todo"]);
  });

  it("gives a group as a new array each time, so that no caller can change the table", () => {
    const group = PROJECT_MACHINE.group("approvedStage");
    group.push("DRAFT");
    expect(PROJECT_MACHINE.group("approvedStage")).toEqual(["APPROVED", "IN_PROGRESS", "COMPLETED", "TERMINATED"]);
    expect(PROJECT_MACHINE.inGroup("approvedStage", "DRAFT")).toBe(false);
  });

  it("queries a campaign's announced list by the stored statuses of its announced phases", () => {
    expect(storedStatuses("announced")).toEqual(["ANNOUNCED", "DECIDED"]);
    const campaign = {
      nominationStartsAt: new Date("2026-11-01T00:00:00Z"),
      nominationEndsAt: new Date("2026-11-20T00:00:00Z"),
      announcementEndsAt: new Date("2026-12-01T00:00:00Z"),
    };
    for (const now of ["2026-10-01", "2026-11-10", "2026-11-25", "2026-12-05"])
      for (const status of ["OPEN", "ANNOUNCED", "DECIDED"] as const) {
        const phase = campaignPhase({ ...campaign, status }, new Date(`${now}T00:00:00Z`));
        expect(STORED_STATUS[phase], `${status} ${now}`).toBe(status);
      }
  });

  it("colours each project state in a chart distinctly, by its tone", () => {
    const shades = stateShades(PROJECT_MACHINE);
    expect(new Set(Object.values(shades).map((shade) => shade.hex)).size).toBe(PROJECT_MACHINE.stateNames.length);
    for (const state of PROJECT_MACHINE.stateNames) expect(TONE_SHADES[PROJECT_MACHINE.tone(state)]).toContain(shades[state]);
  });

  it("takes a campaign's phase from the clock before the table decides", () => {
    const campaign = {
      status: "OPEN" as const,
      nominationStartsAt: new Date("2026-11-01T00:00:00Z"),
      nominationEndsAt: new Date("2026-11-20T00:00:00Z"),
      announcementEndsAt: null,
    };
    expect(CAMPAIGN_MACHINE.problem("nominate", campaignPhase(campaign, new Date("2026-11-10T00:00:00Z")), "unit")).toBeNull();
    expect(CAMPAIGN_MACHINE.problem("rank", campaignPhase(campaign, new Date("2026-11-10T00:00:00Z")), "admin")).toBe("推荐截止后、公示前才能生成拟表彰名单");
    expect(CAMPAIGN_MACHINE.problem("rank", campaignPhase(campaign, new Date("2026-11-21T00:00:00Z")), "admin")).toBeNull();
  });
});

describe("docs/states.md", () => {
  // Biome pads the tables; compare what the cells say.
  const cells = (text: string) =>
    text
      .split("\n")
      .map((line) =>
        line
          .replace(/\s*\|\s*/g, "|")
          .replace(/-{3,}/g, "---")
          .trimEnd(),
      )
      .join("\n");

  it("is the tables in the code (npx tsx scripts/docs-states.ts writes it)", () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "docs", "states.md"), "utf8");
    expect(cells(file)).toBe(cells(statesMarkdown()));
  });
});
