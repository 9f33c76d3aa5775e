-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN     "personUserId" TEXT;

-- CreateIndex
CREATE INDEX "Nomination_personUserId_idx" ON "Nomination"("personUserId");

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_personUserId_fkey" FOREIGN KEY ("personUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
