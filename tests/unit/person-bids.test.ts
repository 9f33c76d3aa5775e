import { describe, expect, it } from "vitest";
import { bidderProblem, defenceRanking, personAwardProblem, personBidProblem } from "@/lib/topics/person-rules";
import { PERSON_BID_MACHINE } from "@/lib/topics/states";

const now = new Date("2026-03-01T02:00:00Z");
const topic = { status: "PUBLISHED" as const, claimMode: "BIDDING" as const, claimClosesAt: new Date("2026-03-10T09:30:00Z"), openToPersons: true };

describe("who may bid in their own name", () => {
  it("takes the department's cadres in its sections and the units' cadres", () => {
    expect(bidderProblem({ roles: ["COUNTY_STAFF"], unitType: "SECTION" })).toBeNull();
    expect(bidderProblem({ roles: ["UNIT_USER"], unitType: "TOWNSHIP" })).toBeNull();
    expect(bidderProblem({ roles: ["UNIT_USER"], unitType: "DEPARTMENT" })).toBeNull();
    expect(bidderProblem({ roles: ["COUNTY_STAFF"], unitType: "DEPARTMENT" })).not.toBeNull();
    expect(bidderProblem({ roles: ["REVIEWER"], unitType: "SECTION" })).not.toBeNull();
    expect(bidderProblem({ roles: ["UNIT_USER"], unitType: "COUNTY" })).not.toBeNull();
  });
});

describe("when a person may bid", () => {
  it("only on a published bidding topic open to persons, before the closing instant", () => {
    expect(personBidProblem("bid", topic, null, now)).toBeNull();
    expect(personBidProblem("bid", { ...topic, openToPersons: false }, null, now)).toBe("该选题不接受个人投标");
    expect(personBidProblem("bid", { ...topic, claimMode: "OPEN" }, null, now)).toBe("该选题不接受个人投标");
    expect(personBidProblem("bid", { ...topic, status: "WITHDRAWN" }, null, now)).toBe("该选题已撤回");
    expect(personBidProblem("bid", topic, null, topic.claimClosesAt)).toMatch(/^投标已于/);
    expect(personBidProblem("bid", topic, { status: "AWARDED" }, now)).toBe("该投标已评定，不能再修改");
    expect(personBidProblem("bid", topic, { status: "WITHDRAWN" }, now)).toBeNull();
    expect(personBidProblem("withdraw", topic, { status: "WITHDRAWN" }, now)).toBe("没有可撤回的投标");
    expect(personBidProblem("withdraw", topic, null, now)).toBe("没有可撤回的投标");
  });

  it("defends and awards only once the bidding has closed", () => {
    expect(personAwardProblem(topic, now)).toMatch(/后才能答辩和评定/);
    expect(personAwardProblem(topic, topic.claimClosesAt)).toBeNull();
    expect(personAwardProblem({ ...topic, openToPersons: false }, topic.claimClosesAt)).toBe("该选题不接受个人投标");
  });

  it("lets the bidder revise a withdrawn bid and the admin decide only open ones", () => {
    expect(PERSON_BID_MACHINE.problem("revise", "WITHDRAWN", "bidder")).toBeNull();
    expect(PERSON_BID_MACHINE.problem("award", "WITHDRAWN", "admin")).not.toBeNull();
    expect(PERSON_BID_MACHINE.problem("award", "BID", "bidder")).not.toBeNull();
  });
});

describe("the defence ranking", () => {
  it("ranks bids by the hearing's aggregation, ties sharing a rank", () => {
    const rows = [
      { reviewerId: "r1", bidId: "a", total: 80 },
      { reviewerId: "r2", bidId: "a", total: 90 },
      { reviewerId: "r1", bidId: "b", total: 70 },
      { reviewerId: "r2", bidId: "b", total: 100 },
      { reviewerId: "r1", bidId: "c", total: 60 },
      { reviewerId: "r2", bidId: "c", total: 62 },
    ];
    const ranking = defenceRanking(rows);
    expect(ranking.map((row) => [row.bidId, row.rank, row.mean])).toEqual([
      ["a", 1, 85],
      ["b", 1, 85],
      ["c", 3, 61],
    ]);
    expect(ranking.find((row) => row.bidId === "b")?.disagreement).toBe(true);
  });
});
