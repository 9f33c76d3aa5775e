// `npm run seed`: loads the fictional demo county into an empty database. The embedded demo runs it on every
// start (it skips a database that has data); production never does, unless DEMO_DATA=on asks for it.
// Run with `--conditions=react-server` so that server-only modules load outside Next.js.
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { ensureDefaultAspects } from "@/lib/suggestions/service";
import { demoDataWanted } from "@/lib/config/mode";
import { assertSchemaCurrent } from "@/lib/db/migrations";
import { chainPendingNow } from "@/lib/audit/log";

if (!process.env.DATABASE_URL) {
  console.error("✗ 未设置 DATABASE_URL");
  process.exit(1);
}
if (!demoDataWanted()) {
  console.error("✗ 生产环境不载入演示数据。需要演示数据时请显式设置 DEMO_DATA=on；正式使用请运行 npm run setup -- --root-unit 县名");
  process.exit(1);
}
await assertSchemaCurrent(process.env.DATABASE_URL);
if ((await db.unit.count()) > 0) {
  // A database from before a module existed still gets that module's defaults.
  await ensureDefaultAspects();
  console.log("• 数据库已有数据，跳过演示数据");
} else {
  const started = Date.now();
  await seedDemo();
  console.log(`• 演示数据已载入（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}
// The seed's audit lines are linked into the chain before the pool ends (decision 0103's timers would fire after).
await chainPendingNow();
await db.$disconnect();
