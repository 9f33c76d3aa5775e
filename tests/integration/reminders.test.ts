import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendReportReminders } from "@/lib/reminders/reports";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { quarterOf, quarterStart, type Quarter } from "@/lib/reports/quarters";
import { makeCounty, makeUser } from "./support/fixtures";

const { year: YEAR, quarter: QUARTER } = quarterOf(new Date());
let clerk: Awaited<ReturnType<typeof makeUser>>;
let liaison: Awaited<ReturnType<typeof makeUser>>;
/** The project's lead after an individual bid: reminded with the unit. */
let lead: Awaited<ReturnType<typeof makeUser>>;
let projectId: string;

beforeAll(async () => {
  const county = await makeCounty();
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  liaison = await makeUser(["COUNTY_STAFF"], county.section.id);
  lead = await makeUser(["COUNTY_STAFF"], county.section.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  projectId = (
    await db.$transaction((tx) =>
      createProjectRecord(tx, { yearId: year.id }, clerk.unitId, { actor: { id: clerk.id, username: clerk.username, name: clerk.name }, ip: null }),
    )
  ).id;
  await db.project.update({
    where: { id: projectId },
    data: { title: "提醒项目", state: "IN_PROGRESS", startedAt: quarterStart(YEAR, 1), liaisonId: liaison.id, leadUserId: lead.id },
  });
});

async function setDeadline(endsAt: Date) {
  const year = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
  await db.yearWindow.update({ where: { yearId_kind: { yearId: year.id, kind: `REPORT_Q${QUARTER as Quarter}` } }, data: { endsAt } });
}

const notices = (userId: string) =>
  db.notification.count({
    where: { userId, kind: { in: ["report.due", "report.overdue"] }, link: { startsWith: `/reports/${projectId}/${YEAR}/${QUARTER}` } },
  });

describe("report reminders", () => {
  it("reminds three days before the deadline and again after it, each once, even when run twice at once", async () => {
    await setDeadline(new Date(Date.now() + 10 * 86_400_000));
    await sendReportReminders();
    expect(await notices(clerk.id)).toBe(0);

    await setDeadline(new Date(Date.now() + 2 * 86_400_000));
    await Promise.all([sendReportReminders(), sendReportReminders()]);
    await sendReportReminders();
    expect(await notices(clerk.id)).toBe(1);
    expect(await notices(lead.id)).toBe(1);
    expect(await notices(liaison.id)).toBe(0);

    await setDeadline(new Date(Date.now() - 1000));
    await Promise.all([sendReportReminders(), sendReportReminders()]);
    expect(await notices(clerk.id)).toBe(2);
    expect(await notices(lead.id)).toBe(2);
    expect(await notices(liaison.id)).toBe(1);
  });

  it("does not remind about a report already submitted", async () => {
    await db.reminderLog.deleteMany();
    await db.progressReport.create({
      data: { projectId, year: YEAR, quarter: QUARTER, status: "SUBMITTED", progress: "已报", percent: 50, submittedAt: new Date() },
    });
    const before = await notices(clerk.id);
    await sendReportReminders();
    expect(await notices(clerk.id)).toBe(before);
  });
});
