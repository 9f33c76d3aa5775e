// The quarterly progress report (季度进展报告), as data: its states, the step bar, who moves it and what each
// move writes to the audit log. Pure. The grid's cells (未到期 / 待报送 / 逾期 …) add the deadline to these.
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** unit: the project's own 填报员; reviewer: the project's liaison (联系人) or the admin. */
export type ReportActor = "unit" | "reviewer";

export const REPORT_MACHINE = defineMachine({
  record: "进展报告",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "草稿", tone: "stone", holder: "申报单位填写并报送" },
    SUBMITTED: { label: "已报送", tone: "blue", holder: "项目联系人审核" },
    RETURNED: { label: "退回修改", tone: "amber", holder: "申报单位修改后重新报送" },
    ACCEPTED: { label: "已通过", tone: "green" },
  } satisfies Record<ReportStatus, StateSpec>,
  steps: [["DRAFT", "RETURNED"], ["SUBMITTED"], ["ACCEPTED"]],
  groups: {
    /** The unit may still change it and its attachments (草稿, 退回修改). */
    editable: ["DRAFT", "RETURNED"],
    /** Handed in at least once (已报送, 退回修改, 已通过): counted on time or late on the dashboards. */
    handedIn: ["SUBMITTED", "RETURNED", "ACCEPTED"],
    /** Handed in and not returned (已报送, 已通过): the quarter's report is no longer owed. */
    received: ["SUBMITTED", "ACCEPTED"],
  },
  transitions: {
    save: { label: "保存", from: ["DRAFT", "RETURNED"], by: ["unit"], refusal: "已报送的进展报告不能修改" },
    submit: { label: "报送", from: ["DRAFT", "RETURNED"], to: "SUBMITTED", by: ["unit"], audit: "report.submit", refusal: "该报告已报送，无需重复操作" },
    accept: { label: "通过", from: ["SUBMITTED"], to: "ACCEPTED", by: ["reviewer"], audit: "report.accept", refusal: "只能审核已报送的报告" },
    return: {
      label: "退回修改",
      from: ["SUBMITTED"],
      to: "RETURNED",
      by: ["reviewer"],
      audit: "report.return",
      refusal: "只能审核已报送的报告",
      needs: { field: "comment", label: "退回意见" },
    },
  },
});
