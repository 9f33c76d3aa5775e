// Prisma CLI configuration: migrations run through the WebAssembly schema engine
// over the pg driver adapter, so nothing is downloaded (docs/decisions/0002).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogTypesClient } from "./lib/db/catalog-types-client";

// The schema reads env("DATABASE_URL"); without any value the CLI cannot parse it and falls back to
// downloading an engine. `prisma generate` needs no database, so a placeholder is enough there.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/placeholder";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, Client: CatalogTypesClient } as never),
});
