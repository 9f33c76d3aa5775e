-- Unit.headId (a section's head, a User) and User.unitId (a User's unit) reference each other, so a restore
-- cannot load one table before the other. The section-head key is checked at commit when a transaction asks
-- for it with SET CONSTRAINTS ALL DEFERRED, as the restore does. Every other write checks it at once as before.
-- Prisma's schema does not describe deferrability, so this does not show as drift. (No semicolons in these
-- comments: prisma migrate deploy splits the file on them.)
ALTER TABLE "Unit" ALTER CONSTRAINT "Unit_headId_fkey" DEFERRABLE INITIALLY IMMEDIATE;
