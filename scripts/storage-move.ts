// npm run storage:move: copies the uploaded files from the local folder (UPLOAD_DIR, or DATA_DIR/uploads)
// to the object store configured by the S3_* variables, then checks the sha256 of every file on both
// sides. Safe to run again (copied files are skipped, all are verified). Exits with 1 on any mismatch.
// It never deletes the local files: remove them yourself once the summary shows no mismatch.
import fs from "node:fs";
import { localUploadDir, s3ConfigFromEnv } from "../lib/storage/config";
import { LocalFileStore } from "../lib/storage/local";
import { moveFiles } from "../lib/storage/move";
import { S3FileStore } from "../lib/storage/s3";

async function main() {
  const folder = localUploadDir();
  if (!fs.existsSync(folder)) throw new Error(`本地文件夹不存在：${folder}（请设置 UPLOAD_DIR 或 DATA_DIR）`);
  const config = s3ConfigFromEnv();
  const target = new S3FileStore(config);
  console.log(
    `从 ${folder} 迁移到对象存储 桶 ${config.bucket}${config.endpoint ? `（${config.endpoint}）` : ""}${config.prefix ? ` 前缀 ${config.prefix}` : ""}`,
  );
  await target.checkWritable();
  const summary = await moveFiles(new LocalFileStore(folder), target, { log: (line) => console.log(line) });
  console.log("");
  console.log(`本次复制：${summary.moved} 个`);
  console.log(`已在对象存储中：${summary.alreadyThere} 个`);
  console.log(`校验一致：${summary.verified} 个`);
  console.log(`不一致或未迁移：${summary.mismatches.length} 个`);
  for (const problem of summary.mismatches) console.log(`  ${problem.key}：${problem.problem}`);
  console.log("");
  if (summary.mismatches.length > 0) {
    console.log("有文件不一致：请勿删除本地文件，处理上述问题后重新运行。");
    process.exit(1);
  }
  console.log(`全部一致。本命令不会删除本地文件：确认应用已使用 STORAGE=s3 运行正常后，请自行删除 ${folder}。`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
