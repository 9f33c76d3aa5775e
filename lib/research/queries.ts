import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalMark, ResearchState, Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { addTallies, adoptionRate, EMPTY_TALLY, tallyMarks, type MarkTally } from "@/lib/research/rules";
import { RESEARCH_STATES, type ListFilter } from "@/lib/research/schemas";
import { reviewableWhere, teamWhere } from "@/lib/research/service";
import { RESEARCH_MACHINE } from "@/lib/research/states";

export const RESEARCH_PAGE_SIZE = 20;

type Viewer = { id: string; roles: readonly Role[] };

/** What a viewer may read: county readers every topic; anyone else (units outside the department) none. */
export function researchScope(viewer: Viewer): Prisma.ResearchTopicWhereInput {
  return can(viewer.roles, "research.view") ? {} : { id: "-" };
}

/** Proposals that count: those of submitted reports (报告已交, 已结题). */
const COUNTED_STATES = RESEARCH_MACHINE.group("reported");

export function listWhere(viewer: Viewer, yearId: string, filter: Omit<ListFilter, "year" | "page">): Prisma.ResearchTopicWhereInput {
  return {
    AND: [
      researchScope(viewer),
      { yearId },
      filter.area ? { areaId: filter.area } : {},
      filter.section ? { sectionId: filter.section } : {},
      filter.state ? { state: filter.state } : {},
      filter.mine ? teamWhere(viewer.id) : {},
    ],
  };
}

export const LIST_ORDER: Prisma.ResearchTopicOrderByWithRelationInput[] = [{ dueAt: "asc" }, { title: "asc" }, { id: "asc" }];

export const LIST_SELECT = {
  id: true,
  title: true,
  state: true,
  dueAt: true,
  area: { select: { name: true } },
  section: { select: { name: true } },
  lead: { select: { id: true, name: true } },
  members: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
  proposals: { select: { mark: true } },
} satisfies Prisma.ResearchTopicSelect;

type ListTopic = Prisma.ResearchTopicGetPayload<{ select: typeof LIST_SELECT }>;

export function listRow(topic: ListTopic) {
  const tally = COUNTED_STATES.includes(topic.state) ? tallyMarks(topic.proposals.map((p) => p.mark)) : EMPTY_TALLY;
  return { ...topic, tally, rate: adoptionRate(tally) };
}
export type ResearchRow = ReturnType<typeof listRow>;

/** The year's topics, filtered and paged in the database, each with its tally and 采纳率. */
export async function researchList(viewer: Viewer, yearId: string, filter: ListFilter) {
  const where = listWhere(viewer, yearId, filter);
  const page = filter.page ?? 1;
  const [total, topics] = await Promise.all([
    db.researchTopic.count({ where }),
    db.researchTopic.findMany({ where, orderBy: LIST_ORDER, skip: (page - 1) * RESEARCH_PAGE_SIZE, take: RESEARCH_PAGE_SIZE, select: LIST_SELECT }),
  ]);
  return { total, page, pageSize: RESEARCH_PAGE_SIZE, rows: topics.map(listRow) };
}

export type YearAdoption = {
  topics: number;
  byState: Record<ResearchState, number>;
  tally: MarkTally;
  /** 采纳率 of the year (decision 0051), null when no proposal is marked yet. */
  rate: number | null;
};

/** The year's topics by state and its 采纳率 (for the list page, and later the dashboard). Counted in the database. */
export async function researchAdoptionForYear(yearId: string): Promise<YearAdoption> {
  const [states, marks] = await Promise.all([
    db.researchTopic.groupBy({ by: ["state"], where: { yearId }, _count: { _all: true } }),
    db.researchProposal.groupBy({ by: ["mark"], where: { topic: { yearId, state: { in: COUNTED_STATES } } }, _count: { _all: true } }),
  ]);
  const byState = Object.fromEntries(RESEARCH_STATES.map((s) => [s, 0])) as Record<ResearchState, number>;
  for (const row of states) byState[row.state] = row._count._all;
  const tally = marks.reduce((sum, row) => addTallies(sum, tallyMarks(Array<ProposalMark | null>(row._count._all).fill(row.mark))), EMPTY_TALLY);
  return { topics: states.reduce((n, row) => n + row._count._all, 0), byState, tally, rate: adoptionRate(tally) };
}

export type ResearchRecord = {
  userId: string;
  /** Topics of the year the user leads. */
  led: number;
  /** Topics of the year the user is a member of (not the lead). */
  member: number;
  /** Of those (led or member), the ones 已结题. */
  finished: number;
  /** Proposals in the submitted reports of those topics, and how the leaders marked them. */
  proposals: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  unmarked: number;
  /** 采纳率 of those proposals (decision 0051), null when none is marked. */
  rate: number | null;
};

/** Each user's research of a year (for the cadre's year record): every user asked gets a row, zeros when none. */
export async function researchRecordFor(userIds: string[], yearId: string): Promise<ResearchRecord[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const topics = await db.researchTopic.findMany({
    where: { yearId, OR: [{ leadId: { in: ids } }, { members: { some: { userId: { in: ids } } } }] },
    select: { leadId: true, state: true, members: { select: { userId: true } }, proposals: { select: { mark: true } } },
  });
  return ids.map((userId) => {
    let led = 0;
    let member = 0;
    let finished = 0;
    let tally = EMPTY_TALLY;
    for (const topic of topics) {
      const leads = topic.leadId === userId;
      const isMember = !leads && topic.members.some((m) => m.userId === userId);
      if (!leads && !isMember) continue;
      if (leads) led++;
      else member++;
      if (topic.state === "CLOSED") finished++;
      if (COUNTED_STATES.includes(topic.state)) tally = addTallies(tally, tallyMarks(topic.proposals.map((p) => p.mark)));
    }
    return {
      userId,
      led,
      member,
      finished,
      proposals: tally.proposals,
      adopted: tally.adopted,
      partly: tally.partly,
      notAdopted: tally.notAdopted,
      unmarked: tally.unmarked,
      rate: adoptionRate(tally),
    };
  });
}

/** One topic's page: the topic (scoped), what this viewer may do with it. */
export async function researchTopicPage(viewer: Viewer, id: string) {
  const topic = await db.researchTopic.findFirst({
    where: { AND: [{ id }, researchScope(viewer)] },
    include: {
      year: { select: { year: true } },
      area: { select: { id: true, name: true } },
      section: { select: { id: true, name: true, head: { select: { name: true } } } },
      lead: { select: { id: true, name: true } },
      members: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
      proposals: { orderBy: { seq: "asc" } },
    },
  });
  if (!topic) return null;
  const [reviewable, onTeam] = await Promise.all([
    db.researchTopic.findFirst({ where: { AND: [{ id }, reviewableWhere(viewer)] }, select: { id: true } }),
    db.researchTopic.findFirst({ where: { AND: [{ id }, teamWhere(viewer.id)] }, select: { id: true } }),
  ]);
  const tally = COUNTED_STATES.includes(topic.state) ? tallyMarks(topic.proposals.map((p) => p.mark)) : EMPTY_TALLY;
  return {
    topic,
    tally,
    rate: adoptionRate(tally),
    reviewable: Boolean(reviewable),
    onTeam: Boolean(onTeam) && can(viewer.roles, "research.write"),
    isLead: topic.leadId === viewer.id && can(viewer.roles, "research.write"),
  };
}

/** The report as a formal document's data: only once submitted. */
export async function researchReportData(viewer: Viewer, id: string) {
  const page = await researchTopicPage(viewer, id);
  if (!page || !COUNTED_STATES.includes(page.topic.state)) return null;
  return { ...page.topic, tally: page.tally, rate: page.rate };
}

/** The topic list filtered and ordered as on screen, every page, for the Excel export (batches after a cursor). */
export async function researchExportRows(viewer: Viewer, yearId: string, filter: ListFilter, cursor: string | undefined, take: number) {
  const rows = await db.researchTopic.findMany({
    where: listWhere(viewer, yearId, filter),
    orderBy: LIST_ORDER,
    cursor: cursor ? { id: cursor } : undefined,
    skip: cursor ? 1 : 0,
    take,
    select: LIST_SELECT,
  });
  return rows.map(listRow);
}

export function allAreas() {
  return db.researchArea.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { _count: { select: { topics: true } } } });
}

export function activeAreas() {
  return db.researchArea.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

/** The areas for the list filter: active ones and any already used in the year (a deactivated one still filters). */
export function filterAreas(yearId: string) {
  return db.researchArea.findMany({
    where: { OR: [{ active: true }, { topics: { some: { yearId } } }] },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
