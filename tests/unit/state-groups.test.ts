// A list of states written out again outside the state tables fails here: a group of two or more states of one
// table (an array literal or an SQL `IN (...)`) in lib/, app/ or components/, outside lib/*/states.ts, must be a
// named group of its table (`MACHINE.group(name)`) or a transition's `from` (decision 0097). One value alone
// (`state: "DRAFT"`) is not a group and is not looked at. A line may be let through by the comment
// `// state group allowed: <why>` on the line before it (the demo's own scenarios).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MACHINES } from "@/lib/states";

const root = path.join(import.meta.dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

/** Every table's states, by its record kind (lib/states/index.ts). */
function tables(): Map<string, Set<string>> {
  return new Map(Object.entries(MACHINES).map(([kind, machine]) => [kind, new Set<string>(machine.stateNames)]));
}

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") yield* sources(file);
    } else if (/\.tsx?$/.test(entry.name) && entry.name !== "states.ts") yield file;
  }
}

const VALUE = `(?:"[A-Z][A-Z_]*"|'[A-Z][A-Z_]*')`;
const ARRAY = new RegExp(`\\[\\s*${VALUE}(?:\\s*,\\s*${VALUE})+\\s*,?\\s*\\]`, "g");
const SQL_IN = /\bIN\s*\(\s*'[A-Z][A-Z_]*'(?:\s*,\s*'[A-Z][A-Z_]*')+\s*\)/g;

/** Every written-out group of states of one table in the text: `file:line table(s) text`. */
function writtenGroups(file: string, text: string, enums: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const lines = text.split("\n");
  for (const pattern of [ARRAY, SQL_IN])
    for (const m of text.matchAll(pattern)) {
      const values = [...m[0].matchAll(/["']([A-Z][A-Z_]*)["']/g)].map((v) => v[1]);
      const of = [...enums].filter(([, states]) => values.every((v) => states.has(v))).map(([name]) => name);
      if (of.length === 0) continue;
      const line = text.slice(0, m.index).split("\n").length;
      if (lines[line - 2]?.includes("// state group allowed:")) continue;
      found.push(`${file}:${line} ${of.join("|")} ${m[0].replace(/\s+/g, " ")}`);
    }
  return found;
}

describe("state groups", () => {
  const enums = tables();

  it("sees a group written out, in code and in SQL, and lets single values and other enums be", () => {
    const sample = [
      `const A: ProjectState[] = ["APPROVED", "IN_PROGRESS"];`,
      "const sql = Prisma.sql`r.\"status\" IN ('SUBMITTED', 'ACCEPTED')`;",
      `where: { state: "DRAFT", unit: { type: { in: ["TOWNSHIP", "DEPARTMENT"] } } }`,
      "// state group allowed: a scenario",
      `const B = ["DRAFT", "SUBMITTED"];`,
    ].join("\n");
    expect(writtenGroups("x.ts", sample, enums).map((hit) => hit.split(" ")[0])).toEqual(["x.ts:1", "x.ts:2"]);
  });

  it("are written only in the state tables", () => {
    const found = ["lib", "app", "components"].flatMap((dir) => [...sources(dir)].flatMap((file) => writtenGroups(file, read(file), enums)));
    expect(found, "use MACHINE.group(name) (add the group to lib/<module>/states.ts) or a transition's from").toEqual([]);
  });
});
