// The file stores: one contract for the local disk and for S3 (against a real s3rver), flat memory for a
// 200 MB file in a child process, the S3 configuration's messages, and the move from the disk to S3.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3ConfigFromEnv, type S3Config } from "@/lib/storage/config";
import { describeStorage, fileStore } from "@/lib/storage";
import { LocalFileStore } from "@/lib/storage/local";
import { moveFiles } from "@/lib/storage/move";
import { S3FileStore, s3Client } from "@/lib/storage/s3";
import type { FileStore } from "@/lib/storage/types";
import { startS3Server, type S3TestServer } from "../support/s3-server";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const tempDirs: string[] = [];
function tempDir(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  tempDirs.push(dir);
  return dir;
}

let s3: S3TestServer;
function s3Config(prefix = ""): S3Config {
  return { ...s3ConfigFromEnv(s3.env), prefix };
}

beforeAll(async () => {
  s3 = await startS3Server({ directory: tempDir("s3rver") });
});

afterAll(async () => {
  await s3?.stop();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const key = () => `contract/${crypto.randomUUID()}`;
const text = async (stream: Readable | null) => {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

// A page of two keys, so that the S3 listing really follows continuation tokens.
const stores: [string, () => FileStore][] = [
  ["LocalFileStore", () => new LocalFileStore(tempDir("local-store"))],
  ["S3FileStore", () => new S3FileStore(s3Config(`run-${crypto.randomUUID()}`.replace(/$/, "/")), { listPageSize: 2 })],
];

describe.each(stores)("%s contract", (_name, makeStore) => {
  let store: FileStore;
  beforeAll(() => {
    store = makeStore();
  });

  it("stores a Buffer and reads it back whole and as a stream", async () => {
    const k = key();
    await store.put(k, Buffer.from("附件内容"));
    expect((await store.get(k))?.toString()).toBe("附件内容");
    expect(await text(await store.open(k))).toBe("附件内容");
    expect(await store.stat(k)).toEqual({ key: k, size: Buffer.byteLength("附件内容") });
  });

  it("stores a Readable", async () => {
    const k = key();
    await store.put(k, Readable.from([Buffer.from("part one, "), Buffer.from("part two")]));
    expect((await store.get(k))?.toString()).toBe("part one, part two");
  });

  it("answers null for a key that is not there", async () => {
    expect(await store.get("contract/missing")).toBeNull();
    expect(await store.open("contract/missing")).toBeNull();
    expect(await store.stat("contract/missing")).toBeNull();
  });

  it("refuses to overwrite an existing key, from a Buffer or a stream", async () => {
    const k = key();
    await store.put(k, Buffer.from("first"));
    await expect(store.put(k, Buffer.from("second"))).rejects.toMatchObject({ code: "EEXIST" });
    await expect(store.put(k, Readable.from([Buffer.from("third")]))).rejects.toMatchObject({ code: "EEXIST" });
    expect((await store.get(k))?.toString()).toBe("first");
  });

  it("removes a key, and removing it again is fine", async () => {
    const k = key();
    await store.put(k, Buffer.from("gone soon"));
    await store.remove(k);
    expect(await store.get(k)).toBeNull();
    await store.remove(k);
  });

  it("lists every key with its size, across pages", async () => {
    const fresh = makeStore();
    const keys = ["list/a1", "list/b2", "list/c3", "list/d4", "list/e5/f6"];
    for (const [i, k] of keys.entries()) await fresh.put(k, Buffer.alloc(i + 1, 1));
    const listed = [];
    for await (const object of fresh.list()) listed.push(object);
    expect(listed.sort((a, b) => a.key.localeCompare(b.key))).toEqual(keys.map((k, i) => ({ key: k, size: i + 1 })));
  });

  it("passes its readiness check and leaves no probe behind", async () => {
    const fresh = makeStore();
    await fresh.checkWritable();
    const listed = [];
    for await (const object of fresh.list()) listed.push(object);
    expect(listed).toEqual([]);
  });

  it("refuses keys the app would not generate", async () => {
    for (const bad of ["../escape", "/etc/passwd", "a/../../b", "UPPER/case", "single"]) {
      await expect(store.put(bad, Buffer.from("x"))).rejects.toThrow(/bad storage key/);
      await expect(store.get(bad)).rejects.toThrow(/bad storage key/);
    }
  });
});

describe("S3 failures and configuration", () => {
  it("checkWritable says clearly that the S3 server is not running", async () => {
    const gone = await startS3Server({ directory: tempDir("s3rver-gone") });
    const store = new S3FileStore(s3ConfigFromEnv(gone.env));
    await store.checkWritable();
    await gone.stop();
    await expect(store.checkWritable()).rejects.toThrow(/对象存储不可用.*连接被拒绝/);
  });

  it("checkWritable names a bucket that does not exist", async () => {
    const store = new S3FileStore({ ...s3Config(), bucket: "no-such-bucket" });
    await expect(store.checkWritable()).rejects.toThrow(/no-such-bucket.*桶不存在/);
  });

  it("names the missing variable, in Chinese", () => {
    expect(() => s3ConfigFromEnv({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(/缺少环境变量 S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "files", S3_ACCESS_KEY_ID: "id" })).toThrow(/缺少环境变量 S3_SECRET_ACCESS_KEY/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "files", S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
  });

  it("uses path-style addressing with an endpoint, virtual hosts on AWS, and normalises the prefix", () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: "files", S3_ENDPOINT: "http://minio:9000", S3_PREFIX: "/prod/" })).toMatchObject({
      forcePathStyle: true,
      region: "us-east-1",
      prefix: "prod/",
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: "files", S3_REGION: "cn-north-1" })).toMatchObject({ forcePathStyle: false, region: "cn-north-1", prefix: "" });
    expect(s3ConfigFromEnv({ S3_BUCKET: "files", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "false" }).forcePathStyle).toBe(false);
  });

  it("fileStore() follows STORAGE, and describeStorage shows no secret", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, s3.env, { S3_SECRET_ACCESS_KEY: "very-secret-value" });
      expect(fileStore().kind).toBe("s3");
      const described = describeStorage();
      expect(described).toMatchObject({ kind: "s3", bucket: s3.bucket, endpoint: s3.endpoint });
      expect(JSON.stringify(described)).not.toContain("very-secret-value");
      process.env.STORAGE = "ftp";
      expect(() => fileStore()).toThrow(/STORAGE 只能是 local 或 s3/);
      process.env.STORAGE = "local";
      expect(fileStore().kind).toBe("local");
      expect(describeStorage()).toMatchObject({ kind: "local" });
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});

type MemoryReport = { bytes: number; expected: string; actual: string; maxRssKb: number; putSeconds: number; openSeconds: number };

async function moveThrough(kind: "local" | "s3", megabytes: number, env: Record<string, string>): Promise<MemoryReport> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "tests/support/storage-memory.ts", kind, String(megabytes)], {
    cwd: root,
    env: { ...process.env, ...env, NODE_OPTIONS: "" },
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as MemoryReport;
}

describe.each([
  ["local", () => ({ UPLOAD_DIR: tempDir("memory-local") })],
  ["s3", () => s3.env],
] as const)("flat memory (%s)", (kind, env) => {
  it("moves 200 MB through put and open in flat memory", { timeout: 240_000 }, async () => {
    const small = await moveThrough(kind, 1, env());
    const medium = await moveThrough(kind, 50, env());
    const large = await moveThrough(kind, 200, env());
    const mb = (report: MemoryReport) => Math.round(report.maxRssKb / 1024);
    console.log(
      `[storage memory] ${kind}: peak RSS 1 MB file ${mb(small)} MB, 50 MB file ${mb(medium)} MB, 200 MB file ${mb(large)} MB (put ${large.putSeconds} s, open ${large.openSeconds} s)`,
    );
    for (const report of [small, medium, large]) expect(report.actual).toBe(report.expected);
    expect(large.bytes).toBe(200 * 1024 * 1024);
    // Holding the file would cost at least 200 MB over the 1 MB run. The S3 path settles at a fixed ~90 MB
    // over it: 5 MB parts, 4 in flight, plus the part buffers V8 has not collected yet (it collects external
    // memory only after some tens of MB), so the bound is generous...
    expect(large.maxRssKb).toBeLessThan(small.maxRssKb + 150 * 1024);
    // ...and flatness is the point: 150 MB more data than the 50 MB run must not cost anywhere near 150 MB
    // (measured: 0 to 50 MB more, the spread being when the collector runs on a busy machine).
    expect(large.maxRssKb).toBeLessThan(medium.maxRssKb + 80 * 1024);
  });
});

describe("moving the local files to S3", () => {
  it("copies what is missing, verifies everything, and reports a tampered object", { timeout: 60_000 }, async () => {
    const folder = tempDir("move-source");
    const local = new LocalFileStore(folder);
    const keys = ["p1/aaa-1", "p1/bbb-2", "p2/ccc-3"];
    for (const k of keys) await local.put(k, crypto.randomBytes(100_000));
    const config = s3Config(`move-${crypto.randomUUID()}/`);
    const target = new S3FileStore(config, { listPageSize: 2 });

    // An interrupted earlier run left one file in S3 already.
    await target.put("p1/aaa-1", (await local.get("p1/aaa-1"))!);
    const first = await moveFiles(local, target);
    expect(first).toEqual({ moved: 2, alreadyThere: 1, verified: 3, mismatches: [] });

    const again = await moveFiles(local, target);
    expect(again).toEqual({ moved: 0, alreadyThere: 3, verified: 3, mismatches: [] });

    // Someone replaces an object behind the app's back (the store itself never overwrites).
    await s3Client(config).send(new PutObjectCommand({ Bucket: config.bucket, Key: `${config.prefix}p2/ccc-3`, Body: Buffer.from("tampered") }));
    // And a stray file in the folder that the app never wrote.
    fs.writeFileSync(path.join(folder, "notes.txt"), "operator's notes");
    const checked = await moveFiles(local, target);
    expect(checked.verified).toBe(2);
    expect(checked.mismatches).toEqual([
      { key: "notes.txt", problem: expect.stringContaining("未迁移") },
      { key: "p2/ccc-3", problem: expect.stringContaining("校验值不一致") },
    ]);
    // The source is never touched.
    for (const k of keys) expect(await local.stat(k)).not.toBeNull();
  });

  it("npm run storage:move prints a Chinese summary and exits 1 on a mismatch", { timeout: 60_000 }, async () => {
    const folder = tempDir("move-command");
    const local = new LocalFileStore(folder);
    await local.put("p9/one-1", Buffer.from("one"));
    await local.put("p9/two-2", Buffer.from("two"));
    const env = { ...process.env, ...s3.env, S3_PREFIX: `cmd-${crypto.randomUUID()}`, UPLOAD_DIR: folder, NODE_OPTIONS: "" };
    const ok = await run(process.execPath, ["--import", "tsx", "scripts/storage-move.ts"], { cwd: root, env });
    expect(ok.stdout).toContain("本次复制：2 个");
    expect(ok.stdout).toContain("校验一致：2 个");
    expect(ok.stdout).toContain("不会删除本地文件");

    const config = s3ConfigFromEnv(env);
    await s3Client(config).send(new PutObjectCommand({ Bucket: config.bucket, Key: `${config.prefix}p9/two-2`, Body: Buffer.from("changed") }));
    const failed = await run(process.execPath, ["--import", "tsx", "scripts/storage-move.ts"], { cwd: root, env }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stdout).toContain("已在对象存储中：2 个");
    expect(failed.stdout).toContain("p9/two-2：校验值不一致");
    expect(failed.stdout).toContain("请勿删除本地文件");
  });
});
