import { describe, expect, it } from "vitest";
import { nominationProgress, nominationStage } from "@/lib/awards/progress";
import { defenceStage, personBidStage } from "@/lib/topics/bid-stage";

const campaign = { nominationEndsAt: new Date("2026-12-10T15:59:00Z"), announcementEndsAt: new Date("2026-12-24T09:00:00Z") };
const current = (steps: { label: string; status: string }[]) => steps.find((step) => step.status === "current")?.label;

describe("a nomination's step bar", () => {
  it("sits at 已推荐 while the window is open, then follows the campaign's phases", () => {
    const open = nominationProgress("NOMINATED", "NOMINATING");
    expect(open.map((step) => step.label)).toEqual(["已推荐", "评审中", "公示中", "公示期满", "已表彰"]);
    expect(current(open)).toBe("已推荐");
    const announced = nominationProgress("NOMINATED", "ANNOUNCED");
    expect(current(announced)).toBe("公示中");
    expect(announced.slice(0, 2).map((step) => step.status)).toEqual(["done", "done"]);
    expect(current(nominationProgress("NOMINATED", "DECIDED"))).toBe("已表彰");
  });

  it("stops at 已撤回 for a withdrawn nomination", () => {
    const steps = nominationProgress("WITHDRAWN", "SCORING");
    expect(steps.map((step) => step.label)).toEqual(["已撤回"]);
    expect(nominationStage("WITHDRAWN", "SCORING", campaign)).toEqual({});
  });

  it("names the holder and the deadline the holder works to", () => {
    expect(nominationStage("NOMINATED", "NOMINATING", campaign)).toEqual({
      holder: "推荐单位（推荐截止前可以撤回）",
      deadline: { label: "推荐截止", at: campaign.nominationEndsAt },
    });
    expect(nominationStage("NOMINATED", "ANNOUNCED", campaign).deadline).toEqual({ label: "公示截止", at: campaign.announcementEndsAt });
    expect(nominationStage("NOMINATED", "SCORING", campaign)).toEqual({ holder: "评委评分，管理员生成拟表彰名单并公示" });
    expect(nominationStage("NOMINATED", "DECIDED", campaign).holder).toBeUndefined();
  });
});

describe("a person bid's and a defence's stage", () => {
  const closes = new Date("2026-03-10T09:30:00Z");
  const defence = { heldAt: new Date("2026-03-15T01:00:00Z"), place: "县委组织部三楼会议室", closedAt: null };

  it("lets the bidder change or withdraw before the closing instant, with that deadline", () => {
    expect(personBidStage("BID", true, closes, null)).toMatchObject({ next: ["修改投标", "撤回投标"], deadline: { label: "投标截止", at: closes } });
    expect(personBidStage("WITHDRAWN", true, closes, null).next).toEqual(["重新投标"]);
  });

  it("after the closing instant, the admin and then the panel hold it; the bidder has nothing to do", () => {
    expect(personBidStage("BID", false, closes, null)).toEqual({ holder: "管理员安排答辩", next: [] });
    const scoring = personBidStage("BID", false, closes, defence);
    expect(scoring.holder).toContain("评审专家答辩评分");
    expect(scoring.holder).toContain("县委组织部三楼会议室");
    expect(personBidStage("BID", false, closes, { ...defence, closedAt: new Date() }).holder).toBe("管理员依答辩排名评定中标人");
    expect(personBidStage("AWARDED", false, closes, defence)).toEqual({ next: [] });
  });

  it("tells the reviewer to score and the admin to close, then to decide", () => {
    expect(defenceStage(defence, "reviewer")).toMatchObject({ next: ["答辩评分"], deadline: { label: "答辩时间", at: defence.heldAt } });
    expect(defenceStage(defence, "admin").next).toEqual(["安排答辩", "结束评分"]);
    const closed = defenceStage({ ...defence, closedAt: new Date() }, "admin");
    expect(closed).toMatchObject({ next: ["评定中标人"], deadline: undefined });
    expect(defenceStage({ ...defence, closedAt: new Date() }, "reviewer").next).toEqual([]);
  });
});
