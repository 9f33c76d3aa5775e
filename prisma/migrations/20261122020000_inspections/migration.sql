-- CreateEnum
CREATE TYPE "Finding" AS ENUM ('ON_TRACK', 'NORMAL', 'LAGGING', 'PROBLEM');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'ANSWERED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "theme" TEXT NOT NULL,
    "overview" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionMember" (
    "inspectionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "InspectionMember_pkey" PRIMARY KEY ("inspectionId","userId")
);

-- CreateTable
CREATE TABLE "InspectionItem" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "finding" "Finding",
    "problems" TEXT,
    "recommendations" TEXT,
    "updatedByName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationItem" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "review" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Inspection_year_quarter_idx" ON "Inspection"("year", "quarter");

-- CreateIndex
CREATE INDEX "InspectionMember_userId_idx" ON "InspectionMember"("userId");

-- CreateIndex
CREATE INDEX "InspectionItem_projectId_idx" ON "InspectionItem"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionItem_inspectionId_projectId_key" ON "InspectionItem"("inspectionId", "projectId");

-- CreateIndex
CREATE INDEX "RectificationItem_unitId_status_idx" ON "RectificationItem"("unitId", "status");

-- CreateIndex
CREATE INDEX "RectificationItem_itemId_idx" ON "RectificationItem"("itemId");

-- AddForeignKey
ALTER TABLE "InspectionMember" ADD CONSTRAINT "InspectionMember_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationItem" ADD CONSTRAINT "RectificationItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "InspectionItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

