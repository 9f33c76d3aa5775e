// The year's record of nominated projects, gathered in a fixed number of queries whatever the number of projects.
import "server-only";
import type { Finding, RectificationStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { deadlineFor } from "@/lib/reports/service";
import { owesReport, QUARTERS } from "@/lib/reports/quarters";
import type { Evidence } from "@/lib/awards/ranking";

export type ProjectRecord = Evidence & {
  reportsLate: number;
  reportsMissing: number;
  rectifications: Record<RectificationStatus, number>;
  adopters: string[];
};

type ReportedMilestone = { milestoneId?: string; done?: boolean };

export async function projectRecords(projectIds: string[], year: number, now = new Date()): Promise<Map<string, ProjectRecord>> {
  const records = new Map<string, ProjectRecord>();
  if (projectIds.length === 0) return records;
  const yearStart = new Date(`${year}-01-01T00:00:00+08:00`);
  const yearEnd = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const [projects, hearingItems, reports, findings, rectifications, adoptions, deadlines] = await Promise.all([
    db.project.findMany({
      where: { id: { in: projectIds } },
      select: { id: true, unitId: true, startedAt: true, endedAt: true, _count: { select: { milestones: true } } },
    }),
    db.hearingItem.findMany({
      where: { projectId: { in: projectIds } },
      select: { projectId: true, round: true, assignments: { select: { score: { select: { total: true, submittedAt: true } } } } },
    }),
    db.progressReport.findMany({
      where: { projectId: { in: projectIds }, year, submittedAt: { not: null } },
      select: { projectId: true, quarter: true, late: true, milestones: true, submittedAt: true },
      orderBy: { quarter: "asc" },
    }),
    db.inspectionItem.findMany({
      where: { projectId: { in: projectIds }, finding: { not: null }, inspection: { year, publishedAt: { not: null } } },
      select: { projectId: true, finding: true },
    }),
    db.rectificationItem.findMany({
      where: { item: { projectId: { in: projectIds }, inspection: { year, publishedAt: { not: null } } } },
      select: { status: true, item: { select: { projectId: true } } },
    }),
    db.adoption.findMany({
      where: { sourceProjectId: { in: projectIds }, adoptedOn: { gte: yearStart, lt: yearEnd } },
      select: { sourceProjectId: true, unitId: true, unit: { select: { name: true } } },
    }),
    Promise.all(QUARTERS.map((q) => deadlineFor(db, year, q))),
  ]);
  for (const project of projects) {
    const lastRound = Math.max(0, ...hearingItems.filter((i) => i.projectId === project.id).map((i) => i.round));
    const totals = hearingItems
      .filter((i) => i.projectId === project.id && i.round === lastRound)
      .flatMap((i) => i.assignments.map((a) => a.score))
      .filter((s) => s?.submittedAt && s.total !== null)
      .map((s) => s!.total!);
    const own = reports.filter((r) => r.projectId === project.id);
    // A quarter is due once its deadline passed while the project owed it; a report sent early counts as well.
    const dueQuarters = QUARTERS.filter((q) => owesReport(project, year, q) && (deadlines[q - 1] <= now || own.some((r) => r.quarter === q)));
    const onTime = own.filter((r) => dueQuarters.includes(r.quarter as 1) && !r.late).length;
    const late = own.filter((r) => dueQuarters.includes(r.quarter as 1) && r.late).length;
    const latest = own[own.length - 1];
    const reported = (Array.isArray(latest?.milestones) ? latest.milestones : []) as ReportedMilestone[];
    const adopters = new Map(adoptions.filter((a) => a.sourceProjectId === project.id && a.unitId !== project.unitId).map((a) => [a.unitId, a.unit.name]));
    const rectificationCounts: Record<RectificationStatus, number> = { OPEN: 0, ANSWERED: 0, ACCEPTED: 0 };
    for (const r of rectifications) if (r.item.projectId === project.id) rectificationCounts[r.status]++;
    records.set(project.id, {
      hearingScore: totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null,
      reportsDue: dueQuarters.length,
      reportsOnTime: onTime,
      reportsLate: late,
      reportsMissing: dueQuarters.length - onTime - late,
      findings: findings.filter((f) => f.projectId === project.id).map((f) => f.finding as Finding),
      milestonesTotal: project._count.milestones,
      milestonesDone: reported.filter((m) => m.done).length,
      adoptions: adopters.size,
      adopters: [...adopters.values()],
      rectifications: rectificationCounts,
    });
  }
  return records;
}
