import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { likeText } from "@/lib/db/search";
import { endOfBusinessDay, startOfBusinessDay } from "@/lib/time";
import { ADOPTABLE_EVENT_STATES, EVENTS_PAGE_SIZE, INVITABLE_UNIT_TYPES, SHOWABLE_STATES } from "@/lib/events/rules";
import type { EventFilter } from "@/lib/events/schemas";

type Viewer = Pick<CurrentUser, "roles" | "unitId">;

/**
 * What a viewer may read: county readers every event; a unit only the events it is invited to or hosts, and only
 * once the notice is out (a planned event is nobody's business yet).
 */
export function eventScope(viewer: Viewer): Prisma.EventWhereInput {
  if (seesWholeCounty(viewer.roles)) return {};
  return { state: { not: "PLANNING" }, OR: [{ invitations: { some: { unitId: viewer.unitId } } }, { hostUnitId: viewer.unitId }] };
}

/** A unit sees its own invitation and material only; county readers every unit's. */
const ownOnly = (viewer: Viewer) => (seesWholeCounty(viewer.roles) ? {} : { unitId: viewer.unitId });

export function eventWhere(viewer: Viewer, filter: EventFilter): Prisma.EventWhereInput {
  const words = filter.q ? likeText(filter.q) : null;
  return {
    AND: [
      eventScope(viewer),
      filter.kind ? { kind: filter.kind } : {},
      filter.state ? { state: filter.state } : {},
      filter.year ? { startsAt: { gte: startOfBusinessDay(`${filter.year}-01-01`)!, lt: endOfBusinessDay(`${filter.year}-12-31`)! } } : {},
      words ? { OR: [{ title: { contains: words, mode: "insensitive" } }, { place: { contains: words, mode: "insensitive" } }] } : {},
    ],
  };
}

export async function listEvents(viewer: Viewer, filter: EventFilter) {
  const where = eventWhere(viewer, filter);
  const page = filter.page ?? 1;
  const [total, events] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * EVENTS_PAGE_SIZE,
      take: EVENTS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        title: true,
        startsAt: true,
        place: true,
        state: true,
        hostUnit: { select: { name: true } },
        _count: { select: { invitations: true, adoptions: true } },
      },
    }),
  ]);
  return { total, page, pageSize: EVENTS_PAGE_SIZE, events };
}

/** Calendar years (Beijing) that have events, newest first, for the year filter. */
export async function eventYears(): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT EXTRACT(YEAR FROM "startsAt" AT TIME ZONE 'Asia/Shanghai')::int AS "year" FROM "Event" ORDER BY 1 DESC`;
  return rows.map((row) => row.year);
}

/** One event as its page shows it to this viewer: a unit gets its own invitation and material only. */
export function getEvent(viewer: Viewer, id: string) {
  return db.event.findFirst({
    where: { AND: [{ id }, eventScope(viewer)] },
    include: {
      hostUnit: { select: { id: true, name: true } },
      siteProject: { select: { id: true, title: true, unit: { select: { name: true } } } },
      projects: {
        orderBy: { sortOrder: "asc" },
        select: { project: { select: { id: true, title: true, unitId: true, unit: { select: { name: true } }, year: { select: { year: true } } } } },
      },
      invitations: {
        where: ownOnly(viewer),
        orderBy: [{ unit: { type: "asc" } }, { unit: { sortOrder: "asc" } }],
        select: { id: true, unitId: true, attendees: true, confirmedAt: true, version: true, unit: { select: { name: true } } },
      },
      submissions: {
        where: ownOnly(viewer),
        orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: {
          id: true,
          unitId: true,
          title: true,
          author: true,
          body: true,
          state: true,
          submittedAt: true,
          version: true,
          unit: { select: { name: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
        },
      },
      _count: { select: { adoptions: true, submissions: { where: { state: "SELECTED" } } } },
    },
  });
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** The adoptions that name the event (county readers: the event's effect). */
export function adoptionsOfEvent(eventId: string) {
  return db.adoption.findMany({
    where: { eventId },
    orderBy: [{ adoptedOn: "desc" }, { id: "desc" }],
    select: {
      id: true,
      adoptedOn: true,
      how: true,
      sourceName: true,
      unit: { select: { name: true } },
      sourceProject: { select: { id: true, title: true } },
    },
  });
}

/** What the event form offers: host units, units to invite and projects to show. */
export async function eventFormOptions(linkedProjectIds: string[] = []) {
  const [hosts, invitable, projects] = await Promise.all([
    db.unit.findMany({ where: { active: true, type: { not: "CITY" } }, orderBy: [{ type: "asc" }, { sortOrder: "asc" }], select: { id: true, name: true } }),
    db.unit.findMany({
      where: { active: true, type: { in: INVITABLE_UNIT_TYPES } },
      orderBy: [{ type: "desc" }, { sortOrder: "asc" }],
      select: { id: true, name: true, type: true },
    }),
    db.project.findMany({
      where: { OR: [{ state: { in: SHOWABLE_STATES } }, { id: { in: linkedProjectIds } }] },
      orderBy: [{ year: { year: "desc" } }, { title: "asc" }],
      select: { id: true, title: true, unit: { select: { name: true } }, year: { select: { year: true } } },
    }),
  ]);
  return {
    hosts,
    invitable,
    projects: projects.map((p) => ({ id: p.id, label: `${p.title}（${p.unit.name}，${p.year.year} 年度）` })),
  };
}

/**
 * Where a project was shown, for its page and the case library. County readers see every event; anyone else the
 * held ones (that a practice was shown is no secret once the meeting took place) and those open to them.
 */
export async function eventsOfProject(viewer: Viewer, projectId: string) {
  const county = seesWholeCounty(viewer.roles);
  const rows = await db.eventProject.findMany({
    where: { projectId, event: county ? {} : { OR: [{ state: { in: ADOPTABLE_EVENT_STATES } }, eventScope(viewer)] } },
    orderBy: { event: { startsAt: "desc" } },
    select: { event: { select: { id: true, kind: true, title: true, startsAt: true, state: true, place: true } } },
  });
  const openIds = county
    ? new Set(rows.map((r) => r.event.id))
    : new Set(
        (await db.event.findMany({ where: { AND: [{ id: { in: rows.map((r) => r.event.id) } }, eventScope(viewer)] }, select: { id: true } })).map((e) => e.id),
      );
  return rows.map((row) => ({ ...row.event, opens: openIds.has(row.event.id) }));
}

/** Events an adoption of this unit may name: held ones it was invited to or hosted. */
export function adoptableEvents(viewer: Viewer) {
  return db.event.findMany({
    where: { AND: [eventScope(viewer), { state: { in: ADOPTABLE_EVENT_STATES } }] },
    orderBy: { startsAt: "desc" },
    select: { id: true, title: true, startsAt: true },
  });
}

/** A submission's file for a viewer who may read that submission (scoped like the event page). */
export function eventAttachmentForViewer(viewer: Viewer, eventId: string, attachmentId: string) {
  return db.eventAttachment.findFirst({
    where: { id: attachmentId, submission: { eventId, ...ownOnly(viewer), event: eventScope(viewer) } },
    select: { id: true, fileName: true, storageKey: true, size: true },
  });
}

/** What the documents print: the event with every invited unit (the notice is addressed to all of them). */
export function eventForDocument(viewer: Viewer, id: string) {
  return db.event.findFirst({
    where: { AND: [{ id }, eventScope(viewer)] },
    include: {
      hostUnit: { select: { name: true } },
      siteProject: { select: { title: true, unit: { select: { name: true } } } },
      projects: { orderBy: { sortOrder: "asc" }, select: { project: { select: { title: true, unit: { select: { name: true } } } } } },
      invitations: {
        orderBy: [{ unit: { type: "asc" } }, { unit: { sortOrder: "asc" } }],
        select: { attendees: true, confirmedAt: true, unit: { select: { name: true } } },
      },
      submissions: {
        where: { state: "SELECTED" },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: {
          title: true,
          author: true,
          body: true,
          unit: { select: { name: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { fileName: true } },
        },
      },
    },
  });
}
export type EventForDocument = NonNullable<Awaited<ReturnType<typeof eventForDocument>>>;
