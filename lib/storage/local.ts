// Files on the local disk, in the data folder outside the web root: the embedded demo's default.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import crypto from "node:crypto";
import { assertSafeKey, type FileStore, type StoredObject } from "./types";

export class LocalFileStore implements FileStore {
  readonly kind = "local" as const;
  constructor(private readonly root: string) {}

  private where(key: string) {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, content: Buffer | Readable) {
    const file = this.where(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // "wx": a key is written once; a partial file from a failed stream is removed.
    if (Buffer.isBuffer(content)) return fsp.writeFile(file, content, { flag: "wx" });
    try {
      await pipeline(content, fs.createWriteStream(file, { flags: "wx" }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") await fsp.rm(file, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable | null> {
    const file = this.where(key);
    try {
      const handle = await fsp.open(file, "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async get(key: string) {
    try {
      return await fsp.readFile(this.where(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const info = await fsp.stat(this.where(key));
      return info.isFile() ? { key, size: info.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string) {
    await fsp.rm(this.where(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const walk = async function* (dir: string, prefix: string): AsyncIterable<StoredObject> {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const key = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), key);
        else if (entry.isFile()) yield { key, size: (await fsp.stat(path.join(dir, entry.name))).size };
      }
    };
    yield* walk(this.root, "");
  }

  async checkWritable() {
    const key = `health/${crypto.randomUUID()}`;
    await this.put(key, Buffer.from("ok"));
    const back = await this.get(key);
    await this.remove(key);
    if (back?.toString() !== "ok") throw new Error("本地文件存储读回的内容不一致");
  }
}
