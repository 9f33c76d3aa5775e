// npm run migrate: applies the pending migrations to DATABASE_URL. `--status` only reports.
// Exit code 1 on any failure, so deploy scripts stop before starting the app.
import { migrate, migrationStatus } from "../lib/db/migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("未设置 DATABASE_URL，不知道要迁移哪个数据库 / DATABASE_URL is not set");
  process.exit(1);
}

try {
  if (process.argv.includes("--status")) {
    const status = await migrationStatus(url);
    console.log(`已执行 ${status.applied.length} 个迁移`);
    const lists: [string, string[]][] = [
      ["未执行（数据库落后于程序）", status.pending],
      ["执行后被修改（校验和不符）", status.edited],
      ["未完成或失败", status.failed],
      ["程序不认识（数据库比程序新）", status.unknown],
    ];
    for (const [label, names] of lists) if (names.length > 0) console.log(`${label}：\n  ${names.join("\n  ")}`);
    const current = status.pending.length + status.edited.length + status.failed.length === 0;
    console.log(current ? "数据库结构是最新的" : "数据库结构不是最新的，请运行 npm run migrate");
    process.exit(current ? 0 : 1);
  }
  const applied = await migrate(url, { log: (message) => console.log(message) });
  console.log(applied.length === 0 ? "没有需要执行的迁移，数据库结构已是最新" : `完成：执行了 ${applied.length} 个迁移`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
