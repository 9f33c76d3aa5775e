// Events (现场会 / 经验交流会 / 理论研讨会) and the materials units send to them, as data: states, step bars, who
// moves them and what each move audits. Pure.
import type { EventState, SubmissionState } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** staff: 组工干部 and the admin (events.manage); unit: an invited unit's clerk (events.respond). */
export type EventActor = "staff" | "unit";

export const EVENT_MACHINE = defineMachine({
  record: "活动",
  initial: "PLANNING",
  states: {
    PLANNING: { label: "筹备中", tone: "stone", holder: "组工干部筹备并印发通知" },
    NOTIFIED: { label: "已发通知", tone: "blue", holder: "受邀单位确认参会、报送材料；会后组工干部记录纪要" },
    HELD: { label: "已召开", tone: "green", holder: "组工干部整理纪要、汇编后归档" },
    ARCHIVED: { label: "已归档", tone: "green" },
  } satisfies Record<EventState, StateSpec>,
  steps: [["PLANNING"], ["NOTIFIED"], ["HELD"], ["ARCHIVED"]],
  groups: {
    /** Held (已召开, 已归档): an adoption may name it. */
    held: ["HELD", "ARCHIVED"],
  },
  transitions: {
    edit: { label: "修改", from: ["PLANNING", "NOTIFIED"], by: ["staff"], audit: "event.update", refusal: "活动已召开，不能再修改安排" },
    publish: { label: "印发通知", from: ["PLANNING"], to: "NOTIFIED", by: ["staff"], audit: "event.publish", refusal: "通知已印发" },
    confirm: { label: "确认参会", from: ["NOTIFIED"], by: ["unit"], audit: "event.confirm", refusal: "只能在通知印发后、活动召开前确认参会" },
    record: {
      label: "记录纪要",
      from: ["NOTIFIED", "HELD"],
      to: "HELD",
      by: ["staff"],
      audit: "event.minutes",
      refusal: "只能在通知印发后记录纪要，已归档的活动不能修改",
      needs: { field: "minutes", label: "会议纪要" },
    },
    select: { label: "选入汇编", from: ["NOTIFIED", "HELD"], by: ["staff"], audit: "event.select", refusal: "已归档的活动不能再调整汇编" },
    archive: { label: "归档", from: ["HELD"], to: "ARCHIVED", by: ["staff"], audit: "event.archive", refusal: "只能归档已召开的活动" },
  },
});

export const SUBMISSION_MACHINE = defineMachine({
  record: "交流材料",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "草稿", tone: "stone", holder: "受邀单位填写并在截止前提交" },
    SUBMITTED: { label: "已提交", tone: "blue", holder: "组工干部遴选汇编" },
    SELECTED: { label: "入选汇编", tone: "green" },
    NOT_SELECTED: { label: "未入选", tone: "stone" },
  } satisfies Record<SubmissionState, StateSpec>,
  steps: [["DRAFT"], ["SUBMITTED"], ["SELECTED", "NOT_SELECTED"]],
  transitions: {
    save: { label: "保存", from: ["DRAFT"], by: ["unit"], refusal: "已提交的材料不能修改" },
    submit: { label: "提交", from: ["DRAFT"], to: "SUBMITTED", by: ["unit"], audit: "event_submission.submit", refusal: "该材料已提交，无需重复操作" },
    select: {
      label: "选入汇编",
      from: ["SUBMITTED", "NOT_SELECTED"],
      to: "SELECTED",
      by: ["staff"],
      audit: "event_submission.select",
      refusal: "只能遴选已提交的材料",
    },
    reject: {
      label: "不选入",
      from: ["SUBMITTED", "SELECTED"],
      to: "NOT_SELECTED",
      by: ["staff"],
      audit: "event_submission.reject",
      refusal: "只能遴选已提交的材料",
    },
  },
});
