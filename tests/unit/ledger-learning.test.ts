import { describe, expect, it } from "vitest";
import { daysOverdue, isOverdue, overdueCutoff } from "@/lib/ledger/rules";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { confirmableWhere, keeperWhere, ledgerScope } from "@/lib/ledger/scope";
import { attendanceRate, canSignInNow, formatRate, passed, yearBounds } from "@/lib/learning/rules";
import { readsAllCadres, visibleCadreWhere } from "@/lib/learning/reach";
import { parseBusinessDateTime } from "@/lib/time";

const at = (text: string) => parseBusinessDateTime(text)!;

describe("盘点销号 rules", () => {
  const target = at("2026-06-30");
  it("is overdue from 00:00 Beijing of the day after the target, only while being worked on", () => {
    expect(isOverdue({ status: "OPEN", targetDate: target }, at("2026-06-30T23:59"))).toBe(false);
    expect(isOverdue({ status: "OPEN", targetDate: target }, at("2026-07-01T00:00"))).toBe(true);
    expect(isOverdue({ status: "REOPENED", targetDate: target }, at("2026-07-05"))).toBe(true);
    expect(isOverdue({ status: "PENDING", targetDate: target }, at("2026-07-05"))).toBe(false);
    expect(isOverdue({ status: "CLEARED", targetDate: target }, at("2026-07-05"))).toBe(false);
    expect(daysOverdue({ status: "OPEN", targetDate: target }, at("2026-07-01T08:00"))).toBe(1);
    expect(daysOverdue({ status: "OPEN", targetDate: target }, at("2026-07-03T08:00"))).toBe(3);
    expect(daysOverdue({ status: "OPEN", targetDate: target }, at("2026-06-30T08:00"))).toBe(0);
    // The query's cutoff agrees with the rule.
    expect(target <= overdueCutoff(at("2026-07-01T00:00"))).toBe(true);
    expect(target <= overdueCutoff(at("2026-06-30T23:59"))).toBe(false);
  });

  it("moves 在办 → 待确认销号 → 已销号 → 重新打开 and lets each capacity only its own moves", () => {
    expect(LEDGER_MACHINE.available("OPEN", ["keeper"])).toEqual(["edit", "attach", "request"]);
    expect(LEDGER_MACHINE.available("PENDING", ["keeper"])).toEqual([]);
    expect(LEDGER_MACHINE.available("PENDING", ["confirmer"])).toEqual(["confirm", "reject"]);
    expect(LEDGER_MACHINE.available("CLEARED", ["confirmer"])).toEqual(["reopen"]);
    expect(LEDGER_MACHINE.available("REOPENED", ["keeper"])).toContain("request");
    expect(LEDGER_MACHINE.problem("confirm", "PENDING", "keeper")).toBe("无权“确认销号”");
    expect(() => LEDGER_MACHINE.assert("request", "PENDING", "keeper")).toThrow("该问题已申请销号，无需重复操作");
    expect(LEDGER_MACHINE.progress("REOPENED").map((s) => s.label)).toEqual(["重新打开", "待确认销号", "已销号"]);
  });

  it("scopes reads, keeping and confirming in the where clause", () => {
    const cadre = { id: "c1", roles: ["COUNTY_STAFF"] as const, unit: { type: "SECTION" as const } };
    const clerk = { id: "u1", roles: ["UNIT_USER"] as const, unit: { type: "TOWNSHIP" as const } };
    const admin = { id: "a1", roles: ["COUNTY_ADMIN"] as const, unit: { type: "SECTION" as const } };
    expect(ledgerScope(clerk)).toEqual({ id: "-" });
    expect(keeperWhere(clerk)).toEqual({ id: "-" });
    expect(confirmableWhere(clerk)).toEqual({ id: "-" });
    expect(ledgerScope(admin)).toEqual({});
    expect(ledgerScope(cadre)).toEqual({ OR: [{ ownerId: "c1" }, { createdById: "c1" }, { section: { headId: "c1" } }] });
    expect(confirmableWhere(cadre)).toEqual({ section: { headId: "c1" }, ownerId: { not: "c1" } });
  });
});

describe("组工讲坛 rules", () => {
  it("signs in on the session's Beijing day only", () => {
    expect(canSignInNow(at("2026-03-03T17:00"), at("2026-03-03T08:00"))).toBe(true);
    expect(canSignInNow(at("2026-03-03T17:00"), at("2026-03-03T23:59"))).toBe(true);
    expect(canSignInNow(at("2026-03-03T17:00"), at("2026-03-04T00:00"))).toBe(false);
  });
  it("rates attendance over the sessions held, none when none was held; passes at the pass mark", () => {
    expect(attendanceRate(3, 4)).toBe(0.75);
    expect(attendanceRate(0, 0)).toBeNull();
    expect(formatRate(null)).toBe("—");
    expect(formatRate(2 / 3)).toBe("66.7%");
    expect(passed(60, 60)).toBe(true);
    expect(passed(59, 60)).toBe(false);
    expect(yearBounds(2026).start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });
  it("lets the admin, leaders and staff outside the sections read all cadres; a cadre themselves and, as head, the section", () => {
    expect(readsAllCadres({ id: "l", roles: ["LEADER"], unit: { type: "COUNTY" } })).toBe(true);
    expect(readsAllCadres({ id: "s", roles: ["COUNTY_STAFF"], unit: { type: "DEPARTMENT" } })).toBe(true);
    expect(readsAllCadres({ id: "c", roles: ["COUNTY_STAFF"], unit: { type: "SECTION" } })).toBe(false);
    expect(visibleCadreWhere({ id: "u", roles: ["UNIT_USER"], unit: { type: "TOWNSHIP" } })).toEqual({ id: "-" });
    expect(JSON.stringify(visibleCadreWhere({ id: "c", roles: ["COUNTY_STAFF"], unit: { type: "SECTION" } }))).toContain('{"unit":{"headId":"c"}}');
  });
});
