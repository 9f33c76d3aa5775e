-- CreateEnum
CREATE TYPE "PracticeKind" AS ENUM ('RESEARCH', 'PROBLEM', 'EXEMPLAR');

-- CreateEnum
CREATE TYPE "PracticeStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_R1';
ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_R2';
ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_R3';
ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_R4';
ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_P1';
ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_P2';
ALTER TYPE "WindowKind" ADD VALUE 'PRACTICE_E';

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "headId" TEXT;

-- CreateTable
CREATE TABLE "PracticeItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "PracticeKind" NOT NULL,
    "period" INTEGER NOT NULL,
    "status" "PracticeStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "projectId" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PracticeItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PracticeItem_year_status_idx" ON "PracticeItem"("year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeItem_userId_year_kind_period_key" ON "PracticeItem"("userId", "year", "kind", "period");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_headId_fkey" FOREIGN KEY ("headId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeItem" ADD CONSTRAINT "PracticeItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

