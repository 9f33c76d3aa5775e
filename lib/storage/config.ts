// Which file store the configuration asks for, read from the environment. No "server-only" here: the
// storage:move command and the test child processes run outside Next and import this directly.
import path from "node:path";
import { z } from "zod";

/** process.env or any plain set of variables (a child's, a test's). */
export type Env = Readonly<Record<string, string | undefined>>;

export function localUploadDir(env: Env = process.env) {
  return path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR ?? path.join(process.cwd(), ".data"), "uploads"));
}

export type S3Config = {
  bucket: string;
  region: string;
  /** Unset for AWS itself; MinIO, Ceph's radosgw, s3rver: their URL. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Both or neither: without them the SDK's default chain applies (instance roles on AWS). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** "" or a folder-like prefix ending in "/", so that one bucket can serve several deployments. */
  prefix: string;
};

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const s3EnvSchema = z
  .object({
    S3_BUCKET: z.preprocess(blankToUndefined, z.string({ error: "缺少环境变量 S3_BUCKET（对象存储的桶名）" }).trim()),
    S3_REGION: optionalText,
    S3_ENDPOINT: z.preprocess(blankToUndefined, z.url({ error: "环境变量 S3_ENDPOINT 不是有效的网址（例如 http://127.0.0.1:9000）" }).optional()),
    S3_FORCE_PATH_STYLE: z.preprocess(
      blankToUndefined,
      z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { error: "环境变量 S3_FORCE_PATH_STYLE 只能是 true 或 false" }).optional(),
    ),
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_PREFIX: optionalText,
  })
  .superRefine((env, ctx) => {
    // One key without the other is a typo, not a wish for the default credential chain.
    if (env.S3_ACCESS_KEY_ID && !env.S3_SECRET_ACCESS_KEY)
      ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "缺少环境变量 S3_SECRET_ACCESS_KEY（已设置 S3_ACCESS_KEY_ID）" });
    if (!env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)
      ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "缺少环境变量 S3_ACCESS_KEY_ID（已设置 S3_SECRET_ACCESS_KEY）" });
  });

/** The S3 settings, or an Error whose message names the variable to fix (shown at start-up). */
export function s3ConfigFromEnv(env: Env = process.env): S3Config {
  const parsed = s3EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`对象存储配置有误：${parsed.error.issues.map((issue) => issue.message).join("；")}`);
  const value = parsed.data;
  const trimmedPrefix = (value.S3_PREFIX ?? "").replace(/^\/+|\/+$/g, "");
  return {
    bucket: value.S3_BUCKET,
    region: value.S3_REGION ?? "us-east-1",
    endpoint: value.S3_ENDPOINT,
    // MinIO, Ceph and s3rver serve buckets under the path, not as subdomains: the default with an endpoint.
    forcePathStyle: value.S3_FORCE_PATH_STYLE ? ["1", "true", "yes", "on"].includes(value.S3_FORCE_PATH_STYLE) : Boolean(value.S3_ENDPOINT),
    accessKeyId: value.S3_ACCESS_KEY_ID,
    secretAccessKey: value.S3_SECRET_ACCESS_KEY,
    prefix: trimmedPrefix ? `${trimmedPrefix}/` : "",
  };
}

export type StorageConfig = { kind: "local"; folder: string } | ({ kind: "s3" } & S3Config);

export function storageConfigFromEnv(env: Env = process.env): StorageConfig {
  const kind = (env.STORAGE ?? "").trim().toLowerCase() || "local";
  if (kind === "local") return { kind: "local", folder: localUploadDir(env) };
  if (kind === "s3") return { kind: "s3", ...s3ConfigFromEnv(env) };
  throw new Error(`环境变量 STORAGE 只能是 local 或 s3（现在是 ${env.STORAGE}）`);
}

/** What the system page may show: where files are kept, never the keys. */
export type StorageDescription =
  | { kind: "local"; folder: string }
  | { kind: "s3"; bucket: string; endpoint: string; region: string; prefix: string; forcePathStyle: boolean; credentials: "environment" | "default chain" };

export function describeStorageConfig(config: StorageConfig): StorageDescription {
  if (config.kind === "local") return { kind: "local", folder: config.folder };
  return {
    kind: "s3",
    bucket: config.bucket,
    endpoint: config.endpoint ? withoutUserInfo(config.endpoint) : `AWS S3 (${config.region})`,
    region: config.region,
    prefix: config.prefix,
    forcePathStyle: config.forcePathStyle,
    credentials: config.accessKeyId ? "environment" : "default chain",
  };
}

function withoutUserInfo(endpoint: string) {
  // An endpoint written as http://user:pass@host must not show its password on a page.
  const url = new URL(endpoint);
  url.username = "";
  url.password = "";
  return url.toString().replace(/\/$/, "");
}
