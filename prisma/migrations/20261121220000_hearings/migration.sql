-- CreateEnum
CREATE TYPE "HearingLevel" AS ENUM ('SECTION', 'DEPARTMENT', 'COUNTY');

-- CreateEnum
CREATE TYPE "HearingKind" AS ENUM ('HEARING', 'FORUM');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('APPROVE', 'REVISE', 'REJECT');

-- CreateTable
CREATE TABLE "Rubric" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "frozenAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Rubric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hearing" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "kind" "HearingKind" NOT NULL,
    "level" "HearingLevel" NOT NULL,
    "title" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "attendees" TEXT,
    "minutes" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hearing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HearingReviewer" (
    "hearingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "HearingReviewer_pkey" PRIMARY KEY ("hearingId","userId")
);

-- CreateTable
CREATE TABLE "HearingItem" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HearingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclaredConflict" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeclaredConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "total" DOUBLE PRECISION,
    "comment" TEXT,
    "recommendation" "Verdict",
    "submittedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "attendees" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "opinion" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rubric_yearId_key" ON "Rubric"("yearId");

-- CreateIndex
CREATE INDEX "Hearing_yearId_heldAt_idx" ON "Hearing"("yearId", "heldAt");

-- CreateIndex
CREATE INDEX "HearingReviewer_userId_idx" ON "HearingReviewer"("userId");

-- CreateIndex
CREATE INDEX "HearingItem_projectId_idx" ON "HearingItem"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "HearingItem_hearingId_projectId_key" ON "HearingItem"("hearingId", "projectId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_reviewerId_idx" ON "ReviewAssignment"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_itemId_reviewerId_key" ON "ReviewAssignment"("itemId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "DeclaredConflict_itemId_reviewerId_key" ON "DeclaredConflict"("itemId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_assignmentId_key" ON "Score"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_yearId_number_key" ON "Meeting"("yearId", "number");

-- CreateIndex
CREATE INDEX "Decision_projectId_idx" ON "Decision"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_meetingId_projectId_key" ON "Decision"("meetingId", "projectId");

-- AddForeignKey
ALTER TABLE "Rubric" ADD CONSTRAINT "Rubric_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hearing" ADD CONSTRAINT "Hearing_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingReviewer" ADD CONSTRAINT "HearingReviewer_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingReviewer" ADD CONSTRAINT "HearingReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingItem" ADD CONSTRAINT "HearingItem_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingItem" ADD CONSTRAINT "HearingItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HearingItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclaredConflict" ADD CONSTRAINT "DeclaredConflict_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HearingItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

