// A new, empty database on the test run's PostgreSQL (no migrations applied), for tests of what runs on one:
// the migration runner, a restore, the production start's schema check.
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export async function emptyDatabase(prefix: string): Promise<string> {
  const admin = inject("postgresUrl");
  const name = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
