-- Working days come from the national calendar (chinese-days) with local changes in "CalendarDay";
-- the holidays typed into each campaign become local days off, then the column goes.

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL,
    "working" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- AddForeignKey
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Carry the holidays entered on campaigns over as local days off.
INSERT INTO "CalendarDay" ("date", "working", "note")
SELECT DISTINCT day, false, '评比表彰中录入的节假日'
FROM "Campaign", unnest("holidays") AS day
ON CONFLICT ("date") DO NOTHING;

-- AlterTable
ALTER TABLE "Campaign" DROP COLUMN "holidays";
