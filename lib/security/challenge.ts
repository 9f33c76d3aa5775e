// A small arithmetic challenge for anonymous forms, needing no outside service: the question travels
// in a signed, expiring token; each token is accepted once (ChallengeUse).
import crypto from "node:crypto";

// Long enough to write a long suggestion; each token is still accepted only once.
const TTL_MS = 2 * 60 * 60 * 1000;
const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

type Payload = { a: number; b: number; exp: number; nonce: string };

function sign(secret: string, body: string) {
  return crypto.createHmac("sha256", secret).update(body).digest("base64url");
}

export function createChallenge(secret: string, now = Date.now(), randomInt = crypto.randomInt): { question: string; token: string } {
  const payload: Payload = { a: randomInt(1, 10), b: randomInt(1, 10), exp: now + TTL_MS, nonce: crypto.randomBytes(12).toString("base64url") };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { question: `${DIGITS[payload.a]}加${DIGITS[payload.b]}等于几？（请填阿拉伯数字）`, token: `${body}.${sign(secret, body)}` };
}

/** The token's nonce when the answer is right and the token genuine and fresh, else a message in Chinese. */
export function checkChallenge(secret: string, token: string, answer: string, now = Date.now()): { nonce: string } | { problem: string } {
  const [body, signature] = token.split(".");
  if (!body || !signature) return { problem: "验证题已失效，请刷新页面后重新作答" };
  const expected = sign(secret, body);
  if (expected.length !== signature.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return { problem: "验证题已失效，请刷新页面后重新作答" };
  }
  const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as Payload;
  if (payload.exp < now) return { problem: "验证题已过期，请换一题重新作答" };
  if (!/^\d{1,3}$/.test(answer.trim()) || Number(answer.trim()) !== payload.a + payload.b) return { problem: "验证题答案不正确" };
  return { nonce: payload.nonce };
}
