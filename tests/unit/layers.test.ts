// Pages, route handlers and components read through each module's queries (scoped in the query, in one place
// per module); none of them reaches the database client itself.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sources(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() && /\.(ts|tsx)$/.test(entry.name) ? [path.relative(root, path.join(entry.parentPath, entry.name))] : []));
}

describe("layers", () => {
  it("no page, route or component imports the database client", () => {
    const files = [...sources("app"), ...sources("components")];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => /from "@\/lib\/db\/client"/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
