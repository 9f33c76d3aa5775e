// A small arithmetic challenge for anonymous forms, needing no outside service. The question is shown on the
// page; the token carries only its expiry, a nonce and a keyed hash of the answer (HMAC-SHA256 with a key
// derived from NEXTAUTH_SECRET), so decoding the token tells nothing about the answer, and without the secret
// nobody can make or check one. Each token is accepted once (ChallengeUse, written by the form's action).
import crypto from "node:crypto";

// Long enough to write a long suggestion; each token is still accepted only once.
export const CHALLENGE_TTL_MS = 2 * 60 * 60 * 1000;
const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** What the token's body holds: no operand and no answer, only their keyed hash. */
export type ChallengePayload = { exp: number; nonce: string; h: string };

const INVALID = "验证题已失效，请刷新页面后重新作答";

/** A key of its own for the challenge, derived from the app secret (HKDF), so it is never the session key itself. */
function keyOf(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, "cxxm", "public-form-challenge", 32));
}

function mac(key: Buffer, purpose: "token" | "answer", value: string) {
  return crypto.createHmac("sha256", key).update(`${purpose}\n${value}`).digest("base64url");
}

function same(a: string, b: string) {
  return a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function createChallenge(secret: string, now = Date.now(), randomInt = crypto.randomInt): { question: string; token: string } {
  const key = keyOf(secret);
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const nonce = crypto.randomBytes(12).toString("base64url");
  const payload: ChallengePayload = { exp: now + CHALLENGE_TTL_MS, nonce, h: mac(key, "answer", `${nonce}:${a + b}`) };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { question: `${DIGITS[a]}加${DIGITS[b]}等于几？（请填阿拉伯数字）`, token: `${body}.${mac(key, "token", body)}` };
}

/** The token's nonce when the answer is right and the token genuine and fresh, else a message in Chinese. */
export function checkChallenge(secret: string, token: string, answer: string, now = Date.now()): { nonce: string } | { problem: string } {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { problem: INVALID };
  const key = keyOf(secret);
  if (!same(mac(key, "token", body), signature)) return { problem: INVALID };
  let payload: ChallengePayload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString()) as ChallengePayload;
  } catch {
    return { problem: INVALID };
  }
  if (typeof payload.exp !== "number" || typeof payload.nonce !== "string" || typeof payload.h !== "string") return { problem: INVALID };
  if (payload.exp < now) return { problem: "验证题已过期，请换一题重新作答" };
  const given = answer.trim();
  if (!/^\d{1,3}$/.test(given) || !same(mac(key, "answer", `${payload.nonce}:${Number(given)}`), payload.h)) return { problem: "验证题答案不正确" };
  return { nonce: payload.nonce };
}

/** Reads "六加九等于几？" as a person would (for tests and the journeys' helpers): the sum, or null. */
export function solveQuestion(question: string): number | null {
  const match = /([一二三四五六七八九])加([一二三四五六七八九])等于几/.exec(question);
  return match ? DIGITS.indexOf(match[1]) + DIGITS.indexOf(match[2]) : null;
}
