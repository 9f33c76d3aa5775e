// Pages, route handlers and components read through each module's queries (scoped in the query, in one place
// per module); none of them reaches the database client itself, nor Prisma's generated client by another road.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sources(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() && /\.(ts|tsx)$/.test(entry.name) ? [path.relative(root, path.join(entry.parentPath, entry.name))] : []));
}

type Import = { from: string; typeOnly: boolean; text: string };

/** Every static import / re-export and every dynamic import() of a file, with whether it brings in types only. */
function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm)) {
    const clause = m[3].trim();
    // `import { type A, type B } from …` brings in nothing at run time either.
    const braces = /^\{([^}]*)\}$/.exec(clause);
    const allTyped = braces?.[1].split(",").every((s) => s.trim() === "" || /^type\s/.test(s.trim()));
    found.push({ from: m[4], typeOnly: Boolean(m[2]) || allTyped === true, text: m[0].trim() });
  }
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push({ from: m[1], typeOnly: false, text: m[0].trim() });
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g))
    found.push({ from: m[1], typeOnly: /typeof\s+import\($/.test(source.slice(0, m.index + 7)), text: m[0] });
  return found;
}

/** Where this import lands, as a path from the repository root ("lib/generated/prisma/client"), or the package name. */
function target(file: string, from: string): string {
  if (from.startsWith("@/")) return from.slice(2);
  if (from.startsWith("."))
    return path
      .relative(root, path.resolve(root, path.dirname(file), from))
      .split(path.sep)
      .join("/");
  return from;
}

/**
 * What a page, route or component may not import: the database client; Prisma's client, by its package name or
 * the generated one (it is the database client's class); and any value from the generated code except the enums
 * (plain objects, safe anywhere). Types from the generated code are fine: they vanish at compile time.
 */
function forbidden(file: string, source: string): string[] {
  return importsOf(source).flatMap((imp) => {
    const to = target(file, imp.from).replace(/\.(ts|tsx|js)$/, "");
    if (to === "lib/db/client" || to.startsWith("lib/db/client/")) return [`${file}: ${imp.text}`];
    if (to === "@prisma/client" || to.startsWith("@prisma/client/")) return [`${file}: ${imp.text}`];
    if (to === "lib/generated/prisma/client" || to === "lib/generated/prisma") return [`${file}: ${imp.text}`];
    if (to.startsWith("lib/generated/prisma/") && !imp.typeOnly && to !== "lib/generated/prisma/enums") return [`${file}: ${imp.text}`];
    return [];
  });
}

describe("layers", () => {
  it("no page, route or component imports the database client or Prisma's client, nor values from the generated code but its enums", () => {
    const files = [...sources("app"), ...sources("components")];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => forbidden(file, fs.readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("recognises each forbidden road and lets types and enum values through", () => {
    const page = "app/(app)/projects/page.tsx";
    const bad = [
      'import { db } from "@/lib/db/client";',
      'import { PrismaClient } from "@/lib/generated/prisma/client";',
      'import type { Project } from "@/lib/generated/prisma/client";',
      'import { Prisma } from "@prisma/client";',
      'import { Prisma } from "../../../lib/generated/prisma/client";',
      'import { ProjectModel } from "@/lib/generated/prisma/models";',
      'import { type Role, Prisma } from "@/lib/generated/prisma/models";',
      'export { db } from "@/lib/db/client";',
      'const { db } = await import("@/lib/db/client");',
      'import "@/lib/db/client";',
    ];
    for (const line of bad) expect(forbidden(page, line), line).toHaveLength(1);
    const good = [
      'import type { ProjectState } from "@/lib/generated/prisma/enums";',
      'import { ProjectState } from "@/lib/generated/prisma/enums";',
      'import type { ProjectModel } from "@/lib/generated/prisma/models";',
      'import { type ProjectModel } from "@/lib/generated/prisma/models";',
      'import { listProjects } from "@/lib/projects/queries";',
      'type Db = typeof import("@/lib/generated/prisma/models");',
    ];
    for (const line of good) expect(forbidden(page, line), line).toEqual([]);
  });
});
