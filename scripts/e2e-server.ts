// The server the browser tests run against: `npm start` on a fresh data folder.
import fs from "node:fs";
import path from "node:path";
import { root } from "./runtime";

const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data-e2e");
if (!dataDir.startsWith(root) || dataDir === path.join(root, ".data")) throw new Error(`refusing to wipe ${dataDir}`);
fs.rmSync(dataDir, { recursive: true, force: true });
delete process.env.DATABASE_URL;
await import("./start");
