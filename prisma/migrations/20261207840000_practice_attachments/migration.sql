-- CreateTable
CREATE TABLE "PracticeAttachment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PracticeAttachment_storageKey_key" ON "PracticeAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "PracticeAttachment_itemId_createdAt_idx" ON "PracticeAttachment"("itemId", "createdAt");

-- AddForeignKey
ALTER TABLE "PracticeAttachment" ADD CONSTRAINT "PracticeAttachment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PracticeItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
