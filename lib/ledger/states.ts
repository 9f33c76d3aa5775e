// 盘点销号: a legacy problem's states, who moves it and what each move audits. Pure. Overdue is not a state: it
// comes from the target date (lib/ledger/rules.ts).
import type { LedgerStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** keeper: the problem's owner (责任人) or the head of its section; confirmer: who confirms its 销号 (decision 0055). */
export type LedgerActor = "keeper" | "confirmer";

export const LEDGER_MACHINE = defineMachine({
  record: "遗留问题",
  initial: "OPEN",
  states: {
    OPEN: { label: "在办", tone: "blue", holder: "责任人整改，完成后申请销号" },
    REOPENED: { label: "重新打开", tone: "amber", holder: "责任人继续整改，完成后再次申请销号" },
    PENDING: { label: "待确认销号", tone: "blue", holder: "科室负责人确认销号" },
    CLEARED: { label: "已销号", tone: "green" },
  } satisfies Record<LedgerStatus, StateSpec>,
  steps: [["OPEN", "REOPENED"], ["PENDING"], ["CLEARED"]],
  groups: {
    /** Still being worked on (在办, 重新打开); a request waiting for confirmation is the confirmer's, not overdue work. */
    working: ["OPEN", "REOPENED"],
  },
  transitions: {
    edit: { label: "修改", from: ["OPEN", "REOPENED"], by: ["keeper"], audit: "ledger.update", refusal: "已申请销号或已销号的问题不能修改" },
    attach: { label: "上传佐证材料", from: ["OPEN", "REOPENED"], by: ["keeper"], audit: "ledger.attach", refusal: "已申请销号或已销号的问题不能再改佐证材料" },
    request: {
      label: "申请销号",
      from: ["OPEN", "REOPENED"],
      to: "PENDING",
      by: ["keeper"],
      audit: "ledger.request",
      refusal: "该问题已申请销号，无需重复操作",
      needs: { field: "evidence", label: "销号佐证" },
    },
    confirm: { label: "确认销号", from: ["PENDING"], to: "CLEARED", by: ["confirmer"], audit: "ledger.clear", refusal: "只能确认待确认销号的问题" },
    reject: {
      label: "退回",
      from: ["PENDING"],
      to: "OPEN",
      by: ["confirmer"],
      audit: "ledger.reject",
      refusal: "只能退回待确认销号的问题",
      needs: { field: "comment", label: "退回意见" },
    },
    reopen: {
      label: "重新打开",
      from: ["CLEARED"],
      to: "REOPENED",
      by: ["confirmer"],
      audit: "ledger.reopen",
      refusal: "只能重新打开已销号的问题",
      needs: { field: "reason", label: "重新打开的原因" },
    },
  },
});
