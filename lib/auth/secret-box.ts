// Secrets kept at rest (the TOTP secrets): AES-256-GCM under a key derived with HKDF from NEXTAUTH_SECRET,
// which production refuses to start without (lib/config/mode.ts). Stored as v1.<iv>.<tag>.<ciphertext>.
import crypto from "node:crypto";

const INFO = "innovation-platform/totp-secret/v1";

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: the second factor's secrets cannot be encrypted");
  return Buffer.from(crypto.hkdfSync("sha256", secret, "", INFO, 32));
}

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or null when the box was not sealed under this key (NEXTAUTH_SECRET changed) or was altered. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
