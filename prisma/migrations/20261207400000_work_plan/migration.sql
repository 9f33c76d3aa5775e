-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "programmeId" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "programmeId" TEXT;

-- CreateTable
CREATE TABLE "PlanItemKind" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programme" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlanItemKind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkPlan" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "preamble" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "copiedFromId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentId" TEXT,
    "kindId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "goals" TEXT,
    "sectionId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanItemKind_name_key" ON "PlanItemKind"("name");

-- CreateIndex
CREATE UNIQUE INDEX "WorkPlan_yearId_key" ON "WorkPlan"("yearId");

-- CreateIndex
CREATE INDEX "PlanItem_planId_parentId_sortOrder_idx" ON "PlanItem"("planId", "parentId", "sortOrder");

-- CreateIndex
CREATE INDEX "PlanItem_kindId_idx" ON "PlanItem"("kindId");

-- CreateIndex
CREATE INDEX "PlanItem_sectionId_idx" ON "PlanItem"("sectionId");

-- CreateIndex
CREATE INDEX "Topic_programmeId_idx" ON "Topic"("programmeId");

-- CreateIndex
CREATE INDEX "Project_programmeId_state_idx" ON "Project"("programmeId", "state");

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "PlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "PlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkPlan" ADD CONSTRAINT "WorkPlan_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "PlanItemKind"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The kinds of the plan of seed 002 ("突出一条主线、实现三个突破、推进五项工作、实施六项工程"), which the admin may rename and add to.
-- Items of a kind marked programme (可归入项目) are what topics and projects are placed under, and a 板块 groups items
-- ("实施六项工程" holding the six 工程) without being one itself.
INSERT INTO "PlanItemKind" ("id", "name", "programme", "sortOrder") VALUES
  ('plankind_part', '板块', false, 5),
  ('plankind_line', '主线', false, 10),
  ('plankind_breakthrough', '突破', false, 20),
  ('plankind_work', '工作', false, 30),
  ('plankind_programme', '工程', true, 40);
