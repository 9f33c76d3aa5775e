
-- CreateEnum
CREATE TYPE "SuggestionCategory" AS ENUM ('CADRE', 'PARTY_BUILDING', 'TALENT', 'SELF_BUILDING');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('NEW', 'ACCEPTED', 'REPLIED', 'MERGED', 'NOT_ADOPTED');

-- CreateTable
CREATE TABLE "SuggestionAspect" (
    "id" TEXT NOT NULL,
    "category" "SuggestionCategory" NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SuggestionAspect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "receiptNo" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "category" "SuggestionCategory" NOT NULL,
    "aspectId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "submitterName" TEXT,
    "contact" TEXT,
    "unitId" TEXT,
    "userId" TEXT,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'NEW',
    "reply" TEXT,
    "handledAt" TIMESTAMPTZ(3),
    "handledById" TEXT,
    "mergedIntoId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "ChallengeUse" (
    "nonce" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeUse_pkey" PRIMARY KEY ("nonce")
);

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionAspect_category_name_key" ON "SuggestionAspect"("category", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_receiptNo_key" ON "Suggestion"("receiptNo");

-- CreateIndex
CREATE INDEX "Suggestion_yearId_status_createdAt_idx" ON "Suggestion"("yearId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_yearId_category_aspectId_idx" ON "Suggestion"("yearId", "category", "aspectId");

-- CreateIndex
CREATE INDEX "Suggestion_userId_createdAt_idx" ON "Suggestion"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_mergedIntoId_idx" ON "Suggestion"("mergedIntoId");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE INDEX "ChallengeUse_usedAt_idx" ON "ChallengeUse"("usedAt");

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_aspectId_fkey" FOREIGN KEY ("aspectId") REFERENCES "SuggestionAspect"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Suggestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Word search in Chinese text: trigram index for LIKE '%...%' on the suggestion text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Suggestion_content_trgm_idx" ON "Suggestion" USING gin ("content" gin_trgm_ops);
