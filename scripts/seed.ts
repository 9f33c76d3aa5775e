// Loads the demo data into DATABASE_URL when the database holds no unit yet.
// Run with `--conditions=react-server` so that server-only modules load outside Next.js.
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";

const units = await db.unit.count();
if (units > 0) {
  console.log("演示数据已存在，跳过。");
} else {
  const started = Date.now();
  await seedDemo();
  console.log(`演示数据已载入（${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
}
await db.$disconnect();
