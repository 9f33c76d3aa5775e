// Summarises a .cpuprofile of an app process (scripts/profile-worker.ts) by package: self time (the function on
// top of the stack) and total time (anywhere on the stack, counted once per sample), as shares of the profile.
// Code bundled into .next/server is traced back through the build's source maps to its original file, so that
// next-auth, React, Prisma's runtime and our own lib/ are told apart although Next bundles them together.
//
//   npx tsx scripts/profile-summary.ts <profile.cpuprofile[.gz]> [rows]
// (The maps are the current build's: summarise a profile before rebuilding, or the chunks show as unmapped.)
import fs from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [file, rowsText] = process.argv.slice(2);
if (!file) {
  console.error("usage: profile-summary.ts <profile.cpuprofile> [rows]");
  process.exit(2);
}
const rows = Number(rowsText ?? 25);
const raw = fs.readFileSync(file);
const profile = JSON.parse((file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8")) as Profile;

const maps = new Map<string, SourceMap | null>();
function mapFor(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const path = fileURLToPath(url);
      if (fs.existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${path}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

/** The original file of a frame: through the source map for the build's chunks, else the URL itself. */
function source(frame: Frame): string {
  if (!frame.url) return "";
  if (frame.url.includes("/.next/")) {
    const entry = mapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    if (entry?.originalSource) return decodeURIComponent(entry.originalSource);
  }
  return frame.url;
}

/** The package (or our own area) a source belongs to. */
function category(frame: Frame): string {
  const name = frame.functionName;
  if (!frame.url) {
    if (name === "(garbage collector)") return "V8 garbage collector";
    if (name === "(idle)") return "(idle)";
    if (name === "(program)") return "(program: V8/native, unattributed)";
    return `native ${name || "(anonymous)"}`;
  }
  const src = source(frame);
  if (src.startsWith("node:")) {
    const module = src
      .slice(5)
      .split("/")[0]
      .replace(/^internal$/, src.slice(5).split("/").slice(0, 2).join("/"));
    return `node core ${module}`;
  }
  if (src.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  const modules = src.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = src.slice(modules + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next") {
      const inner = rest.slice(1).join("/");
      if (/compiled\/react-server-dom/.test(inner)) return "next: React Flight (action decode/encode, RSC)";
      if (/compiled\/react-dom/.test(inner)) return "next: react-dom (server render)";
      if (/compiled\/(react|scheduler)/.test(inner)) return "next: React";
      if (/action-handler/.test(inner)) return "next: server action handler";
      if (/app-render/.test(inner)) return "next: app-render";
      if (/compiled\//.test(inner)) return `next: compiled ${inner.split("compiled/")[1].split("/")[0]}`;
      if (/server\/web|adapter|middleware/.test(inner)) return "next: proxy (middleware) runtime";
      return `next: ${rest.slice(1, 4).join("/")}`;
    }
    if (pkg === "jose" || pkg === "@panva/hkdf" || pkg === "next-auth") return `next-auth/JWT (${pkg})`;
    if (pkg.startsWith("@prisma/")) return /query_compiler/.test(src) ? "prisma query compiler" : `prisma ${pkg}`;
    return pkg;
  }
  // Our sources appear as [project]/lib/…, ../../../../lib/… (the chunks' maps) or absolute paths.
  const own = /(?:^|\/)((?:lib|app|components|scripts)\/[^/]+|proxy\.ts|instrumentation\.ts)/.exec(src.replace(/^(\.\.\/)+/, "/"));
  if (own) return `ours ${own[1]}`;
  if (src.includes("/.next/")) return "next build (unmapped)";
  return src.slice(0, 80);
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const categories = new Map<number, string>();
const cat = (id: number) => {
  let c = categories.get(id);
  if (c === undefined) {
    c = category(byId.get(id)!.callFrame);
    categories.set(id, c);
  }
  return c;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const fnSelf = new Map<string, number>();
let all = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const top = cat(id);
  if (top === "(idle)") {
    idle += dt;
    return;
  }
  all += dt;
  self.set(top, (self.get(top) ?? 0) + dt);
  const f = byId.get(id)!.callFrame;
  const fnKey = `${f.functionName || "(anonymous)"} — ${top}`;
  fnSelf.set(fnKey, (fnSelf.get(fnKey) ?? 0) + dt);
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(cat(n));
  for (const c of seen) total.set(c, (total.get(c) ?? 0) + dt);
});

const pct = (x: number) => `${((100 * x) / all).toFixed(1).padStart(5)} %`;
const wall = (profile.endTime - profile.startTime) / 1e6;
console.log(`${file}: ${wall.toFixed(1)} s profiled, busy ${(all / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`);
console.log("\nself time by package (share of busy time)  |  total (on the stack)");
for (const [c, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${pct(t)}  ${pct(total.get(c) ?? 0)}  ${c}`);
console.log("\ntotal time by package (top)");
for (const [c, t] of [...total].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${pct(t)}  ${c}`);
console.log("\nfunctions by self time");
for (const [c, t] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${pct(t)}  ${c}`);
