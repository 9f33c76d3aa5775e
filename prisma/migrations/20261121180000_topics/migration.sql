-- CreateEnum
CREATE TYPE "TopicFocus" AS ENUM ('KEY', 'DIFFICULT', 'HOT');

-- CreateEnum
CREATE TYPE "TopicTier" AS ENUM ('ROUTINE', 'KEY_WORK', 'FEATURE', 'INNOVATION');

-- CreateEnum
CREATE TYPE "ClaimMode" AS ENUM ('OPEN', 'BIDDING', 'ASSIGNED');

-- CreateEnum
CREATE TYPE "TopicStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('TAKEN', 'BID', 'AWARDED', 'NOT_AWARDED', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "Topic" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "SuggestionCategory" NOT NULL,
    "aspectId" TEXT,
    "focus" "TopicFocus" NOT NULL,
    "tier" "TopicTier" NOT NULL,
    "claimMode" "ClaimMode" NOT NULL,
    "claimClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "TopicStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawReason" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicUnit" (
    "topicId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "TopicUnit_pkey" PRIMARY KEY ("topicId","unitId")
);

-- CreateTable
CREATE TABLE "TopicSource" (
    "topicId" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,

    CONSTRAINT "TopicSource_pkey" PRIMARY KEY ("topicId","suggestionId")
);

-- CreateTable
CREATE TABLE "TopicAmendment" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicClaim" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "approach" TEXT,
    "people" TEXT,
    "timeline" TEXT,
    "note" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TopicClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Topic_yearId_status_category_seq_idx" ON "Topic"("yearId", "status", "category", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_yearId_code_key" ON "Topic"("yearId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_yearId_category_seq_key" ON "Topic"("yearId", "category", "seq");

-- CreateIndex
CREATE INDEX "TopicUnit_unitId_idx" ON "TopicUnit"("unitId");

-- CreateIndex
CREATE INDEX "TopicSource_suggestionId_idx" ON "TopicSource"("suggestionId");

-- CreateIndex
CREATE INDEX "TopicAmendment_topicId_at_idx" ON "TopicAmendment"("topicId", "at");

-- CreateIndex
CREATE INDEX "TopicClaim_unitId_status_idx" ON "TopicClaim"("unitId", "status");

-- CreateIndex
CREATE INDEX "TopicClaim_topicId_status_idx" ON "TopicClaim"("topicId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TopicClaim_topicId_unitId_key" ON "TopicClaim"("topicId", "unitId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_aspectId_fkey" FOREIGN KEY ("aspectId") REFERENCES "SuggestionAspect"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicUnit" ADD CONSTRAINT "TopicUnit_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicUnit" ADD CONSTRAINT "TopicUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSource" ADD CONSTRAINT "TopicSource_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSource" ADD CONSTRAINT "TopicSource_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicAmendment" ADD CONSTRAINT "TopicAmendment_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicClaim" ADD CONSTRAINT "TopicClaim_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicClaim" ADD CONSTRAINT "TopicClaim_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Word search over the catalogue (two-character Chinese words included).
CREATE INDEX "Topic_title_trgm_idx" ON "Topic" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Topic_description_trgm_idx" ON "Topic" USING gin ("description" gin_trgm_ops);
