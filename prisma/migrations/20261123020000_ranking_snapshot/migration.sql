-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "rankedAt" TIMESTAMPTZ(3);

