-- 盘点销号 (legacy problems of the sections, their evidence files) and 组工讲坛 / exams / 心得体会 (issue 18, points 3 and 4).

-- CreateEnum
CREATE TYPE "LedgerStatus" AS ENUM ('OPEN', 'PENDING', 'CLEARED', 'REOPENED');

-- CreateTable
CREATE TABLE "LedgerProblem" (
    "id" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "targetDate" TIMESTAMPTZ(3) NOT NULL,
    "status" "LedgerStatus" NOT NULL DEFAULT 'OPEN',
    "evidence" TEXT,
    "requestedAt" TIMESTAMPTZ(3),
    "clearedAt" TIMESTAMPTZ(3),
    "confirmedById" TEXT,
    "reviewComment" TEXT,
    "reopenReason" TEXT,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LedgerProblem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerAttachment" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningSession" (
    "id" TEXT NOT NULL,
    "heldOn" TIMESTAMPTZ(3) NOT NULL,
    "speaker" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "place" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionAttendance" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,

    CONSTRAINT "SessionAttendance_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "Exam" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" TIMESTAMPTZ(3) NOT NULL,
    "fullMark" INTEGER NOT NULL DEFAULT 100,
    "passMark" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamResult" (
    "examId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExamResult_pkey" PRIMARY KEY ("examId","userId")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sessionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LedgerProblem_sectionId_status_idx" ON "LedgerProblem"("sectionId", "status");

-- CreateIndex
CREATE INDEX "LedgerProblem_ownerId_idx" ON "LedgerProblem"("ownerId");

-- CreateIndex
CREATE INDEX "LedgerProblem_status_targetDate_idx" ON "LedgerProblem"("status", "targetDate");

-- CreateIndex
CREATE INDEX "LedgerProblem_clearedAt_idx" ON "LedgerProblem"("clearedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAttachment_storageKey_key" ON "LedgerAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "LedgerAttachment_problemId_createdAt_idx" ON "LedgerAttachment"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "LearningSession_heldOn_idx" ON "LearningSession"("heldOn");

-- CreateIndex
CREATE INDEX "SessionAttendance_userId_idx" ON "SessionAttendance"("userId");

-- CreateIndex
CREATE INDEX "Exam_heldOn_idx" ON "Exam"("heldOn");

-- CreateIndex
CREATE INDEX "ExamResult_userId_idx" ON "ExamResult"("userId");

-- CreateIndex
CREATE INDEX "Reflection_userId_createdAt_idx" ON "Reflection"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Reflection_sessionId_idx" ON "Reflection"("sessionId");

-- AddForeignKey
ALTER TABLE "LedgerProblem" ADD CONSTRAINT "LedgerProblem_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerProblem" ADD CONSTRAINT "LedgerProblem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerProblem" ADD CONSTRAINT "LedgerProblem_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAttachment" ADD CONSTRAINT "LedgerAttachment_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "LedgerProblem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_examId_fkey" FOREIGN KEY ("examId") REFERENCES "Exam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

