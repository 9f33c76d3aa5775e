-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "participants" TEXT NOT NULL,
    "problems" TEXT NOT NULL,
    "causes" TEXT NOT NULL,
    "countermeasures" TEXT NOT NULL,
    "followUpBy" TEXT NOT NULL,
    "followUpDue" TIMESTAMPTZ(3) NOT NULL,
    "followUpResult" TEXT,
    "followUpAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consultation_projectId_heldAt_idx" ON "Consultation"("projectId", "heldAt");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

