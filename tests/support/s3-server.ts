// A real S3 server for a test: scripts/s3-test-server.ts (s3rver) in a child process, on a free port,
// with its own folder and bucket. A child rather than in-process because s3rver's listings need
// OpenSSL's legacy provider (see the script), and because stop() then really takes the server away.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  directory: string;
  /** The app's configuration for this server: spread into process.env or a child's env. */
  env: Record<string, string>;
  stop(): Promise<void>;
};

export async function startS3Server(options: { port?: number; directory?: string; bucket?: string } = {}): Promise<S3TestServer> {
  const directory = options.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-test-"));
  const bucket = options.bucket ?? "files";
  const child: ChildProcess = spawn(process.execPath, ["--openssl-legacy-provider", "--import", "tsx", path.join(root, "scripts/s3-test-server.ts")], {
    cwd: root,
    env: { ...process.env, S3_PORT: String(options.port ?? 0), S3_DIR: directory, S3_BUCKET: bucket, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start in 20 s:\n${output}`)), 20_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const ready = /S3 ready on (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (${code}) before it was ready:\n${output}`));
    });
  });
  const accessKeyId = "S3RVER";
  const secretAccessKey = "S3RVER";
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    directory,
    env: {
      STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}
