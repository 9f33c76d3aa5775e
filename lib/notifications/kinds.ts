// What each kind of notification is about, for the inbox's labels and filter. Pure.
import type { NotificationKind } from "@/lib/notifications/service";

/** The groups the inbox labels and filters by; "other" is only for kinds no longer written (old rows). */
export const NOTIFICATION_CATEGORIES = ["submission", "assignment", "decision", "return", "deadline", "overdue", "notice", "other"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  submission: "新提交",
  assignment: "分配",
  decision: "决定",
  return: "退回",
  deadline: "临近截止",
  overdue: "逾期",
  notice: "通知",
  other: "其他",
};

/** The kinds of each group (other: all kinds not listed). "report.reminder" is the kind of reminders sent before the split into due and overdue. */
export const CATEGORY_KINDS = {
  submission: [
    "project.submitted",
    "report.submitted",
    "topic.claim",
    "hearing.conflict",
    "practice.submitted",
    "digest.daily",
    "event.submitted",
    "research.submitted",
  ],
  assignment: ["topic.assigned", "hearing.assigned", "project.liaison", "research.assigned", "topic.defence"],
  decision: [
    "project.transition",
    "topic.bid_result",
    "report.reviewed",
    "award",
    "promotion.mark",
    "practice.reviewed",
    "event.selected",
    "research.closed",
    "research.marked",
    "topic.person_bid_result",
  ],
  return: ["project.returned", "report.returned", "practice.returned", "research.returned"],
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
  notice: [
    "topic.published",
    "topic.amended",
    "topic.withdrawn",
    "project.note",
    "consultation",
    "inspection",
    "township_meeting",
    "adoption",
    "event.invited",
    "event.minutes",
  ],
} as const satisfies Record<Exclude<NotificationCategory, "other">, readonly string[]>;

/** Every kind the app writes has a group other than 其他: a new kind left out of CATEGORY_KINDS does not compile. */
type Ungrouped = Exclude<NotificationKind, (typeof CATEGORY_KINDS)[keyof typeof CATEGORY_KINDS][number]>;
export const EVERY_KIND_GROUPED: [Ungrouped] extends [never] ? true : Ungrouped = true;

const CATEGORY_OF = new Map<string, NotificationCategory>(
  Object.entries(CATEGORY_KINDS).flatMap(([category, kinds]) => kinds.map((kind) => [kind, category as NotificationCategory])),
);

export function categoryOf(kind: string): NotificationCategory {
  return CATEGORY_OF.get(kind) ?? "other";
}

/** The where-clause on `kind` for one group. */
export function kindFilter(category: NotificationCategory): { in: string[] } | { notIn: string[] } {
  return category === "other" ? { notIn: [...CATEGORY_OF.keys()] } : { in: [...CATEGORY_KINDS[category]] };
}
