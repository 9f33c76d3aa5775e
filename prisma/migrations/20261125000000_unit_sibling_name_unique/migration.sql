-- schema.prisma has declared @@unique([parentId, name]) on Unit since the foundation, but no migration created
-- the index (found by the schema drift check). The units service already refuses a sibling with the same name,
-- so existing data satisfies it. If it does not, this migration fails whole and names the conflict.
-- CreateIndex
CREATE UNIQUE INDEX "Unit_parentId_name_key" ON "Unit"("parentId", "name");
