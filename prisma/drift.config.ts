// Prisma config used only by the schema drift check (scripts/schema-drift.ts): does the live database that the
// migrations built match schema.prisma? With a driver adapter (engine "js"), Prisma 6.19 refuses
// `migrate diff --from-url`, and no native engine can be downloaded here. What it does allow is
// `--from-migrations`, which replays migrations into the adapter's "shadow database" and then reads that
// database back. Here the shadow database IS the target database and the replayed folder is empty, so
// "from" is exactly the target database as the migration runner left it.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogTypesClient } from "../lib/db/catalog-types-client";

process.env.DATABASE_URL ??= "postgresql://localhost:5432/placeholder";

export default defineConfig({
  schema: "schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const factory = new PrismaPg({ connectionString: process.env.DATABASE_URL, Client: CatalogTypesClient } as never);
    // Not a new database: the one under test (its dispose only closes the connection, nothing is dropped).
    return Object.assign(factory, { connectToShadowDb: () => factory.connect() });
  },
});
