-- CreateEnum
CREATE TYPE "ResearchState" AS ENUM ('PROPOSED', 'RESEARCHING', 'REPORTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProposalMark" AS ENUM ('ADOPTED', 'PARTLY', 'NOT_ADOPTED');

-- CreateTable
CREATE TABLE "ResearchArea" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ResearchArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResearchTopic" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "ResearchState" NOT NULL DEFAULT 'PROPOSED',
    "problems" TEXT,
    "analysis" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResearchTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResearchMember" (
    "topicId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ResearchMember_pkey" PRIMARY KEY ("topicId","userId")
);

-- CreateTable
CREATE TABLE "ResearchProposal" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "mark" "ProposalMark",
    "markNote" TEXT,
    "leaderName" TEXT,
    "markedById" TEXT,
    "markedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ResearchProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResearchArea_name_key" ON "ResearchArea"("name");

-- CreateIndex
CREATE INDEX "ResearchTopic_yearId_state_idx" ON "ResearchTopic"("yearId", "state");

-- CreateIndex
CREATE INDEX "ResearchTopic_sectionId_idx" ON "ResearchTopic"("sectionId");

-- CreateIndex
CREATE INDEX "ResearchTopic_leadId_idx" ON "ResearchTopic"("leadId");

-- CreateIndex
CREATE UNIQUE INDEX "ResearchTopic_yearId_title_key" ON "ResearchTopic"("yearId", "title");

-- CreateIndex
CREATE INDEX "ResearchMember_userId_idx" ON "ResearchMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ResearchProposal_topicId_seq_key" ON "ResearchProposal"("topicId", "seq");

-- AddForeignKey
ALTER TABLE "ResearchTopic" ADD CONSTRAINT "ResearchTopic_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "Year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchTopic" ADD CONSTRAINT "ResearchTopic_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "ResearchArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchTopic" ADD CONSTRAINT "ResearchTopic_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchTopic" ADD CONSTRAINT "ResearchTopic_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchMember" ADD CONSTRAINT "ResearchMember_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ResearchTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchMember" ADD CONSTRAINT "ResearchMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchProposal" ADD CONSTRAINT "ResearchProposal_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ResearchTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The areas of seed 004 (the admin may rename, add and deactivate).
INSERT INTO "ResearchArea" ("id", "name", "sortOrder") VALUES
  ('research_area_cadres', '干部选任', 10),
  ('research_area_grassroots', '基层组织建设', 20),
  ('research_area_leadership', '领导班子思想政治建设', 30),
  ('research_area_talent', '人才工作', 40);
