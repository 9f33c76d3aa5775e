import { describe, expect, it } from "vitest";
import { cellStatus, defaultDeadline, isLate, laggingMilestones, owesReport, quarterEnd, quarterOf, quarterStart } from "@/lib/reports/quarters";

const bj = (value: string) => new Date(`${value}+08:00`);

describe("quarters in Beijing time", () => {
  it("starts and ends quarters at Beijing midnight", () => {
    expect(quarterStart(2026, 1)).toEqual(bj("2026-01-01T00:00:00"));
    expect(quarterEnd(2026, 1)).toEqual(bj("2026-04-01T00:00:00"));
    expect(quarterEnd(2026, 4)).toEqual(bj("2027-01-01T00:00:00"));
  });

  it("puts an instant in the quarter of its Beijing date, whatever the UTC date says", () => {
    expect(quarterOf(bj("2026-03-31T23:59:59"))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(bj("2026-04-01T00:00:00"))).toEqual({ year: 2026, quarter: 2 });
    // 16:00 UTC on 31 March is already 1 April in Beijing.
    expect(quarterOf(new Date("2026-03-31T16:00:00Z"))).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf(bj("2026-12-31T23:59:59"))).toEqual({ year: 2026, quarter: 4 });
  });

  it("sets the default deadline at the end of the 10th day after the quarter", () => {
    expect(defaultDeadline(2026, 1)).toEqual(bj("2026-04-11T00:00:00"));
    expect(defaultDeadline(2026, 4)).toEqual(bj("2027-01-11T00:00:00"));
  });

  it("counts a submission at the deadline instant as late, a second before as on time", () => {
    const deadline = bj("2026-04-10T23:59:00");
    expect(isLate(new Date(deadline.getTime() - 1000), deadline)).toBe(false);
    expect(isLate(deadline, deadline)).toBe(true);
    expect(isLate(new Date(deadline.getTime() + 1000), deadline)).toBe(true);
  });
});

describe("which quarters owe a report", () => {
  const project = { startedAt: bj("2026-05-06T11:00:00"), endedAt: bj("2026-11-02T11:00:00") };
  it("owes from the quarter it started in to the quarter it ended in", () => {
    expect(owesReport(project, 2026, 1)).toBe(false);
    expect(owesReport(project, 2026, 2)).toBe(true);
    expect(owesReport(project, 2026, 4)).toBe(true);
    expect(owesReport(project, 2027, 1)).toBe(false);
    expect(owesReport({ startedAt: null, endedAt: null }, 2026, 2)).toBe(false);
    expect(owesReport({ startedAt: bj("2025-05-01T00:00:00"), endedAt: null }, 2026, 1)).toBe(true);
  });
});

describe("grid cell status", () => {
  const deadline = bj("2026-04-10T23:59:00");
  const cell = (report: { status: "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED"; late: boolean } | null, now: Date, owed = true) =>
    cellStatus({ owed, report, year: 2026, quarter: 1, deadline }, now);

  it("goes from upcoming to due at the quarter's end and to missing at the deadline", () => {
    expect(cell(null, bj("2026-03-31T23:59:59"))).toBe("upcoming");
    expect(cell(null, bj("2026-04-01T00:00:00"))).toBe("due");
    expect(cell(null, new Date(deadline.getTime() - 1000))).toBe("due");
    expect(cell(null, deadline)).toBe("missing");
    expect(cell({ status: "DRAFT", late: false }, new Date(deadline.getTime() + 1000))).toBe("missing");
  });

  it("shows what happened to a report", () => {
    const later = bj("2026-05-01T00:00:00");
    expect(cell({ status: "SUBMITTED", late: false }, later)).toBe("submitted");
    expect(cell({ status: "SUBMITTED", late: true }, later)).toBe("late");
    expect(cell({ status: "RETURNED", late: false }, later)).toBe("returned");
    expect(cell({ status: "ACCEPTED", late: true }, later)).toBe("accepted");
    expect(cell(null, later, false)).toBe("none");
  });
});

describe("lagging", () => {
  it("flags milestones whose day has passed and that the latest report does not mark done", () => {
    const milestones = [
      { id: "a", dueDate: bj("2026-04-30T00:00:00") },
      { id: "b", dueDate: bj("2026-07-31T00:00:00") },
      { id: "c", dueDate: null },
    ];
    expect(laggingMilestones(milestones, null, bj("2026-04-30T23:59:59"))).toEqual([]);
    expect(laggingMilestones(milestones, null, bj("2026-05-01T00:00:00"))).toEqual(["a"]);
    expect(laggingMilestones(milestones, [{ milestoneId: "a", done: true }], bj("2026-08-02T00:00:00"))).toEqual(["b"]);
  });
});
