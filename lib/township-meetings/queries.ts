import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { likeText } from "@/lib/db/search";
import { endOfBusinessDay, startOfBusinessDay } from "@/lib/time";
import { SHAREABLE_STATES, shareableYears } from "@/lib/township-meetings/rules";
import type { MeetingFilter } from "@/lib/township-meetings/schemas";

export const MEETINGS_PAGE_SIZE = 20;

// Every reader sees every meeting: what townships share there is meant to be copied by the others.
export function meetingWhere(filter: MeetingFilter): Prisma.TownshipMeetingWhereInput {
  const words = filter.q ? likeText(filter.q) : null;
  return {
    AND: [
      filter.year ? { heldOn: { gte: startOfBusinessDay(`${filter.year}-01-01`)!, lt: endOfBusinessDay(`${filter.year}-12-31`)! } } : {},
      filter.unitId ? { shares: { some: { unitId: filter.unitId } } } : {},
      words ? { OR: [{ shares: { some: { practice: { contains: words } } } }, { problems: { contains: words } }, { followUps: { contains: words } }] } : {},
    ],
  };
}

export async function listMeetings(filter: MeetingFilter) {
  const where = meetingWhere(filter);
  const page = filter.page ?? 1;
  const [total, meetings] = await Promise.all([
    db.townshipMeeting.count({ where }),
    db.townshipMeeting.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
      select: {
        id: true,
        heldOn: true,
        place: true,
        host: true,
        problems: true,
        shares: { orderBy: { sortOrder: "asc" }, select: { id: true, practice: true, unit: { select: { name: true } } } },
      },
    }),
  ]);
  return { total, page, pageSize: MEETINGS_PAGE_SIZE, meetings };
}

/** Calendar years (Beijing) that have meetings, newest first, for the year filter. */
export async function meetingYears(): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT EXTRACT(YEAR FROM "heldOn" AT TIME ZONE 'Asia/Shanghai')::int AS "year" FROM "TownshipMeeting" ORDER BY 1 DESC`;
  return rows.map((row) => row.year);
}

export function getMeeting(id: string) {
  return db.townshipMeeting.findUnique({
    where: { id },
    include: {
      shares: {
        orderBy: { sortOrder: "asc" },
        include: { unit: { select: { id: true, name: true } }, project: { select: { id: true, title: true, year: { select: { year: true } } } } },
      },
    },
  });
}

export function townshipOptions() {
  return db.unit.findMany({ where: { type: "TOWNSHIP", active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

/** Projects a share may name, for meetings held from `fromYear` to `toYear` (the form narrows by date and township). */
export function shareableProjects(fromYear: number, toYear: number) {
  return db.project.findMany({
    where: { state: { in: SHAREABLE_STATES }, unit: { type: "TOWNSHIP" }, year: { year: { gte: shareableYears(fromYear).at(-1)!, lte: toYear } } },
    orderBy: [{ year: { year: "desc" } }, { title: "asc" }],
    select: { id: true, title: true, unitId: true, year: { select: { year: true } } },
  });
}

/** Where a project was shared, for its page. */
export function sharesOfProject(projectId: string) {
  return db.meetingShare.findMany({
    where: { projectId },
    orderBy: { meeting: { heldOn: "desc" } },
    select: { id: true, practice: true, meeting: { select: { id: true, heldOn: true, place: true } } },
  });
}

/** What the meeting form offers: the townships, and projects for meetings held from `fromYear` to this year. */
export async function meetingFormOptions(fromYear: number, thisYear: number, linked: { id: string; title: string; unitId: string; year: number }[] = []) {
  const [townships, projects] = await Promise.all([townshipOptions(), shareableProjects(fromYear, thisYear)]);
  const options = projects.map((p) => ({ id: p.id, title: p.title, unitId: p.unitId, year: p.year.year }));
  // A project linked earlier stays selectable in the edit even if it has since been terminated.
  for (const project of linked) if (!options.some((p) => p.id === project.id)) options.push(project);
  return { townships, projects: options };
}
