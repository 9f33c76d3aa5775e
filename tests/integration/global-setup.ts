// One embedded PostgreSQL for the whole run; a migrated template database that each test file copies.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, ensureDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";
import { migrate } from "../../scripts/runtime";
import { freePort } from "../support/ports";

export const TEMPLATE_DATABASE = "test_template";

let database: EmbeddedDatabase | undefined;
let dataDir: string;

export async function setup(project: TestProject) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innovation-test-"));
  fs.chmodSync(dataDir, 0o777); // the embedded server may run as an unprivileged user
  database = await startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true });
  await ensureDatabase(database, TEMPLATE_DATABASE);
  await migrate(database.url(TEMPLATE_DATABASE));
  project.provide("postgresUrl", database.url("postgres"));
}

export async function teardown() {
  await database?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
