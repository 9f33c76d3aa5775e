// Schema drift check: compares a database built by the migrations with prisma/schema.prisma.
// Exit code of `prisma migrate diff --exit-code`: 0 = they agree, 2 = they differ, 1 = the check itself failed.
// Used by tests/integration/migrations.test.ts (so CI fails on drift) and by hand:
//   DATABASE_URL=… npx tsx scripts/schema-drift.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

export async function schemaDrift(databaseUrl: string): Promise<{ exitCode: number; output: string }> {
  // An empty migrations folder (see prisma/drift.config.ts); the lock file only names the provider.
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "drift-"));
  fs.copyFileSync(path.join(root, "prisma/migrations/migration_lock.toml"), path.join(empty, "migration_lock.toml"));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(
        path.join(root, "node_modules/.bin/prisma"),
        ["migrate", "diff", "--config", "prisma/drift.config.ts", "--from-migrations", empty, "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
        { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } },
      );
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ exitCode: code ?? 1, output }));
    });
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("请设置 DATABASE_URL / DATABASE_URL is not set");
    process.exit(1);
  }
  const { exitCode, output } = await schemaDrift(url);
  console.log(output.trim());
  console.log(exitCode === 0 ? "数据库结构与 schema.prisma 一致" : exitCode === 2 ? "数据库结构与 schema.prisma 不一致（见上）" : "检查失败");
  process.exit(exitCode);
}
