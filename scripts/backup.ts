// `npm run backup -- [--out dir]`: one archive of the database and the stored files, while the app keeps
// running (docs/operations.md, 备份与恢复). Prints the archive's path and what is in it.
import fs from "node:fs";
import path from "node:path";
import { backup } from "../lib/backup/backup";
import { storeFromEnv } from "../lib/storage/from-env";
import { cliDatabase, formatBytes } from "./backup-env";

function outDir(argv: string[]): string {
  const at = argv.indexOf("--out");
  if (at !== -1) {
    const value = argv[at + 1];
    if (!value) throw new Error("--out 后面需要一个目录");
    return path.resolve(value);
  }
  return path.resolve(process.env.BACKUP_DIR ?? "backups");
}

async function main() {
  const out = outDir(process.argv.slice(2));
  const store = storeFromEnv();
  const database = await cliDatabase();
  try {
    const { archive, manifest } = await backup({
      databaseUrl: database.url,
      store,
      outDir: out,
      onProgress: (event) => {
        if (event.stage === "missing") console.warn(`! 文件 ${event.key} 在快照之后已被删除，未能备份（已记入清单）`);
      },
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    console.log(`✓ 备份完成：${archive}`);
    console.log(`  版本 ${manifest.appVersion}，最后一次迁移 ${manifest.lastMigration}，快照时间 ${manifest.snapshotAt}`);
    console.log(
      `  ${manifest.tables.length} 张数据表共 ${rows} 行；${manifest.files.length} 个文件共 ${formatBytes(bytes)}；备份文件 ${formatBytes(fs.statSync(archive).size)}`,
    );
    for (const table of manifest.tables.filter((table) => table.rows > 0)) console.log(`    ${table.name.padEnd(22)} ${table.rows}`);
    if (manifest.missingFiles.length > 0) console.warn(`! ${manifest.missingFiles.length} 个文件缺失，见清单 missingFiles`);
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`✗ 备份失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
