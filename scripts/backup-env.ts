// The database and file store that `npm run backup` and `npm run restore` work on: the same ones `npm start`
// uses (DATABASE_URL, else the embedded server of the data folder; UPLOAD_DIR / DATA_DIR for the files).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, root, type Database } from "./runtime";

export const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, ".data"));
const pgPort = Number(process.env.PG_PORT ?? 54329);

/**
 * With DATABASE_URL, that server. Otherwise the embedded one: a backup is normally taken while `npm start`
 * runs it, so connect to that first, and start it from the data folder only when nothing listens.
 */
export async function cliDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const passwordFile = path.join(dataDir, "pg-password");
  if (fs.existsSync(passwordFile)) {
    const password = fs.readFileSync(passwordFile, "utf8").trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@localhost:${pgPort}/innovation`;
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await probe.connect();
      await probe.end();
      return { url };
    } catch (error) {
      await probe.end().catch(() => {});
      if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED") throw error;
    }
  }
  return openDatabase({ dataDir, pgPort });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
