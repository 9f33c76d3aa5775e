// Which file store this process uses, from the configuration (docs/operations.md):
// STORAGE=s3 with the S3_* settings for an object store, otherwise the local data folder.
import "server-only";
import path from "node:path";
import { LocalFileStore } from "./local";
import type { FileStore } from "./types";

export type { FileStore, StoredObject } from "./types";

export function localUploadDir(env: NodeJS.ProcessEnv = process.env) {
  return path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR ?? path.join(process.cwd(), ".data"), "uploads"));
}

export function fileStore(): FileStore {
  // Built on each call: cheap for the local disk, and tests point UPLOAD_DIR elsewhere between calls.
  return new LocalFileStore(localUploadDir());
}
