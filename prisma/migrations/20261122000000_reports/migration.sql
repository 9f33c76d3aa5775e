-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "startedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "progress" TEXT,
    "percent" INTEGER,
    "problems" TEXT,
    "nextSteps" TEXT,
    "milestones" JSONB,
    "submittedAt" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgressReport_year_quarter_status_idx" ON "ProgressReport"("year", "quarter", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_projectId_year_quarter_key" ON "ProgressReport"("projectId", "year", "quarter");

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Projects started before this migration take their dates from the timeline.
UPDATE "Project" p SET "startedAt" = (SELECT min(e."at") FROM "ProjectEvent" e WHERE e."projectId" = p."id" AND e."kind" = 'start');
UPDATE "Project" p SET "endedAt" = (SELECT max(e."at") FROM "ProjectEvent" e WHERE e."projectId" = p."id" AND e."kind" IN ('complete', 'terminate'));
