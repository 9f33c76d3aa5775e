// Which file store this process uses, from the configuration (docs/operations.md, "File storage"):
// STORAGE=s3 with the S3_* settings for an object store, otherwise the local data folder.
import "server-only";
import { describeStorageConfig, storageConfigFromEnv, type Env, type StorageDescription } from "./config";
import { storeFromEnv } from "./from-env";
import type { FileStore } from "./types";

export type { FileStore, StoredObject } from "./types";
export type { StorageDescription } from "./config";
export { localUploadDir } from "./config";

export function fileStore(): FileStore {
  // Built on each call: cheap for the local disk (tests point UPLOAD_DIR elsewhere between calls), and
  // cheap for S3 too, since the client with its connection pool is cached per configuration (s3.ts).
  return storeFromEnv();
}

/** Where this process keeps uploaded files, for the system page: kind, bucket and endpoint or folder; no secrets. */
export function describeStorage(env: Env = process.env): StorageDescription {
  return describeStorageConfig(storageConfigFromEnv(env));
}
