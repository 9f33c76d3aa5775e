// Writes docs/states.md from the state tables (lib/states/index.ts).
import fs from "node:fs";
import path from "node:path";
import { statesMarkdown } from "../lib/states/index";

fs.writeFileSync(path.join(import.meta.dirname, "..", "docs", "states.md"), statesMarkdown());
console.log("docs/states.md written");
