import { describe, expect, it } from "vitest";
import { CATEGORY_KINDS, CATEGORY_LABELS, categoryOf, kindFilter } from "@/lib/notifications/kinds";

describe("notification kinds", () => {
  it("groups kinds for the inbox, with Chinese labels", () => {
    expect(categoryOf("topic.assigned")).toBe("assignment");
    expect(categoryOf("project.transition")).toBe("decision");
    expect(categoryOf("project.returned")).toBe("return");
    expect(categoryOf("report.returned")).toBe("return");
    expect(categoryOf("topic.deadline")).toBe("deadline");
    expect(categoryOf("report.overdue")).toBe("overdue");
    expect(categoryOf("rectification.overdue")).toBe("overdue");
    // New submissions and plain notices have groups of their own; 其他 is left for kinds no longer written.
    expect(categoryOf("project.submitted")).toBe("submission");
    expect(categoryOf("report.submitted")).toBe("submission");
    expect(categoryOf("township_meeting")).toBe("notice");
    expect(categoryOf("some.retired_kind")).toBe("other");
    expect(CATEGORY_LABELS).toMatchObject({
      assignment: "分配",
      decision: "决定",
      return: "退回",
      deadline: "临近截止",
      overdue: "逾期",
      submission: "新提交",
      notice: "通知",
    });
  });

  it("puts each kind in one group only, and 'other' excludes them all", () => {
    const all = Object.values(CATEGORY_KINDS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(kindFilter("overdue")).toEqual({ in: ["report.overdue", "rectification.overdue", "practice.overdue"] });
    expect((kindFilter("other") as { notIn: string[] }).notIn.sort()).toEqual([...all].sort());
  });
});
