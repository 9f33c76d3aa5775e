// The admins' daily digest (issue 20 point 8): new submissions wait for one notice a day instead of one each; the
// inbox marks read per group. The digest is released exactly once, also when two job runs meet.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { notifyAdmins, notifyUsers } from "@/lib/notifications/service";
import { sendDailyDigests } from "@/lib/notifications/digest";
import { heldNotifications, listNotifications, unreadCount } from "@/lib/notifications/queries";
import { markAllNotificationsRead } from "@/lib/notifications/actions";
import { parseBusinessDateTime } from "@/lib/time";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

type User = Awaited<ReturnType<typeof makeUser>>;
let admin: User;
let admin2: User;
let staff: User;

beforeAll(async () => {
  const county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
  admin2 = await makeUser(["COUNTY_ADMIN"], county.department.id);
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  await db.user.update({ where: { id: admin.id }, data: { email: "admin@example.test" } });
});

afterEach(() => {
  delete process.env.SMTP_HOST;
  signOutTestUser();
});

const at = (value: string) => parseBusinessDateTime(value)!;

describe("the daily digest", () => {
  it("holds new submissions for the admins, out of the inbox, the unread count and the e-mail queue", async () => {
    process.env.SMTP_HOST = "smtp.example.test";
    const before = await unreadCount(admin.id);
    const mailsBefore = await db.emailOutbox.count({ where: { userId: admin.id } });
    await db.$transaction((tx) => notifyAdmins(tx, { kind: "project.submitted", title: "新的申报：甲", link: "/projects/a" }));
    await db.$transaction((tx) => notifyAdmins(tx, { kind: "project.submitted", title: "新的申报：乙", link: "/projects/b" }));
    expect(await unreadCount(admin.id)).toBe(before);
    expect((await listNotifications(admin.id, { page: 1, unreadOnly: false })).notifications.map((n) => n.title)).not.toContain("新的申报：甲");
    expect(await heldNotifications(admin.id, { show: false })).toEqual({ count: 2, notifications: [] });
    expect((await heldNotifications(admin.id, { show: true })).notifications.map((n) => n.title)).toEqual(["新的申报：乙", "新的申报：甲"]);
    // Nothing queued for the held notices; a notice that is not held is still e-mailed at once.
    expect(await db.emailOutbox.count({ where: { userId: admin.id } })).toBe(mailsBefore);
    await db.$transaction((tx) => notifyAdmins(tx, { kind: "topic.claim", title: "某镇不能承接发包选题", link: "/topics/x" }));
    expect(await unreadCount(admin.id)).toBe(before + 1);
    expect(await db.emailOutbox.count({ where: { userId: admin.id } })).toBe(mailsBefore + 1);
    // Other people's notices of the same kind are not held: only the admins get a digest.
    await db.$transaction((tx) => notifyUsers(tx, [staff.id], { kind: "project.submitted", title: "新的申报：丙" }));
    expect(await heldNotifications(staff.id, { show: false })).toEqual({ count: 0, notifications: [] });
    // Sent to one admin and one staff member directly (an event's creator, a project's liaison): held for the admin only.
    const staffUnread = await unreadCount(staff.id);
    await db.$transaction((tx) => notifyUsers(tx, [admin.id, staff.id], { kind: "event.submitted", title: "某镇提交了交流材料：戊" }));
    expect(await unreadCount(admin.id)).toBe(before + 1);
    expect(await heldNotifications(admin.id, { show: false })).toEqual({ count: 3, notifications: [] });
    expect(await unreadCount(staff.id)).toBe(staffUnread + 1);
    await db.notification.deleteMany({ where: { title: "某镇提交了交流材料：戊" } });
  });

  it("releases once after 08:00 Beijing time: one notice per admin counting the held ones, which join the inbox as read", async () => {
    process.env.SMTP_HOST = "smtp.example.test";
    // Held rows of two days ago and yesterday; one of today, which waits for tomorrow's digest.
    await db.notification.updateMany({ where: { held: true }, data: { createdAt: at("2031-03-04 16:00") } });
    await db.$transaction((tx) => notifyAdmins(tx, { kind: "project.submitted", title: "新的申报：丁" }));
    await db.notification.updateMany({ where: { held: true, title: "新的申报：丁" }, data: { createdAt: at("2031-03-05 23:59") } });
    await db.$transaction((tx) => notifyAdmins(tx, { kind: "project.submitted", title: "新的申报：今天" }));
    await db.notification.updateMany({ where: { held: true, title: "新的申报：今天" }, data: { createdAt: at("2031-03-06 07:30") } });

    expect(await sendDailyDigests(at("2031-03-06 07:59"))).toEqual({ sent: 0 });
    const [first, second] = await Promise.all([sendDailyDigests(at("2031-03-06 08:00")), sendDailyDigests(at("2031-03-06 08:00"))]);
    expect(first.sent + second.sent).toBe(2);
    expect(await sendDailyDigests(at("2031-03-06 08:10"))).toEqual({ sent: 0 });

    for (const user of [admin, admin2]) {
      const digests = await db.notification.findMany({ where: { userId: user.id, kind: "digest.daily" } });
      expect(digests).toHaveLength(1);
      expect(digests[0]).toMatchObject({ title: "每日汇总：3月4日至3月5日新提交 3 件", readAt: null, held: false, link: "/notifications?kind=submission" });
      expect(digests[0].body).toBe("项目申报 3 件。逐条查看请打开“新提交”。");
      const released = await db.notification.findMany({ where: { userId: user.id, kind: "project.submitted" }, orderBy: { createdAt: "asc" } });
      expect(released.map((n) => [n.title, n.held, n.readAt !== null])).toEqual([
        ["新的申报：甲", false, true],
        ["新的申报：乙", false, true],
        ["新的申报：丁", false, true],
        ["新的申报：今天", true, false],
      ]);
    }
    // The digest itself is e-mailed (to the admin with an address); the held notices never were.
    expect(await db.emailOutbox.count({ where: { userId: admin.id, subject: { contains: "每日汇总" } } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { userId: admin.id, subject: { contains: "新的申报" } } })).toBe(0);
  });
});

describe("marking read per group", () => {
  it("marks only the group shown, only one's own", async () => {
    await db.$transaction((tx) => notifyUsers(tx, [staff.id], { kind: "report.overdue", title: "逾期一" }));
    await db.$transaction((tx) => notifyUsers(tx, [staff.id], { kind: "topic.assigned", title: "分配一" }));
    await db.$transaction((tx) => notifyUsers(tx, [admin.id], { kind: "report.overdue", title: "别人的逾期" }));
    await actAs(staff);
    expect((await markAllNotificationsRead({ kind: "overdue" }))?.data).toEqual({ count: 1 });
    const unread = await db.notification.findMany({ where: { userId: staff.id, readAt: null }, select: { title: true } });
    expect(unread.map((n) => n.title)).toContain("分配一");
    expect(unread.map((n) => n.title)).not.toContain("逾期一");
    expect(await db.notification.count({ where: { userId: admin.id, title: "别人的逾期", readAt: null } })).toBe(1);
    expect((await markAllNotificationsRead({ kind: "nonsense" as never }))?.validationErrors).toBeDefined();
    expect((await markAllNotificationsRead({}))?.data?.count).toBeGreaterThanOrEqual(1);
    expect(await db.notification.count({ where: { userId: staff.id, readAt: null, held: false } })).toBe(0);
  });
});
