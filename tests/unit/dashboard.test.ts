import { describe, expect, it } from "vitest";
import {
  barLengths,
  bucketQuarter,
  byDeadline,
  combinedRate,
  describeChart,
  formatPercent,
  owedIn,
  percent,
  quarterBounds,
  quarterIndex,
  quarterRate,
  stackSegments,
} from "@/lib/dashboard/rates";
import { owesReport, quarterOf, quarterStart } from "@/lib/reports/quarters";

describe("percent", () => {
  it("rounds to whole percent and has no rate without a whole", () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(1, 0)).toBeNull();
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(73)).toBe("73%");
  });
});

describe("reports owed per quarter", () => {
  it("counts a project in every quarter from its start to its end, as owesReport does", () => {
    const start = quarterStart(2025, 3);
    const end = new Date(quarterStart(2026, 2).getTime() + 5 * 86_400_000);
    const key = (d: Date) => {
      const q = quarterOf(d);
      return quarterIndex(q.year, q.quarter);
    };
    const groups = [
      { startQ: key(start), endQ: key(end), count: 2 },
      { startQ: key(quarterStart(2026, 1)), endQ: null, count: 3 },
    ];
    const project = { startedAt: start, endedAt: end };
    for (const [year, quarter] of [
      [2025, 2],
      [2025, 3],
      [2026, 1],
      [2026, 2],
      [2026, 3],
    ] as const) {
      const fromProject = owesReport(project, year, quarter) ? 2 : 0;
      const running = owesReport({ startedAt: quarterStart(2026, 1), endedAt: null }, year, quarter) ? 3 : 0;
      expect(owedIn(groups, year, quarter), `${year} Q${quarter}`).toBe(fromProject + running);
    }
    expect(owedIn(groups, 2026, 2)).toBe(5);
    expect(owedIn(groups, 2025, 2)).toBe(0);
  });

  it("maps width_bucket over the quarters' first instants back to quarters", () => {
    const bounds = quarterBounds(2025, 2026);
    expect(bounds).toHaveLength(8);
    expect(bounds[4]).toEqual(quarterStart(2026, 1));
    // width_bucket: the number of bounds at or before the instant.
    const bucket = (instant: Date) => bounds.filter((b) => b.getTime() <= instant.getTime()).length;
    for (const instant of [quarterStart(2025, 1), new Date(quarterStart(2025, 3).getTime() - 1), quarterStart(2026, 4), new Date("2026-12-31T15:59:59Z")]) {
      const q = quarterOf(instant);
      expect(bucketQuarter(2025, bucket(instant))).toBe(quarterIndex(q.year, q.quarter));
    }
    expect(bucketQuarter(2025, 0)).toBe(quarterIndex(2024, 4));
  });

  it("orders quarters across years", () => {
    expect(quarterIndex(2026, 1)).toBe(quarterIndex(2025, 4) + 1);
  });
});

describe("on-time rate", () => {
  const deadline = new Date("2026-04-10T15:59:00Z");
  it("counts only once the deadline has passed", () => {
    const before = quarterRate({ year: 2026, quarter: 1, deadline, due: 10, onTime: 4, late: 0 }, new Date(deadline.getTime() - 1000));
    expect(before).toMatchObject({ closed: false, rate: null, missing: 0 });
    const after = quarterRate({ year: 2026, quarter: 1, deadline, due: 10, onTime: 6, late: 3 }, deadline);
    expect(after).toMatchObject({ closed: true, onTime: 6, late: 3, missing: 1, rate: 60 });
  });

  it("never counts more submitted than owed", () => {
    expect(quarterRate({ year: 2026, quarter: 1, deadline, due: 2, onTime: 3, late: 1 }, deadline)).toMatchObject({
      onTime: 2,
      late: 0,
      missing: 0,
      rate: 100,
    });
  });

  it("combines closed quarters only", () => {
    const now = deadline;
    const q1 = quarterRate({ year: 2026, quarter: 1, deadline, due: 10, onTime: 5, late: 0 }, now);
    const q2 = quarterRate({ year: 2026, quarter: 2, deadline: new Date(deadline.getTime() + 1), due: 10, onTime: 0, late: 0 }, now);
    expect(combinedRate([q1, q2])).toEqual({ due: 10, onTime: 5, rate: 50 });
    expect(combinedRate([q2])).toEqual({ due: 0, onTime: 0, rate: null });
  });
});

describe("chart helpers", () => {
  it("scales bars to the largest value and keeps small values visible", () => {
    expect(barLengths([10, 5, 0, 1], 100)).toEqual([100, 50, 0, 10]);
    expect(barLengths([1, 1000], 100)).toEqual([1, 100]);
    expect(barLengths([0, 0], 100)).toEqual([0, 0]);
    expect(barLengths([50, 120], 100, 100)).toEqual([50, 100]);
  });

  it("splits a stacked bar in proportion", () => {
    expect(stackSegments([1, 1, 2], 100)).toEqual([
      { x: 0, width: 25 },
      { x: 25, width: 25 },
      { x: 50, width: 50 },
    ]);
    expect(stackSegments([0, 0], 100)).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 0 },
    ]);
  });

  it("says a chart's numbers in words", () => {
    expect(
      describeChart("项目状态", [
        { label: "实施中", value: 3 },
        { label: "已结项", value: 0 },
      ]),
    ).toBe("项目状态：实施中 3个，已结项 0个");
    expect(describeChart("按时报送率", [{ label: "第一季度", value: 80 }], "%")).toBe("按时报送率：第一季度 80%");
    expect(describeChart("空", [])).toBe("空：暂无数据");
  });

  it("puts the nearest deadline first and none last", () => {
    const items = [
      { deadline: null, id: "c" },
      { deadline: new Date(2), id: "b" },
      { deadline: new Date(1), id: "a" },
    ];
    expect(byDeadline(items).map((i) => i.id)).toEqual(["a", "b", "c"]);
  });
});
