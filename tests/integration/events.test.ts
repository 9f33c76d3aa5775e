import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import {
  archiveEvent,
  confirmAttendance,
  createEvent,
  publishEvent,
  recordEventMinutes,
  removeEventAttachment,
  saveSubmission,
  selectSubmission,
  updateEvent,
  uploadEventAttachment,
} from "@/lib/events/actions";
import { recordMinutesRecord, saveSubmissionRecord } from "@/lib/events/service";
import { adoptionsOfEvent, eventAttachmentForViewer, eventsOfProject, getEvent, listEvents } from "@/lib/events/queries";
import { eventsExport } from "@/lib/events/export";
import { DOCUMENTS } from "@/lib/documents/registry";
import { documentText, type OfficialDoc } from "@/lib/documents/model";
import { recordAdoption } from "@/lib/promotion/actions";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "events-uploads-"));

type User = Awaited<ReturnType<typeof makeUser>>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let staff: User, leader: User, clerkA: User, clerkB: User, clerkD: User;
let running: string, proposed: string;

const DAY = 24 * 3_600_000;
const inDays = (n: number) => toDateTimeLocal(new Date(Date.now() + n * DAY));
const actorOf = (user: User) => ({ id: user.id, username: user.username, name: user.name });
const pdf = (name: string) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(Buffer.from("%PDF-1.4\n% 交流材料\n"))], name));
  return form;
};

type EventInput = Parameters<typeof createEvent>[0];
function exchange(overrides: Record<string, unknown> = {}): EventInput {
  return {
    kind: "EXCHANGE",
    title: "全县党建创新经验交流会",
    startsAt: inDays(10),
    place: "县委组织部三楼会议室",
    hostUnitId: county.section.id,
    agenda: "各乡镇交流做法\n领导讲话",
    submissionDeadline: inDays(5),
    noticeNumber: "测组通〔2026〕3号",
    projectIds: [running],
    unitIds: [county.townshipA.id, county.townshipB.id],
    ...overrides,
  } as EventInput;
}

beforeAll(async () => {
  county = await makeCounty();
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  leader = await makeUser(["LEADER"], county.county.id);
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  clerkD = await makeUser(["UNIT_USER"], county.department.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, Number(formatDate(new Date()).slice(0, 4)), null));
  const make = async (state: "IN_PROGRESS" | "SUBMITTED", title: string) => {
    const { id } = await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, county.townshipA.id, { actor: actorOf(clerkA), ip: null }));
    await db.project.update({ where: { id }, data: { title, state, submittedAt: new Date(), startedAt: state === "IN_PROGRESS" ? new Date() : null } });
    return id;
  };
  running = await make("IN_PROGRESS", "无职党员设岗定责");
  proposed = await make("SUBMITTED", "尚在申报的项目");
});

beforeEach(() => signOutTestUser());

describe("planning an event", () => {
  it("staff plan it; every missing field is named at once; a unit may not plan", async () => {
    await actAs(clerkA);
    expect((await createEvent(exchange()))?.serverError).toBe("无权执行此操作");
    await actAs(staff);
    const empty = await createEvent({ kind: "SITE_VISIT", title: "", startsAt: "", place: "", hostUnitId: "", agenda: "", unitIds: [] } as never);
    expect(Object.keys(empty?.validationErrors?.fieldErrors ?? {}).sort()).toEqual([
      "agenda",
      "hostUnitId",
      "place",
      "siteProjectId",
      "startsAt",
      "title",
      "unitIds",
    ]);
    const noDeadline = await createEvent(exchange({ submissionDeadline: "" }));
    expect(noDeadline?.validationErrors?.fieldErrors?.submissionDeadline).toEqual(["请填写交流材料报送截止时间"]);
    const late = await createEvent(exchange({ submissionDeadline: inDays(11) }));
    expect(late?.validationErrors?.fieldErrors?.submissionDeadline).toEqual(["报送截止时间不能晚于召开时间"]);
    const unapproved = await createEvent(exchange({ projectIds: [proposed] }));
    expect(unapproved?.validationErrors?.fieldErrors?.projectIds).toEqual(["只能展示已立项、实施中或已结项的项目"]);
    const created = await createEvent(exchange());
    expect(created?.data?.id).toBeTruthy();
    // The same title on the same day again (a double click, a second tab) is refused.
    expect((await createEvent(exchange()))?.validationErrors?.fieldErrors?.title?.[0]).toMatch(/已有同名活动/);
    expect(await db.event.count({ where: { title: "全县党建创新经验交流会" } })).toBe(1);
  });

  it("a planned event is invisible to the units it invites; publishing tells them and opens it to them only", async () => {
    await actAs(staff);
    const { data } = (await createEvent(exchange({ title: "理论研讨会筹备", kind: "SEMINAR" })))!;
    const id = data!.id;
    expect(await getEvent(clerkA, id)).toBeNull();
    expect((await listEvents(clerkA, { q: "理论研讨会筹备" })).total).toBe(0);
    expect(await getEvent(leader, id)).not.toBeNull();
    expect((await confirmAttendance({ eventId: id, version: 0, attendees: "张三" }))?.serverError).toBe("无权执行此操作");

    expect((await publishEvent({ id, version: 0 }))?.data).toEqual({ id });
    expect((await publishEvent({ id, version: 1 }))?.serverError).toBe("通知已印发");
    const told = await db.notification.findMany({ where: { kind: "event.invited", link: `/events/${id}` }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([clerkA.id, clerkB.id].sort());
    expect(await getEvent(clerkA, id)).not.toBeNull();
    // The department was not invited: nothing of the event, not by list, page, document or action.
    expect(await getEvent(clerkD, id)).toBeNull();
    expect((await listEvents(clerkD, { q: "理论研讨会筹备" })).total).toBe(0);
    expect(await DOCUMENTS["event-notice"].load(clerkD as never, id)).toBeNull();
    await actAs(clerkD);
    expect((await confirmAttendance({ eventId: id, version: 0, attendees: "李四" }))?.serverError).toBe("活动不存在");
    expect((await saveSubmission({ eventId: id, title: "论文", author: "李四", body: "正文" } as never))?.serverError).toBe("活动不存在");
  });

  it("an edit with an old version is refused; a unit with material cannot be uninvited", async () => {
    await actAs(staff);
    const { data } = (await createEvent(exchange({ title: "修改测试交流会" })))!;
    const id = data!.id;
    expect((await updateEvent({ ...exchange({ title: "修改测试交流会", place: "新地点" }), id, version: 0 } as never))?.data).toEqual({ id, version: 1 });
    expect((await updateEvent({ ...exchange({ title: "修改测试交流会" }), id, version: 0 } as never))?.serverError).toBe(STALE_RECORD);
    await publishEvent({ id, version: 1 });
    await actAs(clerkB);
    await saveSubmission({ eventId: id, title: "乙乡材料", author: "王五", body: "做法" } as never);
    await actAs(staff);
    const dropB = await updateEvent({
      ...exchange({ title: "修改测试交流会", unitIds: [county.townshipA.id, county.department.id] }),
      id,
      version: 2,
    } as never);
    expect(dropB?.validationErrors?.fieldErrors?.unitIds).toEqual(["乙乡已填写材料，不能取消邀请"]);
    const addD = await updateEvent({
      ...exchange({ title: "修改测试交流会", unitIds: [county.townshipA.id, county.townshipB.id, county.department.id] }),
      id,
      version: 2,
    } as never);
    expect(addD?.data?.version).toBe(3);
    // Invited after the notice went out: told now.
    expect(await db.notification.count({ where: { kind: "event.invited", link: `/events/${id}`, userId: clerkD.id } })).toBe(1);
  });
});

describe("units answer, staff select, minutes, archive", () => {
  let id: string;
  beforeAll(async () => {
    await actAs(staff);
    id = (await createEvent(exchange({ title: "流程交流会" })))!.data!.id;
    await publishEvent({ id, version: 0 });
    signOutTestUser();
  });

  it("a unit confirms who attends and writes, attaches and submits its own material, seeing only its own", async () => {
    await actAs(clerkA);
    expect((await confirmAttendance({ eventId: id, version: 0, attendees: "" }))?.validationErrors?.fieldErrors?.attendees).toEqual(["请填写参会人员"]);
    expect((await confirmAttendance({ eventId: id, version: 0, attendees: "赵六（组织委员）" }))?.data?.version).toBe(1);
    expect((await confirmAttendance({ eventId: id, version: 0, attendees: "钱七" }))?.serverError).toBe(STALE_RECORD);

    const draft = await saveSubmission({ eventId: id, title: "甲镇无职党员设岗", author: "赵六", body: "一是设岗\n二是定责" } as never);
    expect(draft?.data?.version).toBe(0);
    const file = pdf("设岗台账.pdf");
    file.set("submissionId", draft!.data!.id);
    const uploaded = await uploadEventAttachment(file as never);
    expect(uploaded?.data?.fileName).toBe("设岗台账.pdf");
    const exe = new FormData();
    exe.set("submissionId", draft!.data!.id);
    exe.set("file", new File([new Uint8Array(Buffer.from("MZ not a document"))], "a.pdf"));
    expect((await uploadEventAttachment(exe as never))?.serverError).toMatch(/不支持该文件类型/);
    // A second first-save (no version) after the first is a stale form: one material per unit.
    expect((await saveSubmission({ eventId: id, title: "重复", author: "赵六", body: "x" } as never))?.serverError).toBe(STALE_RECORD);
    expect(
      (await saveSubmission({ eventId: id, version: 0, intent: "submit", title: "甲镇无职党员设岗", author: "赵六", body: "一是设岗\n二是定责" } as never))
        ?.data?.version,
    ).toBe(1);
    expect((await saveSubmission({ eventId: id, version: 1, title: "改", author: "赵六", body: "改" } as never))?.serverError).toBe("已提交的材料不能修改");
    expect((await removeEventAttachment({ id: uploaded!.data!.id }))?.serverError).toBe("已提交的材料不能修改");
    expect(await db.notification.count({ where: { kind: "event.submitted", userId: staff.id, link: `/events/${id}` } })).toBe(1);

    await actAs(clerkB);
    await saveSubmission({ eventId: id, intent: "submit", title: "乙乡流动党员", author: "孙八", body: "流动党员支部" } as never);
    // B cannot remove or read A's file, and sees only its own material and invitation.
    expect((await removeEventAttachment({ id: uploaded!.data!.id }))?.serverError).toBe("附件不存在");
    expect(await eventAttachmentForViewer(clerkB, id, uploaded!.data!.id)).toBeNull();
    expect(await eventAttachmentForViewer(clerkA, id, uploaded!.data!.id)).not.toBeNull();
    const seenByB = await getEvent(clerkB, id);
    expect(seenByB!.submissions.map((s) => s.title)).toEqual(["乙乡流动党员"]);
    expect(seenByB!.invitations.map((i) => i.unitId)).toEqual([county.townshipB.id]);
    expect((await getEvent(staff, id))!.submissions).toHaveLength(2);
  });

  it("after the deadline nothing more is accepted", async () => {
    const event = await db.event.findUniqueOrThrow({ where: { id } });
    const late = new Date(event.submissionDeadline!.getTime() + 60_000);
    await expect(
      db.$transaction((tx) =>
        saveSubmissionRecord(
          tx,
          { eventId: id, version: null, intent: "save", title: "迟到", author: "x", body: "x" },
          { actor: actorOf(clerkD), ip: null, unitId: county.townshipB.id, now: late },
        ),
      ),
    ).rejects.toThrow("交流材料报送已截止");
  });

  it("staff select for the compilation, which prints the selected ones only", async () => {
    await actAs(clerkA);
    const [a, b] = await db.eventSubmission.findMany({ where: { eventId: id }, orderBy: { submittedAt: "asc" } });
    expect((await selectSubmission({ id: a.id, version: a.version, decision: "select" }))?.serverError).toBe("无权执行此操作");
    await actAs(staff);
    expect((await selectSubmission({ id: a.id, version: a.version, decision: "select" }))?.data?.version).toBe(a.version + 1);
    expect((await selectSubmission({ id: a.id, version: a.version + 1, decision: "select" }))?.serverError).toBe("只能遴选已提交的材料");
    expect((await selectSubmission({ id: b.id, version: b.version, decision: "reject" }))?.data).toBeTruthy();
    expect(await db.notification.count({ where: { kind: "event.selected", userId: clerkA.id } })).toBe(1);
    const doc = (await DOCUMENTS["event-compilation"].load(clerkB as never, id)) as OfficialDoc;
    const text = documentText(doc);
    expect(doc.title).toBe("流程交流会交流材料汇编");
    expect(text).toContain("甲镇无职党员设岗");
    expect(text).toContain("附件：设岗台账.pdf");
    expect(text).not.toContain("乙乡流动党员");
  });

  it("minutes only once the event has begun; they move it to 已召开; archived events are closed", async () => {
    await actAs(staff);
    const version = (await db.event.findUniqueOrThrow({ where: { id } })).version;
    expect((await recordEventMinutes({ id, version, minutes: "交流了做法", followUps: null }))?.serverError).toBe("活动尚未召开，不能记录纪要");
    expect(await DOCUMENTS["event-minutes"].load(staff as never, id)).toBeNull();
    const after = new Date(Date.now() + 11 * DAY);
    await db.$transaction((tx) =>
      recordMinutesRecord(
        tx,
        { id, version, minutes: "会议交流了两个乡镇的做法。\n要求各乡镇对照借鉴。", followUps: "月底前报送借鉴计划" },
        { actor: actorOf(staff), ip: null, now: after },
      ),
    );
    const held = await db.event.findUniqueOrThrow({ where: { id } });
    expect(held.state).toBe("HELD");
    expect(await db.notification.count({ where: { kind: "event.minutes", link: `/events/${id}` } })).toBe(2);
    const minutes = documentText((await DOCUMENTS["event-minutes"].load(clerkA as never, id)) as OfficialDoc);
    expect(minutes).toContain("要求各乡镇对照借鉴。");
    expect(minutes).toContain("赵六（组织委员）");
    expect((await archiveEvent({ id, version: held.version }))?.data).toEqual({ id });
    const b = await db.eventSubmission.findFirstOrThrow({ where: { eventId: id, unitId: county.townshipB.id } });
    expect((await selectSubmission({ id: b.id, version: b.version, decision: "select" }))?.serverError).toBe("已归档的活动不能再调整汇编");
    expect((await updateEvent({ ...exchange({ title: "流程交流会" }), id, version: held.version + 1 } as never))?.serverError).toBe(
      "活动已召开，不能再修改安排",
    );
  });

  it("an adoption may name the event only by a unit it invited, and the event counts it", async () => {
    await actAs(clerkB);
    const adoption = {
      sourceName: "无职党员设岗定责",
      sourcePlace: "甲镇",
      adoptedOn: formatDate(new Date()),
      how: "参照甲镇做法设岗",
      result: "党员认岗 40 人",
    };
    // The event's day is still to come in real time, and an adoption cannot precede it.
    const early = await recordAdoption({ ...adoption, eventId: id } as never);
    expect(early?.validationErrors?.fieldErrors?.adoptedOn).toEqual(["借鉴时间不能早于该活动召开的日期"]);
    await db.event.update({ where: { id }, data: { startsAt: new Date(Date.now() - DAY) } });
    expect((await recordAdoption({ ...adoption, eventId: id } as never))?.data).toBeTruthy();
    await actAs(clerkD);
    const outsider = await recordAdoption({ ...adoption, eventId: id } as never);
    expect(outsider?.validationErrors?.fieldErrors?.eventId).toEqual(["只能选择本单位受邀参加、已召开的活动"]);
    expect((await adoptionsOfEvent(id)).map((a) => a.unit.name)).toEqual(["乙乡"]);
    const { events } = await listEvents(staff, { q: "流程交流会" });
    expect(events[0]._count.adoptions).toBe(1);
  });

  it("the project page lists the event; a unit not invited sees the held event by name without a link", async () => {
    const forD = await eventsOfProject(clerkD, running);
    const shown = forD.find((e) => e.id === id)!;
    expect(shown.opens).toBe(false);
    // Events not held yet show only when open to the unit (it was invited to "修改测试交流会").
    expect(forD.every((e) => e.state === "HELD" || e.state === "ARCHIVED" || e.opens)).toBe(true);
    expect(forD.some((e) => e.title === "理论研讨会筹备")).toBe(false);
    expect((await eventsOfProject(staff, running)).length).toBeGreaterThan(forD.length);
  });

  it("the Excel export is scoped like the list", async () => {
    const forD = await eventsExport(clerkD, {});
    expect(forD.total).toBe((await listEvents(clerkD, {})).total);
    expect((await forD.response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const forStaff = await eventsExport(staff, {});
    expect(forStaff.total).toBe(await db.event.count());
    await forStaff.response.arrayBuffer();
  });
});
