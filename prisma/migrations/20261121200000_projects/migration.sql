-- CreateEnum
CREATE TYPE "ProjectState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'IN_HEARING', 'APPROVED', 'REVISE', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "InnovationKind" AS ENUM ('IDEA', 'APPROACH', 'WORK', 'MECHANISM');

-- CreateEnum
CREATE TYPE "TenMethod" AS ENUM ('ADD', 'SUBTRACT', 'EXPAND', 'SHRINK', 'CHANGE', 'IMPROVE', 'SUBSTITUTE', 'CONNECT', 'REVERSE', 'FIX');

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "topicId" TEXT,
    "state" "ProjectState" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "leaderName" TEXT,
    "leaderContact" TEXT,
    "category" "SuggestionCategory",
    "focus" "TopicFocus",
    "tier" "TopicTier",
    "problem" TEXT,
    "innovationKinds" "InnovationKind"[],
    "methods" "TenMethod"[],
    "goals" TEXT,
    "measures" TEXT,
    "expectedResults" TEXT,
    "inputPeople" TEXT,
    "inputMoney" TEXT,
    "inputMaterials" TEXT,
    "selfAssessment" JSONB,
    "liaisonId" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "finalSummary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TIMESTAMPTZ(3),

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedBy" TEXT,

    CONSTRAINT "ProjectVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectEvent" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromState" "ProjectState",
    "toState" "ProjectState",
    "note" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuidanceNote" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuidanceNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Project_yearId_state_updatedAt_idx" ON "Project"("yearId", "state", "updatedAt");

-- CreateIndex
CREATE INDEX "Project_unitId_yearId_idx" ON "Project"("unitId", "yearId");

-- CreateIndex
CREATE INDEX "Project_liaisonId_state_idx" ON "Project"("liaisonId", "state");

-- CreateIndex
CREATE INDEX "Project_topicId_idx" ON "Project"("topicId");

-- CreateIndex
CREATE INDEX "Project_yearId_category_focus_tier_idx" ON "Project"("yearId", "category", "focus", "tier");

-- CreateIndex
CREATE INDEX "ProjectMilestone_projectId_sortOrder_idx" ON "ProjectMilestone"("projectId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectVersion_projectId_number_key" ON "ProjectVersion"("projectId", "number");

-- CreateIndex
CREATE INDEX "ProjectEvent_projectId_at_idx" ON "ProjectEvent"("projectId", "at");

-- CreateIndex
CREATE INDEX "GuidanceNote_projectId_at_idx" ON "GuidanceNote"("projectId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_projectId_createdAt_idx" ON "Attachment"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_liaisonId_fkey" FOREIGN KEY ("liaisonId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVersion" ADD CONSTRAINT "ProjectVersion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidanceNote" ADD CONSTRAINT "GuidanceNote_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Similar-project hints and word search (Chinese two-character words included).
CREATE INDEX "Project_title_trgm_idx" ON "Project" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Project_problem_trgm_idx" ON "Project" USING gin ("problem" gin_trgm_ops);
