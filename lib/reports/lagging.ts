// Lagging projects of a year, counted in PostgreSQL with the rule of `laggingMilestones` (lib/reports/quarters.ts):
// a project in progress with a milestone whose day has passed (due date + 1 day ≤ now) that its latest
// submitted report of that year or earlier does not mark done. Used by the dashboard and the /reports grid filter.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { quarterStart } from "@/lib/reports/quarters";

export type LaggingRow = { id: string; title: string; unitId: string; unitName: string; lagging: number };

function laggingSql(year: number, now: Date, extra: Prisma.Sql) {
  // MATERIALIZED: the latest report is read once per running project (not once per milestone), and the ids
  // it marks done are taken out of its JSON once.
  return Prisma.sql`
    WITH running AS MATERIALIZED (
      SELECT p."id", p."title", p."unitId",
             coalesce((SELECT array_agg(e->>'milestoneId') FROM jsonb_array_elements(
                         (SELECT r."milestones" FROM "ProgressReport" r
                           WHERE r."projectId" = p."id" AND r."status" <> 'DRAFT' AND r."year" <= ${year}
                           ORDER BY r."year" DESC, r."quarter" DESC LIMIT 1)) e
                        WHERE jsonb_typeof(e) = 'object' AND e->'done' = 'true'::jsonb), '{}') AS done
        FROM "Project" p
       WHERE p."state" = 'IN_PROGRESS' AND p."startedAt" < ${quarterStart(year + 1, 1)}
         AND (p."endedAt" IS NULL OR p."endedAt" >= ${quarterStart(year, 1)}) ${extra}
         AND EXISTS (SELECT 1 FROM "ProjectMilestone" d WHERE d."projectId" = p."id" AND d."dueDate" + interval '1 day' <= ${now})
    )
    SELECT r."id", r."title", r."unitId", u."name" AS "unitName", count(*)::int AS lagging
      FROM running r
      JOIN "Unit" u ON u."id" = r."unitId"
      JOIN "ProjectMilestone" m ON m."projectId" = r."id"
     WHERE m."dueDate" IS NOT NULL AND m."dueDate" + interval '1 day' <= ${now} AND NOT (m."id" = ANY(r.done))
     GROUP BY r."id", r."title", r."unitId", u."name"`;
}

/** Every lagging project of the year (ids only, for a list filter). */
export async function laggingProjectIds(year: number, now = new Date(), unitId?: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(laggingSql(year, now, unitId ? Prisma.sql`AND p."unitId" = ${unitId}` : Prisma.empty));
  return rows.map((r) => r.id);
}

/** Every lagging project of the year with its unit and how many milestones lag (a subset of the running projects). */
export function laggingRows(year: number, now = new Date()): Promise<LaggingRow[]> {
  return db.$queryRaw<LaggingRow[]>(laggingSql(year, now, Prisma.empty));
}
