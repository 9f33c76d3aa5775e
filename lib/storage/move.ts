// Moves the stored files from one store to another (the local folder to S3) and proves every byte
// arrived: copies each key the target does not have yet, streaming, then compares the sha256 of every
// source key on both sides. Never deletes anything from the source: the operator removes the local
// files after reading the summary. No "server-only": scripts/storage-move.ts runs outside Next.
import crypto from "node:crypto";
import { SAFE_KEY, type FileStore } from "./types";

export type MoveProblem = { key: string; problem: string };

export type MoveSummary = {
  /** Keys copied by this run. */
  moved: number;
  /** Keys the target already had (an earlier, interrupted run): not copied again, but verified. */
  alreadyThere: number;
  /** Keys whose content is the same on both sides. */
  verified: number;
  /** Keys that differ, are missing from the target, or could not be moved: non-empty means "do not delete". */
  mismatches: MoveProblem[];
};

async function sha256(store: FileStore, key: string): Promise<string | null> {
  const stream = await store.open(key);
  if (!stream) return null;
  const hash = crypto.createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function moveFiles(source: FileStore, target: FileStore, options: { log?: (line: string) => void } = {}): Promise<MoveSummary> {
  const log = options.log ?? (() => {});
  const summary: MoveSummary = { moved: 0, alreadyThere: 0, verified: 0, mismatches: [] };
  const keys: string[] = [];
  for await (const object of source.list()) {
    // Files the app did not write (an editor's backup, a stray copy) would be refused by put: report them.
    if (!SAFE_KEY.test(object.key)) {
      summary.mismatches.push({ key: object.key, problem: "文件名不是本系统生成的存储键，未迁移" });
      continue;
    }
    if (await target.stat(object.key)) {
      keys.push(object.key);
      summary.alreadyThere += 1;
      continue;
    }
    const content = await source.open(object.key);
    if (!content) {
      summary.mismatches.push({ key: object.key, problem: "源文件在迁移时消失" });
      continue;
    }
    try {
      await target.put(object.key, content);
      keys.push(object.key);
      summary.moved += 1;
      log(`已复制 ${object.key}（${object.size} 字节）`);
    } catch (error) {
      content.destroy();
      // Another run copied it meanwhile: the verification below decides whether it is the same file.
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        keys.push(object.key);
        summary.alreadyThere += 1;
      } else summary.mismatches.push({ key: object.key, problem: `复制失败：${error instanceof Error ? error.message : String(error)}` });
    }
  }
  // Verified after copying, and for the keys that were already there too: an earlier run may have been cut off.
  for (const key of keys) {
    const [expected, actual] = [await sha256(source, key), await sha256(target, key)];
    if (actual === null) summary.mismatches.push({ key, problem: "目标存储中没有该文件" });
    else if (expected !== actual) summary.mismatches.push({ key, problem: `校验值不一致（源 ${expected?.slice(0, 12)}…，目标 ${actual.slice(0, 12)}…）` });
    else summary.verified += 1;
  }
  return summary;
}
