// What each kind of event asks of invited units, and when they may still answer. Pure.
import type { EventKind, EventState, UnitType } from "@/lib/generated/prisma/enums";
import { EVENT_MACHINE } from "@/lib/events/states";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  SITE_VISIT: "现场会",
  EXCHANGE: "经验交流会",
  SEMINAR: "理论研讨会",
};

/** What units send: 交流材料 to an exchange, 论文 to a seminar, nothing to a site visit. */
export const MATERIAL_LABELS: Record<EventKind, string | null> = {
  SITE_VISIT: null,
  EXCHANGE: "交流材料",
  SEMINAR: "论文",
};

export function takesSubmissions(kind: EventKind): boolean {
  return MATERIAL_LABELS[kind] !== null;
}

/** A unit answers (confirms, writes, submits) while the notice is out and, for materials, before the deadline. */
export function submissionProblem(event: { kind: EventKind; state: EventState; submissionDeadline: Date | null }, now: Date): string | null {
  const material = MATERIAL_LABELS[event.kind];
  if (!material) return "现场会不需要报送材料";
  if (event.state !== "NOTIFIED") return event.state === "PLANNING" ? "活动通知尚未印发" : "活动已召开，不能再报送材料";
  if (event.submissionDeadline && now > event.submissionDeadline) return `${material}报送已截止`;
  return null;
}

/** Attendance is confirmed between the notice and the day of the event. */
export function confirmProblem(event: { state: EventState; startsAt: Date }, now: Date): string | null {
  if (event.state !== "NOTIFIED") return event.state === "PLANNING" ? "活动通知尚未印发" : "活动已召开，不能再确认参会";
  if (now > event.startsAt) return "活动已开始，不能再确认参会";
  return null;
}

/** An adoption can name an event once it has been held. */
export const ADOPTABLE_EVENT_STATES = EVENT_MACHINE.group("held");

/** Projects that can be shown: approved by the 部务会 and under way or done. */
export const SHOWABLE_STATES = PROJECT_MACHINE.group("approvedStanding");

/** Units that can be invited: townships and county departments (the department's own sections take part as staff). */
export const INVITABLE_UNIT_TYPES: UnitType[] = ["TOWNSHIP", "DEPARTMENT"];

export const EVENTS_PAGE_SIZE = 20;
