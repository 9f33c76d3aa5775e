// `npm run setup -- --root-unit 某某县`: the production way to begin. On an empty, migrated database it creates
// the root unit and the three separated administrator accounts (系统管理员, 安全管理员, 审计管理员) and prints
// their one-time passwords, once; each must be changed at the first sign-in. Refuses a database that already
// has units. Run with `--conditions=react-server` so that server-only modules load outside Next.js.
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { bootstrap } from "@/lib/setup/bootstrap";
import { assertSchemaCurrent } from "@/lib/db/migrations";
import { chainPendingNow } from "@/lib/audit/log";

const { values } = parseArgs({ options: { "root-unit": { type: "string" }, "if-empty": { type: "boolean" } } });
const rootUnit = values["root-unit"]?.trim();
if (!rootUnit) {
  console.error("✗ 请用 --root-unit 给出本县党委的名称，例如：npm run setup -- --root-unit 某某县");
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error("✗ 未设置 DATABASE_URL");
  process.exit(1);
}
try {
  await assertSchemaCurrent(process.env.DATABASE_URL);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if ((await db.unit.count()) > 0) {
  await db.$disconnect();
  // The embedded start calls this on every start with --if-empty; done once, nothing more to do.
  if (values["if-empty"]) process.exit(0);
  console.error("✗ 数据库已经初始化过（已有单位），未做任何修改。忘记密码请由安全管理员重置。");
  process.exit(1);
}
const accounts = await bootstrap(rootUnit);
console.log(`• 已创建根单位「${rootUnit}」和初始管理员账户。以下一次性密码只显示这一次，首次登录须修改：`);
for (const account of accounts) console.log(`    ${account.username.padEnd(10)} ${account.password}`);
// The accounts' audit lines are linked into the chain before the pool ends (decision 0103's timers would fire after).
await chainPendingNow();
await db.$disconnect();
