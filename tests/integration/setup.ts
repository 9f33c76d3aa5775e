// Each test file gets its own database, copied from the migrated template.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { testSession } from "./support/session";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Actions read the caller through this module; tests sign in for real and point it at that session.
vi.mock("@/lib/auth/current-user", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/current-user")>();
  const { loadSession } = await import("@/lib/auth/session-store");
  return {
    ...real,
    getCurrentUser: async () => (testSession.sessionId ? loadSession(testSession.sessionId) : null),
    requestMeta: async () => ({ ip: "127.0.0.1", userAgent: "vitest" }),
  };
});

// The second factor's secrets are sealed under a key derived from it (lib/auth/secret-box.ts).
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-of-at-least-32-bytes";
// The tests run as production (DATABASE_URL is set), where an upload without a scanner is refused; files that
// test uploads run their own clamd (tests/support/clamd.ts) and clear this.
process.env.ANTIVIRUS ??= "off";

const name = `test_${crypto.randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  const adminUrl = inject("postgresUrl");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "test_template"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  (globalThis as { prisma?: unknown }).prisma = undefined;
});

afterAll(async () => {
  const holder = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await holder.prisma?.$disconnect();
  holder.prisma = undefined;
});
