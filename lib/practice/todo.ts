// A cadre's to-do on the home page beyond 四个一 (issue 18 point 6): the research topics they lead or belong to whose
// report is not in yet (立题, 调研中), and the ledger problems they own that are still being worked on (在办, 重新打开).
// Only the viewer's own: every where names the viewer.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResearchState } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { isSectionCadre, type Reader } from "@/lib/learning/reach";
import { teamWhere } from "@/lib/research/service";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { WORKING } from "@/lib/ledger/rules";

/** How many of each are listed on the home page (the rest behind a link to the list). */
export const WORK_TODO_SHOWN = 5;

/** Before 报告已交: the team still owes the report. */
const OPEN_TOPIC_STATES: ResearchState[] = RESEARCH_MACHINE.group("open");

export function openTopicsWhere(viewer: Reader): Prisma.ResearchTopicWhereInput {
  if (!isSectionCadre(viewer) || !can(viewer.roles, "research.view")) return { id: "-" };
  return { AND: [teamWhere(viewer.id), { state: { in: OPEN_TOPIC_STATES } }] };
}

export function ownProblemsWhere(viewer: Reader): Prisma.LedgerProblemWhereInput {
  if (!isSectionCadre(viewer) || !can(viewer.roles, "ledger.view")) return { id: "-" };
  return { ownerId: viewer.id, status: { in: WORKING } };
}

/** The cadre's open topics and working problems, the most pressing first, each with its total. */
export async function cadreWorkTodo(viewer: Reader) {
  const topicWhere = openTopicsWhere(viewer);
  const problemWhere = ownProblemsWhere(viewer);
  const [topicTotal, topics, problemTotal, problems] = await Promise.all([
    db.researchTopic.count({ where: topicWhere }),
    db.researchTopic.findMany({
      where: topicWhere,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: WORK_TODO_SHOWN,
      select: { id: true, title: true, dueAt: true, state: true, leadId: true },
    }),
    db.ledgerProblem.count({ where: problemWhere }),
    db.ledgerProblem.findMany({
      where: problemWhere,
      orderBy: [{ targetDate: "asc" }, { id: "asc" }],
      take: WORK_TODO_SHOWN,
      select: { id: true, title: true, targetDate: true, status: true },
    }),
  ]);
  return { topicTotal, topics: topics.map(({ leadId, ...t }) => ({ ...t, lead: leadId === viewer.id })), problemTotal, problems };
}

export type CadreWorkTodoData = Awaited<ReturnType<typeof cadreWorkTodo>>;
