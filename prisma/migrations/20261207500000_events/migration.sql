-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('SITE_VISIT', 'EXCHANGE', 'SEMINAR');

-- CreateEnum
CREATE TYPE "EventState" AS ENUM ('PLANNING', 'NOTIFIED', 'HELD', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SubmissionState" AS ENUM ('DRAFT', 'SUBMITTED', 'SELECTED', 'NOT_SELECTED');

-- AlterTable
ALTER TABLE "Adoption" ADD COLUMN     "eventId" TEXT;

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "siteProjectId" TEXT,
    "hostUnitId" TEXT NOT NULL,
    "agenda" TEXT NOT NULL,
    "submissionDeadline" TIMESTAMPTZ(3),
    "noticeNumber" TEXT,
    "state" "EventState" NOT NULL DEFAULT 'PLANNING',
    "notifiedAt" TIMESTAMPTZ(3),
    "minutes" TEXT,
    "followUps" TEXT,
    "heldAt" TIMESTAMPTZ(3),
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventProject" (
    "eventId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventProject_pkey" PRIMARY KEY ("eventId","projectId")
);

-- CreateTable
CREATE TABLE "EventInvitation" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "attendees" TEXT,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSubmission" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" "SubmissionState" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventAttachment" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");

-- CreateIndex
CREATE INDEX "Event_state_startsAt_idx" ON "Event"("state", "startsAt");

-- CreateIndex
CREATE INDEX "EventProject_projectId_idx" ON "EventProject"("projectId");

-- CreateIndex
CREATE INDEX "EventInvitation_unitId_idx" ON "EventInvitation"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "EventInvitation_eventId_unitId_key" ON "EventInvitation"("eventId", "unitId");

-- CreateIndex
CREATE INDEX "EventSubmission_unitId_idx" ON "EventSubmission"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "EventSubmission_eventId_unitId_key" ON "EventSubmission"("eventId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "EventAttachment_storageKey_key" ON "EventAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "EventAttachment_submissionId_idx" ON "EventAttachment"("submissionId");

-- CreateIndex
CREATE INDEX "Adoption_eventId_idx" ON "Adoption"("eventId");

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_siteProjectId_fkey" FOREIGN KEY ("siteProjectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventProject" ADD CONSTRAINT "EventProject_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventProject" ADD CONSTRAINT "EventProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventInvitation" ADD CONSTRAINT "EventInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventInvitation" ADD CONSTRAINT "EventInvitation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSubmission" ADD CONSTRAINT "EventSubmission_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSubmission" ADD CONSTRAINT "EventSubmission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventAttachment" ADD CONSTRAINT "EventAttachment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "EventSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

