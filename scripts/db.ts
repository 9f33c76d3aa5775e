// Development helper: starts the embedded PostgreSQL of .data/ and prints its URL
// (for `prisma migrate dev` and psql). Ctrl-C stops it.
import path from "node:path";
import { openDatabase, root } from "./runtime";

const dataDir = process.env.DATA_DIR ?? path.join(root, ".data");
const db = await openDatabase({ dataDir, pgPort: Number(process.env.PG_PORT ?? 54329) });
console.log(`DATABASE_URL=${db.url}`);
const stop = async () => {
  await db.embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
