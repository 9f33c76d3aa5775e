// The triage of a suggestion (建言献策), as data: states, what staff may do from which, what it writes. Pure.
import type { SuggestionStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

export const SUGGESTION_MACHINE = defineMachine({
  record: "建议",
  initial: "NEW",
  states: {
    NEW: { label: "待处理", tone: "amber", holder: "组织部研究处理" },
    ACCEPTED: { label: "已采纳", tone: "green" },
    REPLIED: { label: "已答复", tone: "green" },
    MERGED: { label: "已合并", tone: "stone" },
    NOT_ADOPTED: { label: "未采纳", tone: "stone" },
  } satisfies Record<SuggestionStatus, StateSpec>,
  steps: [["NEW"], ["ACCEPTED", "REPLIED", "MERGED", "NOT_ADOPTED"]],
  transitions: {
    accept: { label: "采纳", from: ["NEW", "REPLIED", "NOT_ADOPTED"], to: "ACCEPTED", by: ["staff"], audit: "suggestion.triage", needsReply: false },
    reply: {
      label: "答复",
      from: ["NEW", "ACCEPTED", "REPLIED"],
      to: "REPLIED",
      by: ["staff"],
      audit: "suggestion.triage",
      needsReply: true,
      needs: { field: "reply", label: "答复内容" },
    },
    merge: {
      label: "合并为重复",
      from: ["NEW", "ACCEPTED", "REPLIED", "NOT_ADOPTED"],
      to: "MERGED",
      by: ["staff"],
      audit: "suggestion.triage",
      needsReply: false,
    },
    notAdopted: {
      label: "不予采纳",
      from: ["NEW", "ACCEPTED", "REPLIED"],
      to: "NOT_ADOPTED",
      by: ["staff"],
      audit: "suggestion.triage",
      needsReply: true,
      needs: { field: "reply", label: "不予采纳的理由" },
    },
  },
});
