import { describe, expect, it } from "vitest";
import { defaultDue, isLate, periodEnd, periodStart, practiceCell, SLOTS } from "@/lib/practice/periods";
import { PRACTICE_MACHINE } from "@/lib/practice/states";
import { defaultWindows } from "@/lib/years/windows";
import { parseBusinessDateTime } from "@/lib/time";

const at = (text: string) => parseBusinessDateTime(text)!;

describe("四个一 periods and due dates", () => {
  it("has seven items: four quarterly reports, two half-yearly problems, one yearly exemplar", () => {
    expect(SLOTS.map((s) => `${s.kind}${s.period}`)).toEqual(["RESEARCH1", "RESEARCH2", "RESEARCH3", "RESEARCH4", "PROBLEM1", "PROBLEM2", "EXEMPLAR1"]);
  });

  it("starts and ends each period on Beijing calendar boundaries", () => {
    expect(periodStart(2026, "RESEARCH", 3)).toEqual(at("2026-07-01"));
    expect(periodEnd(2026, "RESEARCH", 4)).toEqual(at("2027-01-01"));
    expect(periodStart(2026, "PROBLEM", 2)).toEqual(at("2026-07-01"));
    expect(periodEnd(2026, "PROBLEM", 1)).toEqual(at("2026-07-01"));
    expect(periodEnd(2026, "EXEMPLAR", 1)).toEqual(at("2027-01-01"));
  });

  it("defaults each due date to 23:59 of the 10th day after the period, the same as the year's default windows", () => {
    expect(defaultDue(2026, "RESEARCH", 1)).toEqual(at("2026-04-10 23:59"));
    expect(defaultDue(2026, "PROBLEM", 2)).toEqual(at("2027-01-10 23:59"));
    const windows = new Map(defaultWindows(2026).map((w) => [w.kind, w.endsAt]));
    for (const slot of SLOTS) expect(windows.get(slot.window)).toEqual(defaultDue(2026, slot.kind, slot.period));
  });
});

describe("四个一 cells", () => {
  const key = { year: 2026, kind: "RESEARCH" as const, period: 2, due: at("2026-07-10 23:59") };
  it("is 未到期 before the period, 待提交 during it up to the due date, 逾期 from the due date on", () => {
    expect(practiceCell({ ...key, item: null }, at("2026-03-31 23:00"))).toBe("upcoming");
    expect(practiceCell({ ...key, item: null }, at("2026-04-01"))).toBe("due");
    expect(practiceCell({ ...key, item: { status: "DRAFT" } }, at("2026-07-10 23:58"))).toBe("due");
    expect(practiceCell({ ...key, item: { status: "DRAFT" } }, at("2026-07-10 23:59"))).toBe("overdue");
    expect(practiceCell({ ...key, item: null }, at("2026-08-01"))).toBe("overdue");
  });

  it("shows the stored state once submitted, whatever the clock", () => {
    const late = at("2026-09-01");
    expect(practiceCell({ ...key, item: { status: "SUBMITTED" } }, late)).toBe("submitted");
    expect(practiceCell({ ...key, item: { status: "RETURNED" } }, late)).toBe("returned");
    expect(practiceCell({ ...key, item: { status: "ACCEPTED" } }, late)).toBe("accepted");
  });

  it("counts a submission at the due instant as late", () => {
    expect(isLate(key.due, key.due)).toBe(true);
    expect(isLate(new Date(key.due.getTime() - 1), key.due)).toBe(false);
  });
});

describe("四个一 state table", () => {
  it("lets the cadre save and submit drafts and returned items only, and the head review submitted ones only", () => {
    expect(PRACTICE_MACHINE.problem("save", "SUBMITTED", "cadre")).toBe("已提交的材料不能修改");
    expect(PRACTICE_MACHINE.problem("submit", "RETURNED", "cadre")).toBeNull();
    expect(PRACTICE_MACHINE.problem("accept", "SUBMITTED", "cadre")).toBe("无权“认可”");
    expect(PRACTICE_MACHINE.problem("accept", "DRAFT", "head")).toBe("只能审核已提交的材料");
    expect(PRACTICE_MACHINE.available("SUBMITTED", ["head"])).toEqual(["accept", "return"]);
    expect(PRACTICE_MACHINE.transitions.return.needs?.field).toBe("comment");
  });
});
