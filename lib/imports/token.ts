// The preview's token: names the stored upload, its hash and row count, who previewed it and until when,
// signed with the app's secret. The nonce is recorded when the import is confirmed, so it works once.
import crypto from "node:crypto";

export type ImportKind = "units" | "users" | "topics";
export type ImportTokenPayload = { kind: ImportKind; key: string; sha256: string; rows: number; userId: string; exp: number; nonce: string };

/** A preview is good for an hour. */
export const IMPORT_TOKEN_TTL_MS = 60 * 60 * 1000;

function sign(secret: string, body: string) {
  return crypto.createHmac("sha256", `import:${secret}`).update(body).digest("base64url");
}

export function signImportToken(secret: string, payload: ImportTokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

/** The payload when the token is genuine, fresh and of this kind and user, else a message in Chinese. */
export function verifyImportToken(
  secret: string,
  token: string,
  expect: { kind: ImportKind; userId: string },
  now = Date.now(),
): { payload: ImportTokenPayload } | { problem: string } {
  const invalid = { problem: "预览已失效，请重新上传文件" };
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || !secret) return invalid;
  const expected = sign(secret, body);
  if (expected.length !== signature.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return invalid;
  let payload: ImportTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString()) as ImportTokenPayload;
  } catch {
    return invalid;
  }
  if (payload.kind !== expect.kind || payload.userId !== expect.userId) return invalid;
  if (payload.exp < now) return { problem: "预览已超过 1 小时，请重新上传文件" };
  return { payload };
}

export const sha256 = (content: Buffer) => crypto.createHash("sha256").update(content).digest("hex");
