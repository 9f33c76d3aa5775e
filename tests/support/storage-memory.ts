// Child process of tests/integration/storage.test.ts: moves a file of N MB, generated on the fly (never
// whole in memory), through put and back through open, and reports the peak RSS and both sha256 sums.
//   node --import tsx tests/support/storage-memory.ts <local|s3> <megabytes>
// with UPLOAD_DIR (local) or the S3_* variables (s3). Imports the stores directly: lib/storage/index.ts
// carries Next's "server-only" guard, which throws outside React Server Components.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { s3ConfigFromEnv, localUploadDir } from "../../lib/storage/config";
import { LocalFileStore } from "../../lib/storage/local";
import { S3FileStore } from "../../lib/storage/s3";
import type { FileStore } from "../../lib/storage/types";

const [kind, megabytesArg] = process.argv.slice(2);
const megabytes = Number(megabytesArg);
if ((kind !== "local" && kind !== "s3") || !(megabytes > 0)) throw new Error("usage: storage-memory.ts <local|s3> <megabytes>");
const store: FileStore = kind === "s3" ? new S3FileStore(s3ConfigFromEnv()) : new LocalFileStore(localUploadDir());

const chunkSize = 64 * 1024;
const expected = crypto.createHash("sha256");
async function* generate() {
  for (let written = 0; written < megabytes * 1024 * 1024; written += chunkSize) {
    const chunk = crypto.randomBytes(chunkSize);
    expected.update(chunk);
    yield chunk;
  }
}

const started = Date.now();
const key = `memory/${crypto.randomUUID()}`;
await store.put(key, Readable.from(generate()));
const afterPut = Date.now();
// Peak so far: which half (writing or reading) needs the memory, when a bound is missed.
const maxRssAfterPutKb = process.resourceUsage().maxRSS;
const stream = await store.open(key);
if (!stream) throw new Error("stored file not found");
const actual = crypto.createHash("sha256");
let bytes = 0;
for await (const chunk of stream) {
  actual.update(chunk as Buffer);
  bytes += (chunk as Buffer).length;
}
await store.remove(key);
console.log(
  JSON.stringify({
    kind,
    megabytes,
    bytes,
    expected: expected.digest("hex"),
    actual: actual.digest("hex"),
    maxRssKb: process.resourceUsage().maxRSS,
    maxRssAfterPutKb,
    putSeconds: (afterPut - started) / 1000,
    openSeconds: (Date.now() - afterPut) / 1000,
  }),
);
