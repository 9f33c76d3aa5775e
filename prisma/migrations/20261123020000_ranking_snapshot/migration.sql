-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "rankedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN     "breakdown" JSONB,
ADD COLUMN     "score" DOUBLE PRECISION;

