import { describe, expect, it } from "vitest";
import { bidsSection, ledgerSection, learningSection, recordScore, researchSection } from "@/lib/practice/record-rules";

const research = { led: 1, member: 1, finished: 1, proposals: 5, adopted: 2, partly: 1, notAdopted: 1, unmarked: 1, rate: 0.75 };

describe("the other sections of a cadre's record", () => {
  it("scores research by the marked proposals: adopted 1, partly 0.5", () => {
    const section = researchSection(research);
    expect(section.score).toBe(62.5);
    expect(section.figures.find((f) => f.label === "采纳率")?.value).toBe("75%");
    expect(researchSection({ ...research, adopted: 0, partly: 0, notAdopted: 0, unmarked: 5, rate: null }).score).toBeNull();
  });

  it("scores learning as the mean of attendance and exams passed, either alone when the other is missing", () => {
    const base = { sessionsHeld: 10, attended: 8, attendanceRate: 0.8, examsTaken: 2, examsPassed: 1, reflections: 3 };
    expect(learningSection(base).score).toBe(65);
    expect(learningSection({ ...base, examsTaken: 0, examsPassed: 0 }).score).toBe(80);
    expect(learningSection({ ...base, sessionsHeld: 0, attended: 0, attendanceRate: null }).score).toBe(50);
    expect(learningSection({ sessionsHeld: 0, attended: 0, attendanceRate: null, examsTaken: 0, examsPassed: 0, reflections: 2 }).score).toBeNull();
  });

  it("shows the ledger and the bids without a score, so they do not move the record's", () => {
    const sections = [
      { score: 80, weight: 1 },
      researchSection(research),
      ledgerSection({ owned: 3, open: 1, overdue: 1, clearedInYear: 2 }),
      bidsSection([{ code: "2026-01", title: "某选题" }], 2),
    ];
    expect(recordScore(sections)).toBe(71.25);
    expect(bidsSection([{ code: "2026-01", title: "某选题" }], 2).figures[1].value).toBe("2026-01 某选题");
    expect(ledgerSection({ owned: 3, open: 1, overdue: 1, clearedInYear: 2 }).score).toBeNull();
  });
});
