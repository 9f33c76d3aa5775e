import { describe, expect, it } from "vitest";
import { confirmProblem, submissionProblem, takesSubmissions } from "@/lib/events/rules";
import { EVENT_MACHINE, SUBMISSION_MACHINE } from "@/lib/events/states";
import { eventCompilationDocument, eventNoticeDocument, type EventDocInput } from "@/lib/documents/event-documents";
import { documentText } from "@/lib/documents/model";

const deadline = new Date("2026-12-10T09:00:00+08:00");
const startsAt = new Date("2026-12-15T09:00:00+08:00");

describe("when units may answer", () => {
  it("a 现场会 takes no material; the others until the deadline, only while the notice is out", () => {
    expect(takesSubmissions("SITE_VISIT")).toBe(false);
    expect(submissionProblem({ kind: "SITE_VISIT", state: "NOTIFIED", submissionDeadline: null }, deadline)).toBe("现场会不需要报送材料");
    expect(submissionProblem({ kind: "EXCHANGE", state: "PLANNING", submissionDeadline: deadline }, deadline)).toBe("活动通知尚未印发");
    expect(submissionProblem({ kind: "EXCHANGE", state: "NOTIFIED", submissionDeadline: deadline }, deadline)).toBeNull();
    expect(submissionProblem({ kind: "SEMINAR", state: "NOTIFIED", submissionDeadline: deadline }, new Date(deadline.getTime() + 1))).toBe("论文报送已截止");
    expect(submissionProblem({ kind: "EXCHANGE", state: "HELD", submissionDeadline: deadline }, deadline)).toBe("活动已召开，不能再报送材料");
  });

  it("attendance is confirmed between the notice and the start", () => {
    expect(confirmProblem({ state: "NOTIFIED", startsAt }, deadline)).toBeNull();
    expect(confirmProblem({ state: "NOTIFIED", startsAt }, new Date(startsAt.getTime() + 1))).toBe("活动已开始，不能再确认参会");
    expect(confirmProblem({ state: "PLANNING", startsAt }, deadline)).toBe("活动通知尚未印发");
  });
});

describe("the state tables", () => {
  it("an event is edited until held, minutes move it to 已召开, only a held one is archived", () => {
    expect(EVENT_MACHINE.problem("edit", "HELD", "staff")).toBe("活动已召开，不能再修改安排");
    expect(EVENT_MACHINE.problem("publish", "PLANNING", "unit")).toBe("无权“印发通知”");
    expect(EVENT_MACHINE.transitions.record.to).toBe("HELD");
    expect(EVENT_MACHINE.available("HELD", ["staff"])).toEqual(["record", "select", "archive"]);
  });

  it("a submitted material is selected or not, and staff may change their mind", () => {
    expect(SUBMISSION_MACHINE.available("SUBMITTED", ["staff"])).toEqual(["select", "reject"]);
    expect(SUBMISSION_MACHINE.available("NOT_SELECTED", ["staff"])).toEqual(["select"]);
    expect(SUBMISSION_MACHINE.problem("save", "SUBMITTED", "unit")).toBe("已提交的材料不能修改");
    expect(SUBMISSION_MACHINE.progress("NOT_SELECTED").map((s) => s.label)).toEqual(["草稿", "已提交", "未入选"]);
  });
});

describe("the documents", () => {
  const event: EventDocInput = {
    id: "e1",
    kind: "SEMINAR",
    title: "组织工作创新理论研讨会",
    startsAt,
    place: "县委党校报告厅",
    agenda: "宣读论文\n专家点评",
    noticeNumber: "明组通〔2026〕9号",
    submissionDeadline: deadline,
    notifiedAt: null,
    minutes: null,
    followUps: null,
    heldAt: null,
    hostUnit: { name: "县委党校" },
    siteProject: null,
    projects: [],
    invitations: [
      { attendees: null, confirmedAt: null, unit: { name: "青石镇" } },
      { attendees: null, confirmedAt: null, unit: { name: "县教育局" } },
    ],
    submissions: [{ title: "论基层党建创新", author: "张三", body: "第一段\n\n第二段", unit: { name: "青石镇" }, attachments: [{ fileName: "数据.xlsx" }] }],
  };

  it("the notice addresses the invited units, numbers its sections and names the deadline for papers", () => {
    const text = documentText(eventNoticeDocument("明澜县", event));
    expect(text).toContain("关于召开组织工作创新理论研讨会的通知");
    expect(text).toContain("青石镇、县教育局：");
    expect(text).toContain("明组通〔2026〕9号");
    expect(text).toContain("一、时间和地点");
    // No projects shown: that section is left out and the next ones move up.
    expect(text).toContain("二、会议议程");
    expect(text).toMatch(/2026年12月10日09:00前在平台上报送论文/);
  });

  it("the compilation has a contents list and each paper with its attachments named", () => {
    const doc = eventCompilationDocument("明澜县", event);
    expect(doc.title).toBe("组织工作创新理论研讨会论文汇编");
    const text = documentText(doc);
    expect(text).toContain("论基层党建创新（青石镇 张三）");
    expect(text).toContain("附件：数据.xlsx");
    expect(text).toContain("第二段");
  });
});
