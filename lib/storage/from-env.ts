// The file store named by the configuration, without "server-only": command-line tools (backup, restore)
// run under plain tsx and need the same store as the app. lib/storage/index.ts can build on this.
import path from "node:path";
import { LocalFileStore } from "./local";
import type { FileStore } from "./types";

export function localUploadDir(env: NodeJS.ProcessEnv = process.env) {
  return path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR ?? path.join(process.cwd(), ".data"), "uploads"));
}

/** Local disk only for now; the STORAGE=s3 branch is added here together with the S3 store. */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  // Refusing an unknown kind matters: quietly backing up the empty local folder of an S3 installation would
  // produce an archive that looks complete and is not.
  if (env.STORAGE && env.STORAGE !== "local") throw new Error(`不支持的文件存储类型 STORAGE=${env.STORAGE}`);
  return new LocalFileStore(localUploadDir(env));
}
