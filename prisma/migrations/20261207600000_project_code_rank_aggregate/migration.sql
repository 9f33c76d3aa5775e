-- Issue 20: a project code (项目编号, given at 立项) shown wherever projects are listed, and the aggregate that ranks the year's
-- hearing results, chosen with the rubric.

-- CreateEnum
CREATE TYPE "RankAggregate" AS ENUM ('TRIMMED_MEAN', 'NORMALIZED_MEAN');

-- AlterTable
ALTER TABLE "Rubric" ADD COLUMN "rankBy" "RankAggregate" NOT NULL DEFAULT 'TRIMMED_MEAN';

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- Projects approved before: numbered in the order of their approval (立项) within their year.
UPDATE "Project" p
SET "code" = numbered."code"
FROM (
  SELECT "id", "year" || '-' || lpad(n::text, greatest(3, length(n::text)), '0') AS "code"
  FROM (
    SELECT pr."id", y."year", row_number() OVER (PARTITION BY pr."yearId" ORDER BY min(e."at") NULLS LAST, pr."submittedAt", pr."id") AS n
    FROM "Project" pr
    JOIN "Year" y ON y."id" = pr."yearId"
    LEFT JOIN "ProjectEvent" e ON e."projectId" = pr."id" AND e."kind" = 'approve'
    WHERE pr."state" IN ('APPROVED', 'IN_PROGRESS', 'COMPLETED', 'TERMINATED')
    GROUP BY pr."id", pr."yearId", y."year", pr."submittedAt"
  ) AS ordered
) AS numbered
WHERE p."id" = numbered."id";
