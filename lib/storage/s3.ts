// Files in an S3-compatible object store (AWS S3, MinIO, Ceph radosgw; s3rver in the tests), so that
// several app processes on several machines share one store. No "server-only": storage:move and the
// test child processes import this outside Next.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { S3Config } from "./config";
import { assertSafeKey, type FileStore, type StoredObject } from "./types";

// The SDK warns once per process that releases from 2027 need Node 22; the app targets Node 20 today
// and the warning would land in every log at start-up. Set before the first client is built.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const clients = new Map<string, S3Client>();

/** One client per process and configuration: it holds the connection pool (keep-alive sockets). */
export function s3Client(config: S3Config): S3Client {
  const cacheKey = JSON.stringify([config.endpoint, config.region, config.forcePathStyle, config.accessKeyId, config.secretAccessKey]);
  let client = clients.get(cacheKey);
  if (!client) {
    client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // The SDK's default since 2025 adds CRC32 checksums (and trailing checksums on streams) that
      // older MinIO and Ceph releases reject; with a custom endpoint only send them where S3 requires them.
      ...(config.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED" as const, responseChecksumValidation: "WHEN_REQUIRED" as const } : {}),
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** The same error shape as the local store's "wx" refusal, so callers can test `code === "EEXIST"`. */
function alreadyExists(key: string) {
  return Object.assign(new Error(`文件已存在，不能覆盖：${key}`), { code: "EEXIST" });
}

function statusOf(error: unknown) {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function isMissing(error: unknown) {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

export class S3FileStore implements FileStore {
  readonly kind = "s3" as const;
  private readonly client: S3Client;
  private readonly listPageSize: number;

  constructor(
    readonly config: S3Config,
    options: { client?: S3Client; listPageSize?: number } = {},
  ) {
    this.client = options.client ?? s3Client(config);
    // S3's own maximum; the tests use a small page to exercise the pagination.
    this.listPageSize = options.listPageSize ?? 1000;
  }

  private objectKey(key: string) {
    assertSafeKey(key);
    return `${this.config.prefix}${key}`;
  }

  async put(key: string, content: Buffer | Readable) {
    const Key = this.objectKey(key);
    const Bucket = this.config.bucket;
    // Never overwrite, like the local store's "wx". `IfNoneMatch: "*"` makes that atomic on AWS S3 (since
    // 2024) and, for single puts, MinIO and Ceph; s3rver ignores it on PUT (tried), so a HeadObject check comes first as well.
    // Keys are fresh UUIDs, so the gap between the two only matters on a store without conditional writes.
    if (await this.stat(key)) throw alreadyExists(key);
    try {
      if (Buffer.isBuffer(content)) {
        await this.client.send(new PutObjectCommand({ Bucket, Key, Body: content, ContentLength: content.length, IfNoneMatch: "*" }));
      } else {
        // Parts of 5 MB, 4 in flight: memory stays near 20 MB whatever the file's size; a failed stream
        // aborts the multipart upload, so no partial object is left behind.
        await new Upload({ client: this.client, params: { Bucket, Key, Body: content, IfNoneMatch: "*" }, queueSize: 4, partSize: 5 * 1024 * 1024 }).done();
      }
    } catch (error) {
      // 412: the key appeared meanwhile; 409: a concurrent conditional write to the same key.
      if (statusOf(error) === 412 || statusOf(error) === 409) throw alreadyExists(key);
      throw error;
    }
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      if (!Body) return null;
      // In Node the body is the HTTP response itself (an IncomingMessage); a web stream only elsewhere.
      if (Body instanceof Readable) return Body;
      return Readable.fromWeb(Body.transformToWebStream() as unknown as import("node:stream/web").ReadableStream);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async get(key: string) {
    const stream = await this.open(key);
    if (!stream) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return { key, size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async remove(key: string) {
    // S3 answers 204 for a key that is not there: removing twice is fine, as on the local disk.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<StoredObject> {
    const prefix = this.config.prefix;
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix || undefined, ContinuationToken, MaxKeys: this.listPageSize }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key?.startsWith(prefix)) yield { key: object.Key.slice(prefix.length), size: object.Size ?? 0 };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async checkWritable() {
    const key = `health/${crypto.randomUUID()}`;
    const where = `桶 ${this.config.bucket}${this.config.endpoint ? `（${this.config.endpoint}）` : ""}`;
    let back: Buffer | null;
    try {
      await this.put(key, Buffer.from("ok"));
      back = await this.get(key);
      await this.remove(key);
    } catch (error) {
      throw new Error(`对象存储不可用：${where}：${reasonOf(error)}`, { cause: error });
    }
    if (back?.toString() !== "ok") throw new Error(`对象存储读回的内容不一致：${where}`);
  }
}

/** A short reason an operator can act on, from the SDK's or the network's error. */
function reasonOf(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    if (error.name === "NoSuchBucket") return "桶不存在";
    if (status === 403 || error.name === "InvalidAccessKeyId" || error.name === "SignatureDoesNotMatch")
      return `没有权限（${error.name}），请检查 S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY`;
    return `${error.name}${status ? `（HTTP ${status}）` : ""}：${error.message}`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED") return "连接被拒绝，对象存储服务没有运行或地址有误（S3_ENDPOINT）";
  if (code === "ENOTFOUND") return "找不到主机，请检查 S3_ENDPOINT";
  if (code === "ETIMEDOUT" || code === "ECONNRESET") return `网络错误（${code}）`;
  return error instanceof Error ? `${error.name}：${error.message}` : String(error);
}
