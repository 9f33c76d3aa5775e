import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { removeCalendarDay, setCalendarDay } from "@/lib/calendar/actions";
import { loadCalendar } from "@/lib/calendar/queries";
import { announcementEnd } from "@/lib/awards/workdays";
import { formatDateTime } from "@/lib/time";
import { actAs, makeCounty, makeUser } from "./support/fixtures";

process.env.NEXTAUTH_SECRET = "test-secret";

type User = Awaited<ReturnType<typeof makeUser>>;
let admin: User, staff: User;

beforeAll(async () => {
  const { county } = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.id);
  staff = await makeUser(["COUNTY_STAFF"], county.id);
});

describe("the working-day calendar", () => {
  it("uses the national calendar with 调休 before any local day is set", async () => {
    const calendar = await loadCalendar();
    expect(calendar.day("2026-10-05")).toMatchObject({ working: false, label: "国庆节" });
    expect(calendar.day("2026-10-10")).toMatchObject({ working: true, reason: "makeup" });
    // Published Wed 2026-09-30 for 3 working days: 10-08, 10-09 and the 调休 Saturday 10-10.
    expect(formatDateTime(announcementEnd(new Date("2026-09-30T10:00:00+08:00"), 3, calendar))).toBe("2026-10-11 00:00");
  });

  it("lets the admin only add, change and remove local days, each audited", async () => {
    await actAs(staff);
    expect((await setCalendarDay({ date: "2026-12-08", working: "off", note: "县庆" }))?.serverError).toBe("无权执行此操作");

    await actAs(admin);
    const bad = await setCalendarDay({ date: "2026-02-30", working: "off", note: "" });
    expect(bad?.validationErrors?.fieldErrors).toMatchObject({ date: ["请选择日期（如 2026-10-01）"], note: ["请填写说明"] });

    expect((await setCalendarDay({ date: "2026-12-08", working: "off", note: "县庆" }))?.data).toEqual({ date: "2026-12-08" });
    expect((await setCalendarDay({ date: "2026-10-03", working: "work", note: "防汛值守" }))?.data).toEqual({ date: "2026-10-03" });
    let calendar = await loadCalendar();
    expect(calendar.day("2026-12-08")).toMatchObject({ working: false, reason: "local-off", label: "本地休息日（县庆）" });
    expect(calendar.day("2026-10-03")).toMatchObject({ working: true, reason: "local-work" });
    // Published Mon 2026-12-07 for 2 working days: 12-08 is off, so Wed and Thu.
    expect(formatDateTime(announcementEnd(new Date("2026-12-07T09:00:00+08:00"), 2, calendar))).toBe("2026-12-11 00:00");

    // Setting the same day again changes it rather than adding a second row.
    await setCalendarDay({ date: "2026-12-08", working: "work", note: "改为上班" });
    expect(await db.calendarDay.count({ where: { date: "2026-12-08" } })).toBe(1);

    expect((await removeCalendarDay({ date: "2026-12-08" }))?.data).toEqual({ date: "2026-12-08" });
    expect((await removeCalendarDay({ date: "2026-12-08" }))?.serverError).toBe("该日期没有本地调整");
    calendar = await loadCalendar();
    expect(calendar.day("2026-12-08")).toMatchObject({ working: true, reason: "weekday" });

    const audit = await db.auditLog.findMany({ where: { entityType: "CalendarDay" }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, row.entityId])).toEqual([
      ["calendar.set", "2026-12-08"],
      ["calendar.set", "2026-10-03"],
      ["calendar.set", "2026-12-08"],
      ["calendar.remove", "2026-12-08"],
    ]);
    expect(audit[1].summary).toContain("国家安排：国庆节");
  });
});
