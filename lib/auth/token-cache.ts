// The session cookie's payload, decrypted once per cookie text and process (decision 0109).
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/**
 * next-auth's decode derives the key from the secret (HKDF) and decrypts the cookie (JWE) on every request: a
 * tenth of a refused action's CPU in the profile (docs/benchmark.md, fifth round). A cookie decrypted once is the
 * same payload every time, so the payload is kept per cookie text (a bounded map, per process) and its expiry
 * checked again at each use, with next-auth's 15 s tolerance. Only a cookie that decrypted is kept; the session
 * row it names is still read and checked on every request (loadSession), so signing out, expiry and a
 * deactivated account take effect at once (decision 0109).
 */
/** Kept payloads by secret and cookie text, oldest first. */
const decodedTokens = new Map<string, JWT>();
const DECODED_TOKENS_MAX = 2_000;
export async function decodeKept(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const text = `${String(params.secret)}\u0000${params.token}`;
  const kept = decodedTokens.get(text);
  if (kept) {
    if (typeof kept.exp === "number" && kept.exp + 15 > Date.now() / 1000) return kept;
    decodedTokens.delete(text);
  }
  // Throws for a cookie that does not decrypt or has expired (getToken answers null): nothing is kept then.
  const payload = await decode(params);
  if (payload && typeof payload.exp === "number") {
    if (decodedTokens.size >= DECODED_TOKENS_MAX) decodedTokens.delete(decodedTokens.keys().next().value as string);
    decodedTokens.set(text, payload);
  }
  return payload;
}
