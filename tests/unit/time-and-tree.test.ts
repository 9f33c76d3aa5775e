import { describe, expect, it } from "vitest";
import { describeCountdown, formatDateTime, parseBusinessDateTime, toDateTimeLocal, endOfBusinessDay } from "@/lib/time";
import { nextUnitCode, parentProblem, unitTypeFromLabel } from "@/lib/units/tree";
import { defaultWindows, windowState } from "@/lib/years/windows";

describe("business time (Asia/Shanghai)", () => {
  it("parses and formats in Beijing time whatever the machine's zone", () => {
    const date = parseBusinessDateTime("2026-03-31T23:59")!;
    expect(date.toISOString()).toBe("2026-03-31T15:59:00.000Z");
    expect(formatDateTime(date)).toBe("2026-03-31 23:59");
    expect(toDateTimeLocal(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01T00:30");
  });
  it("rejects impossible dates", () => {
    expect(parseBusinessDateTime("2026-02-30")).toBeNull();
    expect(parseBusinessDateTime("2026/02/01")).toBeNull();
  });
  it("ends a business day at the next midnight in Beijing", () => {
    expect(endOfBusinessDay("2026-01-01")!.toISOString()).toBe("2026-01-01T16:00:00.000Z");
  });
  it("counts down and flags the last three days", () => {
    const deadline = new Date("2026-04-10T15:59:00Z");
    expect(describeCountdown(deadline, new Date("2026-04-05T15:59:00Z"))).toEqual({ text: "还剩 5 天 0 小时", overdue: false, urgent: false });
    expect(describeCountdown(deadline, new Date("2026-04-10T13:29:00Z")).text).toBe("还剩 2 小时 30 分");
    expect(describeCountdown(deadline, new Date("2026-04-10T13:29:00Z")).urgent).toBe(true);
    expect(describeCountdown(deadline, deadline)).toEqual({ text: "已截止", overdue: true, urgent: false });
  });
  it("puts the default quarterly deadlines on the 10th day after each quarter, Q4 in the next year", () => {
    const windows = defaultWindows(2028);
    const end = (kind: string) => formatDateTime(windows.find((w) => w.kind === kind)!.endsAt);
    expect(end("REPORT_Q1")).toBe("2028-04-10 23:59");
    expect(end("REPORT_Q4")).toBe("2029-01-10 23:59");
    expect(end("TOPIC_CLAIM")).toBe("2028-02-29 23:59");
  });
  it("tells whether a window is open on the server clock", () => {
    const window = { startsAt: new Date("2026-02-01T00:00:00Z"), endsAt: new Date("2026-03-01T00:00:00Z") };
    expect(windowState(window, new Date("2026-01-31T23:59:59Z"))).toBe("upcoming");
    expect(windowState(window, new Date("2026-02-15T00:00:00Z"))).toBe("open");
    expect(windowState(window, new Date("2026-03-01T00:00:00Z"))).toBe("closed");
  });
});

describe("unit tree", () => {
  it("allows townships and departments under the county, sections under a department", () => {
    expect(parentProblem("TOWNSHIP", "COUNTY")).toBeNull();
    expect(parentProblem("SECTION", "DEPARTMENT")).toBeNull();
    expect(parentProblem("COUNTY", null)).toBeNull();
    expect(parentProblem("SECTION", "TOWNSHIP")).toBe("部内科室的上级单位应为县直部门，不能是乡镇");
    expect(parentProblem("TOWNSHIP", null)).toBe("乡镇必须有上级单位（县）");
  });
  it("generates the next free code per type", () => {
    expect(nextUnitCode("TOWNSHIP", ["Z001", "Z009", "B003"])).toBe("Z010");
    expect(nextUnitCode("SECTION", [])).toBe("K001");
  });
  it("reads unit types as the department writes them", () => {
    expect(unitTypeFromLabel("乡镇")).toBe("TOWNSHIP");
    expect(unitTypeFromLabel(" 县直部门 ")).toBe("DEPARTMENT");
    expect(unitTypeFromLabel("街道")).toBe("TOWNSHIP");
    expect(unitTypeFromLabel("村")).toBeNull();
  });
});
