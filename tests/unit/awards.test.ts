import { describe, expect, it } from "vitest";
import { announcementDays, announcementEnd, workingDaysLeft } from "@/lib/awards/workdays";
import { makeCalendar, nationalCalendarCovers, nationalDay } from "@/lib/calendar/workdays";
import { allocateAwards, components, compositeScore, DEFAULT_WEIGHTS, weightsProblem, type Evidence } from "@/lib/awards/ranking";
import { formatDateTime } from "@/lib/time";
import { defaultNominationPeriod, endOfDay, newCampaignValues } from "@/lib/awards/form-values";

const at = (s: string) => new Date(`${s}+08:00`);
const national = makeCalendar();

describe("working days of the announcement period", () => {
  it("follows the national calendar: weekends, 法定节假日 and 调休 working weekends", () => {
    expect(national.isWorkingDay("2026-12-04")).toBe(true); // Friday
    expect(national.isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(national.isWorkingDay("2026-12-06")).toBe(false); // Sunday
    expect(national.day("2026-10-05")).toMatchObject({ working: false, reason: "holiday", label: "国庆节" }); // a Monday
    expect(national.day("2026-10-10")).toMatchObject({ working: true, reason: "makeup", label: "调休上班（国庆节）" }); // a Saturday
    expect(nationalDay("2026-02-14")).toMatchObject({ working: true, reason: "makeup" }); // 春节 make-up Saturday
    expect(nationalCalendarCovers(2026)).toBe(true);
  });

  it("lets the county's local days override the national calendar", () => {
    const local = makeCalendar([
      { date: "2026-12-07", working: false, note: "县庆" },
      { date: "2026-10-03", working: true, note: "防汛值守" },
    ]);
    expect(local.day("2026-12-07")).toMatchObject({ working: false, reason: "local-off", label: "本地休息日（县庆）" });
    expect(local.day("2026-10-03")).toMatchObject({ working: true, reason: "local-work" });
    expect(local.isWorkingDay("2026-12-08")).toBe(true);
  });

  it("counts a 调休 Saturday and skips the holiday week", () => {
    // Published Wed 2026-09-30: 10-01..10-07 国庆节 off, Thu 10-08, Fri 10-09, Sat 10-10 (调休上班) count.
    const end = announcementEnd(at("2026-09-30T10:00:00"), 3, national);
    expect(formatDateTime(end)).toBe("2026-10-11 00:00");
    const days = announcementDays(at("2026-09-30T10:00:00"), end, national);
    expect(days.filter((d) => d.working).map((d) => d.date)).toEqual(["2026-10-08", "2026-10-09", "2026-10-10"]);
    expect(days[0]).toMatchObject({ date: "2026-10-01", working: false, label: "国庆节" });
    // The old weekday-only count would have ended on 10-06.
  });

  it("starts counting the day after publication and ends at midnight after the last working day", () => {
    // Published Monday 2026-11-30 10:00: Tue..Fri are 4 days, Monday 12-07 the 5th.
    expect(formatDateTime(announcementEnd(at("2026-11-30T10:00:00"), 5, national))).toBe("2026-12-08 00:00");
    // Published on a Friday: the weekend does not count.
    expect(formatDateTime(announcementEnd(at("2026-12-04T16:00:00"), 1, national))).toBe("2026-12-08 00:00");
    // Published on a Saturday: Monday is the first day.
    expect(formatDateTime(announcementEnd(at("2026-12-05T09:00:00"), 1, national))).toBe("2026-12-08 00:00");
  });

  it("leaves out the local days off the admin entered", () => {
    // 2026-12-07 (Mon) published; 12-08 a local day off; Wed 12-09, Thu 12-10 working.
    const local = makeCalendar([{ date: "2026-12-08", working: false, note: "县庆" }]);
    expect(formatDateTime(announcementEnd(at("2026-12-07T09:00:00"), 2, local))).toBe("2026-12-11 00:00");
    expect(formatDateTime(announcementEnd(at("2026-12-07T09:00:00"), 2, national))).toBe("2026-12-10 00:00");
  });

  it("publishing just before midnight Beijing counts from the next Beijing day, whatever UTC says", () => {
    // 23:30 Beijing on Monday is 15:30 UTC the same day; 00:30 Beijing Tuesday is Monday in UTC.
    expect(formatDateTime(announcementEnd(at("2026-11-30T23:30:00"), 1, national))).toBe("2026-12-02 00:00");
    expect(formatDateTime(announcementEnd(at("2026-12-01T00:30:00"), 1, national))).toBe("2026-12-03 00:00");
  });

  it("refuses a period that is not a positive whole number of days", () => {
    expect(() => announcementEnd(new Date(), 0, national)).toThrow();
    expect(() => announcementEnd(new Date(), 1.5, national)).toThrow();
  });

  it("counts the working days left, today included", () => {
    const end = announcementEnd(at("2026-11-30T10:00:00"), 5, national);
    expect(workingDaysLeft(at("2026-12-01T08:00:00"), end, national)).toBe(5);
    expect(workingDaysLeft(at("2026-12-05T08:00:00"), end, national)).toBe(1);
    expect(workingDaysLeft(at("2026-12-08T00:00:00"), end, national)).toBe(0);
  });

  it("does not count the day of publication, whatever weekday it is", () => {
    for (const published of ["2026-11-30T10:00:00", "2026-12-03T16:00:00", "2026-12-04T09:00:00", "2026-12-05T09:00:00"]) {
      const end = announcementEnd(at(published), 5, national);
      expect(workingDaysLeft(at(published), end, national, at(published))).toBe(5);
    }
    // From the next day on, the current day counts as before.
    const end = announcementEnd(at("2026-11-30T10:00:00"), 5, national);
    expect(workingDaysLeft(at("2026-12-01T08:00:00"), end, national, at("2026-11-30T10:00:00"))).toBe(5);
  });

  // Issue 20 point 13: "还有 6 个工作日" on the day a 5-working-day 公示 was published.
  it("counts the days left from the day after publication: publication day, a weekend, the last day", () => {
    const published = at("2026-12-04T10:00:00"); // a Friday
    const end = announcementEnd(published, 5, national);
    expect(formatDateTime(end)).toBe("2026-12-12 00:00"); // 7–11 December
    expect(workingDaysLeft(at("2026-12-04T10:00:00"), end, national, published)).toBe(5); // the publication day itself
    expect(workingDaysLeft(at("2026-12-04T23:59:00"), end, national, published)).toBe(5);
    expect(workingDaysLeft(at("2026-12-05T09:00:00"), end, national, published)).toBe(5); // Saturday
    expect(workingDaysLeft(at("2026-12-06T20:00:00"), end, national, published)).toBe(5); // Sunday
    expect(workingDaysLeft(at("2026-12-07T09:00:00"), end, national, published)).toBe(5); // the first day counts while it runs
    expect(workingDaysLeft(at("2026-12-10T09:00:00"), end, national, published)).toBe(2);
    expect(workingDaysLeft(at("2026-12-11T17:00:00"), end, national, published)).toBe(1); // the last day
    expect(workingDaysLeft(at("2026-12-12T00:00:00"), end, national, published)).toBe(0); // over
    expect(announcementDays(published, end, national).filter((d) => d.working)).toHaveLength(5);
  });

  it("counts a 调休 working Saturday and skips the 国庆 holiday in the days left", () => {
    const published = at("2026-09-30T10:00:00");
    const end = announcementEnd(published, 3, national); // 8 and 9 October, then Saturday 10 October (调休上班)
    expect(formatDateTime(end)).toBe("2026-10-11 00:00");
    expect(workingDaysLeft(published, end, national, published)).toBe(3);
    expect(workingDaysLeft(at("2026-10-03T10:00:00"), end, national, published)).toBe(3); // inside the holiday
    expect(workingDaysLeft(at("2026-10-09T10:00:00"), end, national, published)).toBe(2);
    expect(workingDaysLeft(at("2026-10-10T10:00:00"), end, national, published)).toBe(1); // the 调休 Saturday, the last day
    expect(workingDaysLeft(at("2026-10-11T10:00:00"), end, national, published)).toBe(0);
  });

  it("does not count a county's local day off inside the period", () => {
    const local = makeCalendar([{ date: "2026-12-08", working: false, note: "县庆" }]);
    const published = at("2026-12-07T09:00:00");
    const end = announcementEnd(published, 2, local); // 9 and 10 December
    expect(workingDaysLeft(published, end, local, published)).toBe(2);
    expect(workingDaysLeft(at("2026-12-08T09:00:00"), end, local, published)).toBe(2);
  });
});

describe("the ranking formula", () => {
  const evidence: Evidence = {
    hearingScore: 86,
    reportsDue: 4,
    reportsOnTime: 3,
    findings: ["ON_TRACK", "LAGGING"],
    milestonesTotal: 5,
    milestonesDone: 4,
    adoptions: 2,
  };

  it("puts every part on a 0..100 scale", () => {
    expect(components(evidence, 90)).toEqual({ jury: 90, hearing: 86, reports: 75, inspection: 75, milestones: 80, adoption: 40 });
    const none: Evidence = { hearingScore: null, reportsDue: 0, reportsOnTime: 0, findings: [], milestonesTotal: 0, milestonesDone: 0, adoptions: 9 };
    expect(components(none, null)).toEqual({ jury: 0, hearing: 0, reports: 100, inspection: 80, milestones: 0, adoption: 100 });
  });

  it("weights the parts as published", () => {
    // 90×50% + 86×15% + 75×10% + 75×10% + 80×10% + 40×5% = 45 + 12.9 + 7.5 + 7.5 + 8 + 2
    expect(compositeScore(components(evidence, 90), DEFAULT_WEIGHTS)).toBe(82.9);
  });

  it("checks the weights", () => {
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, jury: 40 })).toBe("各项权重合计须为 100%，现为 90%");
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, jury: 0, hearing: 65 })).toBe("评委评分的权重不能为 0");
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, adoption: 5.5, milestones: 9.5 })).toMatch("整数");
  });
});

describe("allocating awards within quotas", () => {
  const tiers = [
    { id: "t3", name: "三等奖", quota: 3, rank: 3 },
    { id: "t1", name: "一等奖", quota: 1, rank: 1 },
    { id: "t2", name: "二等奖", quota: 2, rank: 2 },
  ];
  const entries = (scores: number[]) => scores.map((score, i) => ({ id: `n${i + 1}`, score }));

  it("fills the tiers from the highest and leaves the rest without award", () => {
    const { tierOf, ties } = allocateAwards(entries([70, 95, 80, 60, 85, 75, 50]), tiers);
    expect(Object.fromEntries(tierOf)).toEqual({ n2: "t1", n5: "t2", n3: "t2", n6: "t3", n1: "t3", n4: "t3", n7: null });
    expect(ties).toEqual([]);
  });

  it("keeps a tie inside one tier when it fits", () => {
    const { tierOf } = allocateAwards(entries([95, 85, 85, 70]), tiers);
    expect(Object.fromEntries(tierOf)).toEqual({ n1: "t1", n2: "t2", n3: "t2", n4: "t3" });
  });

  it("moves a tie across a quota boundary down together and reports the empty place", () => {
    const { tierOf, ties } = allocateAwards(entries([95, 85, 85, 85, 70]), tiers);
    // 二等奖 has 2 places for 3 tied entries: all three go to 三等奖, 二等奖 stays empty.
    expect(Object.fromEntries(tierOf)).toEqual({ n1: "t1", n2: "t3", n3: "t3", n4: "t3", n5: null });
    expect(ties).toEqual([{ ids: ["n2", "n3", "n4"], tierName: "二等奖", placesLeft: 2 }]);
  });

  it("treats scores equal to two decimals as tied, and a tie at the top", () => {
    const { tierOf, ties } = allocateAwards(entries([90.001, 90.004, 80]), tiers);
    expect(Object.fromEntries(tierOf)).toEqual({ n1: "t2", n2: "t2", n3: "t3" });
    expect(ties).toEqual([{ ids: ["n1", "n2"], tierName: "一等奖", placesLeft: 1 }]);
  });

  it("gives nothing when there are no tiers or no places", () => {
    expect(Object.fromEntries(allocateAwards(entries([90]), []).tierOf)).toEqual({ n1: null });
    expect(Object.fromEntries(allocateAwards(entries([90]), [{ id: "t", name: "十佳", quota: 0, rank: 1 }]).tierOf)).toEqual({ n1: null });
  });
});

describe("a new campaign's nomination period (issue 20 point 6)", () => {
  it("starts from the year's 评比表彰推荐 window when it has one", () => {
    const window = { startsAt: at("2026-11-15T00:00:00"), endsAt: at("2026-12-10T23:59:00") };
    const period = defaultNominationPeriod(window, at("2026-12-07T19:25:13"));
    expect(formatDateTime(period.startsAt)).toBe("2026-11-15 00:00");
    expect(formatDateTime(period.endsAt)).toBe("2026-12-10 23:59");
    const values = newCampaignValues(2026, [], window, at("2026-12-07T19:25:13"));
    expect([values.nominationStartsAt, values.nominationEndsAt]).toEqual(["2026-11-15T00:00", "2026-12-10T23:59"]);
    // A bare deadline: the start is today's first minute.
    expect(formatDateTime(defaultNominationPeriod({ startsAt: null, endsAt: window.endsAt }, at("2026-12-07T19:25:13")).startsAt)).toBe("2026-12-07 00:00");
  });

  it("otherwise runs whole Beijing days, 00:00 today to 23:59 fourteen days on, whatever the clock says", () => {
    // 03:38 in Beijing is the previous evening in UTC: the Beijing day counts.
    const period = defaultNominationPeriod(null, new Date("2026-12-08T19:38:00Z"));
    expect(formatDateTime(period.startsAt)).toBe("2026-12-09 00:00");
    expect(formatDateTime(period.endsAt)).toBe("2026-12-23 23:59");
    expect(formatDateTime(endOfDay("2026-02-28"))).toBe("2026-02-28 23:59");
  });
});
