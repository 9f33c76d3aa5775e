// The file store named by the configuration, without "server-only": command-line tools (backup, restore)
// run under plain tsx and need the same store as the app. Same choice as fileStore() in ./index.ts.
import { storageConfigFromEnv, type Env } from "./config";
import { LocalFileStore } from "./local";
import { S3FileStore } from "./s3";
import type { FileStore } from "./types";

export function storeFromEnv(env: Env = process.env): FileStore {
  const config = storageConfigFromEnv(env);
  return config.kind === "s3" ? new S3FileStore(config) : new LocalFileStore(config.folder);
}
