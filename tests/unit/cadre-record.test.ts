import { describe, expect, it } from "vitest";
import type { WindowKind } from "@/lib/generated/prisma/enums";
import { defaultDue, dueInDays, SLOTS, todoSlots } from "@/lib/practice/periods";
import {
  LEARNING_RULE,
  learningSection,
  PRACTICE_RULE,
  practiceSection,
  RESEARCH_RULE,
  recordScore,
  researchSection,
  type RecordItem,
} from "@/lib/practice/record-rules";
import { cadreWeight, DEFAULT_WEIGHTS, personScore, rankingRules, weightsProblem, type Weights } from "@/lib/awards/ranking";
import { practiceKindRates } from "@/lib/dashboard/practice-rates";
import { parseBusinessDateTime } from "@/lib/time";

const at = (text: string) => parseBusinessDateTime(text)!;
const dues = new Map<WindowKind, Date>(SLOTS.map((s) => [s.window, defaultDue(2026, s.kind, s.period)]));
const item = (kind: RecordItem["kind"], period: number, status: RecordItem["status"], late = false, title = `${kind}${period}`): RecordItem => ({
  kind,
  period,
  status,
  late,
  title,
});

describe("the 四个一 section of a cadre's record", () => {
  // 2026-12-07: R1–R3 and P1 are due (their due dates passed); R4, P2 and the 典型 are due in January.
  const now = at("2026-12-07 10:00");

  it("counts per kind what is owed, sent on time or late, accepted and outstanding", () => {
    const section = practiceSection(
      [
        item("RESEARCH", 1, "ACCEPTED"),
        item("RESEARCH", 2, "ACCEPTED", true),
        item("RESEARCH", 3, "RETURNED"),
        item("PROBLEM", 1, "SUBMITTED"),
        // Sent early: owed already, and on time.
        item("EXEMPLAR", 1, "ACCEPTED", false, "青石镇“党员中心户”"),
        // A draft of a period not due yet: not owed.
        item("PROBLEM", 2, "DRAFT"),
      ],
      dues,
      now,
    );
    const research = section.kinds.find((k) => k.kind === "RESEARCH")!;
    expect(research).toMatchObject({ due: 3, onTime: 1, late: 1, accepted: 2, outstanding: 1 });
    expect(section.kinds.find((k) => k.kind === "PROBLEM")).toMatchObject({ due: 1, onTime: 1, late: 0, accepted: 0, outstanding: 0 });
    expect(section.kinds.find((k) => k.kind === "EXEMPLAR")).toMatchObject({ due: 1, onTime: 1, accepted: 1 });
    expect(section.exemplars).toEqual(["青石镇“党员中心户”"]);
    expect(section.problemsCracked).toBe(0);
    // Points: R1 1 + R2 0.5 + E 1 = 2.5 of 5 owed.
    expect(section.score).toBe(50);
    expect(section.rows![0]).toEqual({ label: "调研报告", cells: [3, 1, 1, 2, 1] });
  });

  it("has no score when nothing is owed yet, and a missing item counts as outstanding once due", () => {
    expect(practiceSection([], dues, at("2026-02-01 09:00")).score).toBeNull();
    const section = practiceSection([], dues, now);
    expect(section.kinds.map((k) => k.outstanding)).toEqual([3, 1, 0]);
    expect(section.score).toBe(0);
  });

  it("counts the due date itself as passed (as the grid's 逾期)", () => {
    const due = dues.get("PRACTICE_R1")!;
    expect(practiceSection([], dues, due).kinds[0].due).toBe(1);
    expect(practiceSection([], dues, new Date(due.getTime() - 1)).kinds[0].due).toBe(0);
  });
});

describe("the record's score over its sections", () => {
  it("is the weighted mean of the sections that have a score", () => {
    expect(recordScore([{ score: 80, weight: 1 }])).toBe(80);
    expect(
      recordScore([
        { score: 80, weight: 1 },
        { score: 50, weight: 2 },
      ]),
    ).toBe(60);
    expect(
      recordScore([
        { score: 80, weight: 1 },
        { score: null, weight: 3 },
      ]),
    ).toBe(80);
    expect(recordScore([{ score: null, weight: 1 }])).toBeNull();
  });
});

describe("a person's ranking score", () => {
  const weights: Weights = { ...DEFAULT_WEIGHTS, cadre: 30 };

  it("mixes the jury and the cadre's record by the admin's weight", () => {
    expect(personScore(90, 50, weights)).toEqual({ jury: 90, record: 50, weight: 30, score: 78 });
  });

  it("is the jury's alone for a person without a record in the app, or a campaign without the weight", () => {
    expect(personScore(90, null, weights)).toEqual({ jury: 90, record: null, weight: 0, score: 90 });
    const { cadre: _, ...old } = weights;
    expect(cadreWeight(old as Weights)).toBe(0);
    expect(personScore(90, 50, old as Weights).score).toBe(90);
  });

  it("checks the weight and publishes it with the formula", () => {
    expect(weightsProblem(weights)).toBeNull();
    expect(weightsProblem({ ...weights, cadre: 95 })).toContain("0 至 90");
    expect(weightsProblem({ ...weights, cadre: 2.5 })).toContain("0 至 90");
    const rules = rankingRules(weights).join("\n");
    expect(rules).toContain("评委评分 × 70% + 干部实践记录得分 × 30%");
    expect(rules).toContain("无本系统实践记录");
    expect(rankingRules({ ...weights, cadre: 0 }).join("\n")).toContain("创新性人才按评委评分排序。");
  });

  it("publishes every section that counts in the record's score, and the averaging over them", () => {
    const rules = rankingRules(weights);
    for (const rule of [PRACTICE_RULE, RESEARCH_RULE, LEARNING_RULE]) expect(rules).toContain(rule);
    const text = rules.join("\n");
    expect(text).toContain("四个一、调查研究、学习三项中当年已有得分各项的平均");
    expect(text).toContain("当年实践记录尚无得分的");
    expect(text).not.toContain("当年尚无应交事项的，按评委评分");
    // The published averaging is what recordScore does: research and learning count beside 四个一, equally.
    const research = researchSection({ led: 1, member: 0, finished: 1, proposals: 4, adopted: 1, partly: 2, notAdopted: 1, unmarked: 0, rate: 0.5 });
    const learning = learningSection({ sessionsHeld: 10, attended: 8, attendanceRate: 0.8, examsTaken: 2, examsPassed: 1, reflections: 3 });
    expect(research.score).toBe(50);
    expect(learning.score).toBe(65);
    const practice = { score: 80, weight: 1 };
    expect(recordScore([practice, research, learning])).toBe(65);
    // A cadre with nothing owed in 四个一 yet still has a record score from research and learning.
    expect(recordScore([{ score: null, weight: 1 }, research, learning])).toBe(57.5);
    expect(personScore(90, recordScore([{ score: null, weight: 1 }, research]), weights).score).toBe(78);
  });
});

describe("the county's 四个一 rates", () => {
  it("divides the items sent (waiting or accepted) of the due periods by cadres × due periods, per kind", () => {
    const rates = practiceKindRates(
      [
        { kind: "RESEARCH", period: 1, status: "ACCEPTED", late: false, count: 8 },
        { kind: "RESEARCH", period: 2, status: "SUBMITTED", late: true, count: 2 },
        { kind: "RESEARCH", period: 2, status: "RETURNED", late: false, count: 3 },
        // Not due yet: not counted.
        { kind: "RESEARCH", period: 4, status: "SUBMITTED", late: false, count: 5 },
        { kind: "PROBLEM", period: 1, status: "ACCEPTED", late: true, count: 5 },
      ],
      10,
      [
        { kind: "RESEARCH", period: 1 },
        { kind: "RESEARCH", period: 2 },
        { kind: "PROBLEM", period: 1 },
      ],
    );
    expect(rates[0]).toMatchObject({ kind: "RESEARCH", due: 20, done: 10, onTime: 8, accepted: 8, rate: 50 });
    expect(rates[1]).toMatchObject({ kind: "PROBLEM", due: 10, done: 5, onTime: 0, accepted: 5, rate: 50 });
    expect(rates[2]).toMatchObject({ kind: "EXEMPLAR", due: 0, rate: null });
  });
});

describe("a cadre's to-do", () => {
  it("counts down in whole days and counts overdue days from the first minute", () => {
    const due = at("2026-12-10 23:59");
    expect(dueInDays(due, at("2026-12-07 10:00"))).toEqual({ text: "还有 4 天", overdue: false, days: 4 });
    expect(dueInDays(due, at("2026-12-10 23:00")).text).toBe("还有 1 天");
    expect(dueInDays(due, at("2026-12-11 00:00"))).toEqual({ text: "已逾期 1 天", overdue: true, days: 1 });
    expect(dueInDays(due, at("2026-12-13 00:30")).text).toBe("已逾期 3 天");
  });

  it("lists what is open, owed or returned, the earliest due first", () => {
    const slot = (cell: "upcoming" | "due" | "submitted" | "overdue" | "returned" | "accepted", due: string) => ({ cell, due: at(due) });
    const todo = todoSlots([
      slot("accepted", "2026-04-10"),
      slot("due", "2027-01-10"),
      slot("overdue", "2026-10-10"),
      slot("submitted", "2026-07-10"),
      slot("returned", "2026-12-01"),
      slot("upcoming", "2027-01-10"),
    ]);
    expect(todo.map((s) => s.cell)).toEqual(["overdue", "returned", "due"]);
  });
});
