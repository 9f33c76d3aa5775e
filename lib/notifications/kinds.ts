// What each kind of notification is about, for the inbox's labels and filter. Pure.

/** The groups the inbox labels and filters by; "other" is everything not in one of the five. */
export const NOTIFICATION_CATEGORIES = ["assignment", "decision", "return", "deadline", "overdue", "other"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  assignment: "分配",
  decision: "决定",
  return: "退回",
  deadline: "临近截止",
  overdue: "逾期",
  other: "其他",
};

/** The kinds of each group (other: all kinds not listed). "report.reminder" is the kind of reminders sent before the split into due and overdue. */
export const CATEGORY_KINDS: Record<Exclude<NotificationCategory, "other">, string[]> = {
  assignment: ["topic.assigned", "hearing.assigned", "project.liaison"],
  decision: ["project.transition", "topic.bid_result", "report.reviewed", "award", "promotion.mark", "practice.reviewed"],
  return: ["project.returned", "report.returned", "practice.returned"],
  deadline: [
    "report.due",
    "report.reminder",
    "topic.deadline",
    "project.deadline",
    "rectification.due",
    "hearing.due",
    "hearing.remind",
    "award.deadline",
    "award.jury",
    "practice.due",
  ],
  overdue: ["report.overdue", "rectification.overdue", "practice.overdue"],
};

const CATEGORY_OF = new Map(Object.entries(CATEGORY_KINDS).flatMap(([category, kinds]) => kinds.map((kind) => [kind, category as NotificationCategory])));

export function categoryOf(kind: string): NotificationCategory {
  return CATEGORY_OF.get(kind) ?? "other";
}

/** The where-clause on `kind` for one group. */
export function kindFilter(category: NotificationCategory): { in: string[] } | { notIn: string[] } {
  return category === "other" ? { notIn: [...CATEGORY_OF.keys()] } : { in: CATEGORY_KINDS[category] };
}
