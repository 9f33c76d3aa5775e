import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { reviewReport, saveReport, submitReport, uploadReportAttachment } from "@/lib/reports/actions";
import { reportGrid, reportPage, unitReportsDue } from "@/lib/reports/queries";
import { quarterOf, quarterStart, type Quarter } from "@/lib/reports/quarters";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const NOW = quarterOf(new Date());
const YEAR = NOW.year;
const QUARTER = NOW.quarter as Quarter;

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let liaison: Awaited<ReturnType<typeof makeUser>>;
let otherStaff: Awaited<ReturnType<typeof makeUser>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let projectId: string;

const viewer = (user: { id: string; roles: Role[]; unitId: string }) => ({ id: user.id, roles: user.roles, unitId: user.unitId });

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  liaison = await makeUser(["COUNTY_STAFF"], county.section.id);
  otherStaff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  // A project in progress since the start of the year, with its liaison (the state machine is tested elsewhere).
  projectId = (
    await db.$transaction((tx) =>
      createProjectRecord(tx, { yearId: year.id }, clerkA.unitId, { actor: { id: clerkA.id, username: clerkA.username, name: clerkA.name }, ip: null }),
    )
  ).id;
  const milestone = { projectId, sortOrder: 0, title: "完成试点", dueDate: quarterStart(YEAR, 1) };
  await db.projectMilestone.create({ data: milestone });
  await db.project.update({
    where: { id: projectId },
    data: { title: "在实施的项目", state: "IN_PROGRESS", startedAt: quarterStart(YEAR, 1), liaisonId: liaison.id },
  });
});

beforeEach(() => signOutTestUser());
afterEach(() => vi.useRealTimers());

async function setDeadline(quarter: Quarter, endsAt: Date) {
  const year = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
  await db.yearWindow.update({ where: { yearId_kind: { yearId: year.id, kind: `REPORT_Q${quarter}` } }, data: { endsAt } });
}

const fields = { progress: "召开推进会两次", percent: 40, problems: null, nextSteps: "下季度推开", milestones: [] };

describe("quarterly reports", () => {
  it("keeps a unit to its own projects' reports", async () => {
    await actAs(clerkB);
    expect((await saveReport({ projectId, year: YEAR, quarter: QUARTER, ...fields }))?.serverError).toBe("项目不存在");
    expect(await reportPage(viewer(clerkB), projectId, YEAR, QUARTER)).toBeNull();
    expect(await unitReportsDue(viewer(clerkB))).toEqual([]);
    expect((await reportGrid(viewer(clerkB), { year: YEAR })).rows).toEqual([]);
    expect((await reportGrid(viewer(admin), { year: YEAR })).rows.map((r) => r.project.id)).toContain(projectId);
  });

  it("is on time one second before the deadline and late one second after (server clock)", async () => {
    const deadline = new Date(Date.now() + 60_000);
    await setDeadline(QUARTER, deadline);
    await actAs(clerkA);
    const saved = await saveReport({ projectId, year: YEAR, quarter: QUARTER, ...fields });
    expect(saved?.data?.version).toBe(0);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(deadline.getTime() + 1000);
    expect((await unitReportsDue(viewer(clerkA))).find((item) => item.year === YEAR && item.quarter === QUARTER)?.status).toBe("missing");
    vi.setSystemTime(deadline.getTime() - 1000);
    expect((await submitReport({ projectId, year: YEAR, quarter: QUARTER, version: 0 }))?.data).toEqual({ late: false });
    expect((await submitReport({ projectId, year: YEAR, quarter: QUARTER, version: 1 }))?.serverError).toBe("该报告已报送，无需重复操作");

    // The liaison returns it; the unit fixes it after the deadline: now it is late.
    vi.useRealTimers();
    const report = await db.progressReport.findFirstOrThrow({ where: { projectId, year: YEAR, quarter: QUARTER } });
    await actAs(otherStaff);
    expect((await reviewReport({ reportId: report.id, version: report.version, accept: false, comment: "不行" }))?.serverError).toBe(
      "只有该项目的联系人可以审核进展报告",
    );
    await actAs(liaison);
    expect((await reviewReport({ reportId: report.id, version: report.version, accept: false, comment: null }))?.validationErrors?.fieldErrors.comment).toEqual(
      ["请填写退回意见"],
    );
    expect((await reviewReport({ reportId: report.id, version: report.version, accept: false, comment: "请写明节点完成情况" }))?.data).toBeTruthy();
    expect(await db.notification.count({ where: { userId: clerkA.id, kind: "report.returned", body: "请写明节点完成情况" } })).toBe(1);
    const grid = await reportGrid(viewer(liaison), { year: YEAR, liaison: "me" });
    expect(grid.rows[0].cells.find((c) => c.quarter === QUARTER)?.status).toBe("returned");

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(deadline.getTime() + 1000);
    await actAs(clerkA);
    const fixed = await saveReport({ projectId, year: YEAR, quarter: QUARTER, version: 2, ...fields, progress: "召开推进会两次，完成试点" });
    expect((await submitReport({ projectId, year: YEAR, quarter: QUARTER, version: fixed!.data!.version }))?.data).toEqual({ late: true });
    vi.useRealTimers();
    expect(
      (await reportGrid(viewer(admin), { year: YEAR })).rows.find((r) => r.project.id === projectId)?.cells.find((c) => c.quarter === QUARTER)?.status,
    ).toBe("late");
  });

  it("flags a project whose milestone date has passed without being reported done", async () => {
    const row = (await reportGrid(viewer(admin), { year: YEAR })).rows.find((r) => r.project.id === projectId)!;
    expect(row.lagging).toBe(1);
  });

  it("refuses a save based on an old version, and of two saves of one version at once takes one", async () => {
    // A second project of the unit in progress, so that this quarter's report is its own.
    const year = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
    const actor = { id: clerkA.id, username: clerkA.username, name: clerkA.name };
    const { id: projectId } = await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, clerkA.unitId, { actor, ip: null }));
    await db.project.update({ where: { id: projectId }, data: { title: "并发保存的项目", state: "IN_PROGRESS", startedAt: quarterStart(YEAR, 1) } });
    const key = { year: YEAR, quarter: QUARTER };
    await actAs(clerkA);
    const first = await saveReport({ projectId, ...key, ...fields });
    const version = first!.data!.version;
    expect((await saveReport({ projectId, ...key, version, ...fields, percent: 50 }))?.data?.version).toBe(version + 1);
    expect((await saveReport({ projectId, ...key, version, ...fields, percent: 60 }))?.serverError).toBe("该记录已被他人修改，请刷新页面后再改");
    const both = await Promise.all([70, 80].map((percent) => saveReport({ projectId, ...key, version: version + 1, ...fields, percent })));
    expect(both.filter((r) => r?.data?.version === version + 2)).toHaveLength(1);
    expect(both.filter((r) => r?.serverError === "该记录已被他人修改，请刷新页面后再改")).toHaveLength(1);
    const stored = await db.progressReport.findFirstOrThrow({ where: { projectId, ...key } });
    expect(stored.version).toBe(version + 2);
    expect([70, 80]).toContain(stored.percent);
  });

  it("refuses a report for a quarter the project does not owe", async () => {
    await actAs(clerkA);
    const next = QUARTER === 4 ? { year: YEAR + 1, quarter: 1 } : { year: YEAR, quarter: QUARTER + 1 };
    const result = await saveReport({ projectId, ...next, ...fields });
    expect(result?.serverError).toMatch(/尚未开始|不需要报送/);
  });
});

describe("report attachments", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  let otherProject: string;
  const upload = (quarter: number, name: string, content: Buffer) => {
    const form = new FormData();
    form.set("projectId", otherProject);
    form.set("year", String(YEAR));
    form.set("quarter", String(quarter));
    form.set("file", new File([new Uint8Array(content)], name));
    return uploadReportAttachment(form);
  };

  it("attaches files to a report being written, checked by content, never to another unit's or a submitted one", async () => {
    process.env.UPLOAD_DIR = (await import("node:fs")).mkdtempSync((await import("node:path")).join((await import("node:os")).tmpdir(), "uploads-"));
    // A project of its own, so that this quarter's report is still unwritten whatever the date.
    const year = await db.year.findUniqueOrThrow({ where: { year: YEAR } });
    otherProject = (
      await db.$transaction((tx) =>
        createProjectRecord(tx, { yearId: year.id }, clerkA.unitId, { actor: { id: clerkA.id, username: clerkA.username, name: clerkA.name }, ip: null }),
      )
    ).id;
    await db.project.update({ where: { id: otherProject }, data: { title: "附件项目", state: "IN_PROGRESS", startedAt: quarterStart(YEAR, 1) } });
    const quarter = QUARTER;
    await actAs(clerkA);
    // The first file comes before any 保存草稿: it makes the empty draft, whose version the form then saves against.
    expect((await upload(quarter, "照片.pdf", pdf))?.data?.fileName).toBe("照片.pdf");
    const draft = await db.progressReport.findFirstOrThrow({ where: { projectId: otherProject, year: YEAR, quarter } });
    expect(draft.status).toBe("DRAFT");
    expect(draft.progress).toBeNull();
    expect((await saveReport({ projectId: otherProject, year: YEAR, quarter, ...fields }))?.serverError).toBe("该记录已被他人修改，请刷新页面后再改");
    expect((await saveReport({ projectId: otherProject, year: YEAR, quarter, version: draft.version, ...fields }))?.data).toBeDefined();
    expect((await upload(quarter, "会议记录.pdf", pdf))?.data?.fileName).toBe("会议记录.pdf");
    expect((await upload(quarter, "假的.pdf", Buffer.from("文字")))?.serverError).toMatch(/不支持该文件类型/);
    const report = await db.progressReport.findFirstOrThrow({ where: { projectId: otherProject, year: YEAR, quarter } });
    expect(report.id).toBe(draft.id);
    expect(await db.attachment.count({ where: { reportId: report.id } })).toBe(2);
    // Another unit can neither attach to it nor make a draft for a project not its own.
    await actAs(clerkB);
    expect((await upload(quarter, "乙乡的.pdf", pdf))?.serverError).toBe("项目不存在");
    expect(await db.progressReport.count({ where: { projectId: otherProject } })).toBe(1);
  });
});
