// `npm run restore -- <archive>`: rebuilds an empty installation (database and files) from a backup
// (docs/operations.md, 备份与恢复). Refuses a target that already holds data.
import path from "node:path";
import { restore } from "../lib/backup/restore";
import { storeFromEnv } from "../lib/storage/from-env";
import { cliDatabase } from "./backup-env";
import { migrate } from "./runtime";

async function main() {
  const archive = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!archive) throw new Error("用法：npm run restore -- <备份文件.tar.gz>");
  const store = storeFromEnv();
  const database = await cliDatabase();
  try {
    console.log(`• 从 ${path.resolve(archive)} 恢复…`);
    const manifest = await restore({
      archive: path.resolve(archive),
      databaseUrl: database.url,
      store,
      migrate,
      onProgress: (event) => {
        if (event.stage === "manifest") console.log(`• 备份版本 ${event.manifest.appVersion}，快照时间 ${event.manifest.snapshotAt}，执行迁移…`);
        if (event.stage === "migrated") console.log("• 载入数据与文件…");
      },
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`✓ 恢复完成：${manifest.tables.length} 张数据表共 ${rows} 行，${manifest.files.length} 个文件，校验均一致`);
    if (manifest.missingFiles.length > 0) console.warn(`! 备份时已缺失的文件 ${manifest.missingFiles.length} 个（见清单 missingFiles），这些附件无法打开`);
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`✗ 恢复失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
