// First start: loads the demo county, or with DEMO_DATA=off only the root unit and the three
// separated admin accounts. A database that already holds units only gets defaults it lacks.
// Run with `--conditions=react-server` so that server-only modules load outside Next.js.
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { bootstrap } from "@/lib/demo/bootstrap";
import { ensureDefaultAspects } from "@/lib/suggestions/service";

if ((await db.unit.count()) > 0) {
  // A database from before a module existed still gets that module's defaults.
  await ensureDefaultAspects();
  console.log("• 数据库已有数据，跳过初始化");
} else if (process.env.DEMO_DATA === "off") {
  const accounts = await bootstrap(process.env.ROOT_UNIT_NAME ?? "本县");
  console.log("• 已创建初始账户（只显示这一次，首次登录须修改密码）：");
  for (const account of accounts) console.log(`    ${account.username.padEnd(10)} ${account.password}`);
} else {
  const started = Date.now();
  await seedDemo();
  console.log(`• 演示数据已载入（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}
await db.$disconnect();
