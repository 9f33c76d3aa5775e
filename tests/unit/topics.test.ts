import { describe, expect, it } from "vitest";
import { awardProblem, claimProblem, nextSeq, topicCode, topicPhase } from "@/lib/topics/rules";

const CLOSES = new Date("2026-02-28T23:59:00+08:00");
const before = new Date(CLOSES.getTime() - 1000);
const after = new Date(CLOSES.getTime() + 1000);

const topic = (claimMode: "OPEN" | "BIDDING" | "ASSIGNED", extra: Partial<{ status: "DRAFT" | "PUBLISHED" | "WITHDRAWN"; unitIds: string[] }> = {}) => ({
  status: "PUBLISHED" as const,
  claimMode,
  claimClosesAt: CLOSES,
  unitIds: [],
  ...extra,
});

describe("topic codes", () => {
  it("writes year, category letters and a two-digit number", () => {
    expect(topicCode(2012, "PARTY_BUILDING", 3)).toBe("2012-JC-03");
    expect(topicCode(2026, "CADRE", 1)).toBe("2026-GB-01");
    expect(topicCode(2026, "TALENT", 12)).toBe("2026-RC-12");
    expect(topicCode(2026, "SELF_BUILDING", 100)).toBe("2026-ZS-100");
  });

  it("takes one past the highest number ever used, so a withdrawn topic's code is never reused", () => {
    expect(nextSeq([])).toBe(1);
    expect(nextSeq([1, 2, 3])).toBe(4);
    expect(nextSeq([1, 5])).toBe(6);
  });
});

describe("topic phase", () => {
  it("is open until the closing instant and closed from it on", () => {
    expect(topicPhase({ status: "PUBLISHED", claimClosesAt: CLOSES }, before)).toBe("open");
    expect(topicPhase({ status: "PUBLISHED", claimClosesAt: CLOSES }, CLOSES)).toBe("closed");
    expect(topicPhase({ status: "DRAFT", claimClosesAt: CLOSES }, before)).toBe("draft");
    expect(topicPhase({ status: "WITHDRAWN", claimClosesAt: CLOSES }, before)).toBe("withdrawn");
  });
});

describe("claim rules", () => {
  it("lets any unit take up an open topic once, before the closing date", () => {
    expect(claimProblem("take", topic("OPEN"), "u1", null, before)).toBeNull();
    expect(claimProblem("take", topic("OPEN"), "u1", { status: "TAKEN" }, before)).toBe("本单位已认领该选题");
    expect(claimProblem("take", topic("OPEN"), "u1", null, CLOSES)).toMatch(/^认领已于 2026-02-28 23:59 截止$/);
    expect(claimProblem("take", topic("OPEN"), "u1", null, after)).toMatch(/截止/);
  });

  it("refuses claims that do not match the topic's claim mode", () => {
    expect(claimProblem("take", topic("BIDDING"), "u1", null, before)).toBe("该选题的认领方式是“招投标”");
    expect(claimProblem("bid", topic("OPEN"), "u1", null, before)).toBe("该选题的认领方式是“自主认领”");
    expect(claimProblem("accept", topic("OPEN"), "u1", null, before)).toBe("该选题的认领方式是“自主认领”");
  });

  it("refuses drafts and withdrawn topics whatever the date", () => {
    expect(claimProblem("take", topic("OPEN", { status: "DRAFT" }), "u1", null, before)).toBe("该选题尚未发布");
    expect(claimProblem("take", topic("OPEN", { status: "WITHDRAWN" }), "u1", null, before)).toBe("该选题已撤回");
  });

  it("lets a unit revise its own bid until the closing date, never a decided one", () => {
    expect(claimProblem("bid", topic("BIDDING"), "u1", null, before)).toBeNull();
    expect(claimProblem("bid", topic("BIDDING"), "u1", { status: "BID" }, before)).toBeNull();
    expect(claimProblem("bid", topic("BIDDING"), "u1", { status: "BID" }, after)).toMatch(/截止/);
    expect(claimProblem("bid", topic("BIDDING"), "u1", { status: "NOT_AWARDED" }, before)).toBe("该投标已评定，不能再修改");
  });

  it("lets only the named units answer an assignment, once", () => {
    const assigned = topic("ASSIGNED", { unitIds: ["u1"] });
    expect(claimProblem("accept", assigned, "u1", null, before)).toBeNull();
    expect(claimProblem("decline", assigned, "u1", null, before)).toBeNull();
    expect(claimProblem("accept", assigned, "u2", null, before)).toBe("该选题未发包给本单位");
    expect(claimProblem("accept", assigned, "u1", { status: "DECLINED" }, before)).toBe("本单位已答复（不能承接）");
    expect(claimProblem("decline", assigned, "u1", null, after)).toMatch(/截止/);
  });

  it("opens the award only once bidding has closed", () => {
    expect(awardProblem(topic("BIDDING"), before)).toMatch(/^投标截止（2026-02-28 23:59）后才能评标$/);
    expect(awardProblem(topic("BIDDING"), CLOSES)).toBeNull();
    expect(awardProblem(topic("OPEN"), after)).toBe("该选题不是招投标选题");
    expect(awardProblem(topic("BIDDING", { status: "WITHDRAWN" }), after)).toBe("该选题未发布或已撤回");
  });
});
