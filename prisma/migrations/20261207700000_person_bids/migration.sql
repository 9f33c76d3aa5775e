-- Individual cadres' bids for topics open to them (个人投标), their defence (答辩) scores, and the project's lead.
-- CreateEnum
CREATE TYPE "PersonBidStatus" AS ENUM ('BID', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED');

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "openToPersons" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "leadUserId" TEXT;

-- CreateTable
CREATE TABLE "PersonBid" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "status" "PersonBidStatus" NOT NULL DEFAULT 'BID',
    "approach" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "expectedResults" TEXT NOT NULL,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonBid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicDefence" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicDefence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DefenceReviewer" (
    "defenceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "DefenceReviewer_pkey" PRIMARY KEY ("defenceId","userId")
);

-- CreateTable
CREATE TABLE "DefenceScore" (
    "id" TEXT NOT NULL,
    "defenceId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DefenceScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonBid_topicId_status_createdAt_idx" ON "PersonBid"("topicId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "PersonBid_userId_status_idx" ON "PersonBid"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PersonBid_topicId_userId_key" ON "PersonBid"("topicId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicDefence_topicId_key" ON "TopicDefence"("topicId");

-- CreateIndex
CREATE INDEX "DefenceReviewer_userId_idx" ON "DefenceReviewer"("userId");

-- CreateIndex
CREATE INDEX "DefenceScore_defenceId_idx" ON "DefenceScore"("defenceId");

-- CreateIndex
CREATE INDEX "DefenceScore_reviewerId_idx" ON "DefenceScore"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "DefenceScore_bidId_reviewerId_key" ON "DefenceScore"("bidId", "reviewerId");

-- CreateIndex
CREATE INDEX "Project_leadUserId_idx" ON "Project"("leadUserId");

-- AddForeignKey
ALTER TABLE "PersonBid" ADD CONSTRAINT "PersonBid_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonBid" ADD CONSTRAINT "PersonBid_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonBid" ADD CONSTRAINT "PersonBid_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicDefence" ADD CONSTRAINT "TopicDefence_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefenceReviewer" ADD CONSTRAINT "DefenceReviewer_defenceId_fkey" FOREIGN KEY ("defenceId") REFERENCES "TopicDefence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefenceReviewer" ADD CONSTRAINT "DefenceReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefenceScore" ADD CONSTRAINT "DefenceScore_defenceId_fkey" FOREIGN KEY ("defenceId") REFERENCES "TopicDefence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefenceScore" ADD CONSTRAINT "DefenceScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "PersonBid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefenceScore" ADD CONSTRAINT "DefenceScore_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_leadUserId_fkey" FOREIGN KEY ("leadUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

