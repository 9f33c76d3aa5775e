// A real S3 server (s3rver) for tests and CI: `npx tsx scripts/s3-test-server.ts`, with
//   S3_PORT   (default 4568; 0 picks a free port)   S3_DIR (default a new temp folder)   S3_BUCKET (default "files")
// Prints "S3 ready on http://127.0.0.1:<port>" once the bucket exists, and runs until SIGTERM or SIGINT.
// Credentials are s3rver's fixed pair: S3_ACCESS_KEY_ID=S3RVER, S3_SECRET_ACCESS_KEY=S3RVER.
// For development and tests only: s3rver keeps no access control beyond that pair.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function desAvailable() {
  try {
    crypto.createCipheriv("des", Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch {
    return false;
  }
}

// s3rver encrypts ListObjectsV2 continuation tokens with DES, which Node 17+ only offers with OpenSSL's
// legacy provider; without it every listing longer than one page fails with "InternalError". The flag
// cannot be turned on once the process runs, so run this script again with it, keeping tsx's loader.
if (!desAvailable()) {
  if (process.env.S3_TEST_SERVER_REEXEC) throw new Error("s3rver needs OpenSSL's legacy provider (DES) and it is not available");
  const child = spawn(process.execPath, [...process.execArgv, "--openssl-legacy-provider", ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, S3_TEST_SERVER_REEXEC: "1" },
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { default: S3rver } = await import("s3rver");
  const port = Number(process.env.S3_PORT ?? 4568);
  const bucket = process.env.S3_BUCKET || "files";
  const directory = process.env.S3_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: "127.0.0.1", port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  // The ready line is read by scripts and CI (tests/support/s3-server.ts): keep it exactly this shape.
  console.log(`S3 bucket ${bucket} in ${directory}`);
  console.log(`S3 ready on http://127.0.0.1:${address.port}`);
  const stop = async () => {
    await server.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
