-- CreateEnum
CREATE TYPE "AwardCategory" AS ENUM ('WORK', 'PERSON');

-- CreateEnum
CREATE TYPE "AwardLevel" AS ENUM ('DEPARTMENT', 'COUNTY');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('OPEN', 'ANNOUNCED', 'DECIDED');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('RECEIVED', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "PromotionMark" AS ENUM ('BRAND', 'QUALITY', 'DEMONSTRATION');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'OPEN',
    "nominationStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "nominationEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "workQuotaPerUnit" INTEGER NOT NULL,
    "personQuotaPerUnit" INTEGER NOT NULL,
    "criteria" JSONB NOT NULL,
    "weights" JSONB NOT NULL,
    "announcementDays" INTEGER NOT NULL,
    "holidays" TEXT[],
    "announcedAt" TIMESTAMPTZ(3),
    "announcementEndsAt" TIMESTAMPTZ(3),
    "decisionNumber" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardTier" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "category" "AwardCategory" NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "quota" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "AwardTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignJuror" (
    "campaignId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "CampaignJuror_pkey" PRIMARY KEY ("campaignId","userId")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "category" "AwardCategory" NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "unitId" TEXT NOT NULL,
    "projectId" TEXT,
    "personName" TEXT,
    "personTitle" TEXT,
    "deeds" TEXT,
    "statement" TEXT NOT NULL,
    "tierId" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationProject" (
    "nominationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    CONSTRAINT "NominationProject_pkey" PRIMARY KEY ("nominationId","projectId")
);

-- CreateTable
CREATE TABLE "JuryScore" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "values" JSONB,
    "total" DOUBLE PRECISION,
    "comment" TEXT,
    "conflictReason" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JuryScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardChange" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "fromTierName" TEXT,
    "toTierName" TEXT,
    "reason" TEXT NOT NULL,
    "objectionId" TEXT,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "nominationId" TEXT,
    "content" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'RECEIVED',
    "investigation" TEXT,
    "answer" TEXT,
    "handledById" TEXT,
    "handledAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMark" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "mark" "PromotionMark" NOT NULL,
    "decidedOn" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokeReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adoption" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "sourceProjectId" TEXT,
    "sourceName" TEXT,
    "sourcePlace" TEXT,
    "adoptedOn" TIMESTAMPTZ(3) NOT NULL,
    "how" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Adoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TownshipMeeting" (
    "id" TEXT NOT NULL,
    "heldOn" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "attendees" TEXT NOT NULL,
    "problems" TEXT,
    "followUps" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TownshipMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingShare" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "practice" TEXT NOT NULL,
    "projectId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MeetingShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_yearId_key" ON "Campaign"("yearId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardTier_campaignId_category_level_rank_key" ON "AwardTier"("campaignId", "category", "level", "rank");

-- CreateIndex
CREATE INDEX "CampaignJuror_userId_idx" ON "CampaignJuror"("userId");

-- CreateIndex
CREATE INDEX "Nomination_campaignId_category_level_idx" ON "Nomination"("campaignId", "category", "level");

-- CreateIndex
CREATE INDEX "Nomination_unitId_campaignId_idx" ON "Nomination"("unitId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_campaignId_projectId_key" ON "Nomination"("campaignId", "projectId");

-- CreateIndex
CREATE INDEX "NominationProject_projectId_idx" ON "NominationProject"("projectId");

-- CreateIndex
CREATE INDEX "JuryScore_jurorId_idx" ON "JuryScore"("jurorId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryScore_nominationId_jurorId_key" ON "JuryScore"("nominationId", "jurorId");

-- CreateIndex
CREATE INDEX "AwardChange_nominationId_at_idx" ON "AwardChange"("nominationId", "at");

-- CreateIndex
CREATE INDEX "Objection_campaignId_status_createdAt_idx" ON "Objection"("campaignId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ProjectMark_projectId_idx" ON "ProjectMark"("projectId");

-- CreateIndex
CREATE INDEX "ProjectMark_mark_revokedAt_idx" ON "ProjectMark"("mark", "revokedAt");

-- CreateIndex
CREATE INDEX "Adoption_sourceProjectId_adoptedOn_idx" ON "Adoption"("sourceProjectId", "adoptedOn");

-- CreateIndex
CREATE INDEX "Adoption_unitId_adoptedOn_idx" ON "Adoption"("unitId", "adoptedOn");

-- CreateIndex
CREATE INDEX "TownshipMeeting_heldOn_idx" ON "TownshipMeeting"("heldOn");

-- CreateIndex
CREATE INDEX "MeetingShare_meetingId_sortOrder_idx" ON "MeetingShare"("meetingId", "sortOrder");

-- CreateIndex
CREATE INDEX "MeetingShare_projectId_idx" ON "MeetingShare"("projectId");

-- CreateIndex
CREATE INDEX "MeetingShare_unitId_idx" ON "MeetingShare"("unitId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardTier" ADD CONSTRAINT "AwardTier_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignJuror" ADD CONSTRAINT "CampaignJuror_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignJuror" ADD CONSTRAINT "CampaignJuror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "AwardTier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationProject" ADD CONSTRAINT "NominationProject_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationProject" ADD CONSTRAINT "NominationProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardChange" ADD CONSTRAINT "AwardChange_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMark" ADD CONSTRAINT "ProjectMark_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_sourceProjectId_fkey" FOREIGN KEY ("sourceProjectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingShare" ADD CONSTRAINT "MeetingShare_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "TownshipMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingShare" ADD CONSTRAINT "MeetingShare_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingShare" ADD CONSTRAINT "MeetingShare_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The case library and meeting search match words inside the text.
CREATE INDEX "Project_measures_trgm_idx" ON "Project" USING gin ("measures" gin_trgm_ops);
CREATE INDEX "MeetingShare_practice_trgm_idx" ON "MeetingShare" USING gin ("practice" gin_trgm_ops);
