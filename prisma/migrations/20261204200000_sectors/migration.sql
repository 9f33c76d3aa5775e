-- CreateTable
CREATE TABLE "Sector" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "grouping" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectSector" (
    "projectId" TEXT NOT NULL,
    "sectorId" TEXT NOT NULL,

    CONSTRAINT "ProjectSector_pkey" PRIMARY KEY ("projectId","sectorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Sector_name_key" ON "Sector"("name");

-- CreateIndex
CREATE INDEX "ProjectSector_sectorId_idx" ON "ProjectSector"("sectorId");

-- AddForeignKey
ALTER TABLE "ProjectSector" ADD CONSTRAINT "ProjectSector_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSector" ADD CONSTRAINT "ProjectSector_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The defaults of seed 002 (the admin may rename, add and deactivate).
INSERT INTO "Sector" ("id", "name", "grouping", "sortOrder") VALUES
  ('sector_rural', '农村', NULL, 10),
  ('sector_community', '社区', NULL, 20),
  ('sector_nonpublic', '非公企业', '"两新"组织', 30),
  ('sector_social', '社会组织', '"两新"组织', 40),
  ('sector_organ', '机关', NULL, 50),
  ('sector_school', '学校', NULL, 60),
  ('sector_mobile', '流动党员', NULL, 70);
