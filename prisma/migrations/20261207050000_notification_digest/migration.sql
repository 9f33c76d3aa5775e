-- Notices held for the recipient's daily digest (lib/notifications/digest.ts).
ALTER TABLE "Notification" ADD COLUMN "held" BOOLEAN NOT NULL DEFAULT false;
