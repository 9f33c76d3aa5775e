// The challenge as the public forms' actions check it: the pure check (challenge.ts) plus a limit on wrong
// answers per address, so a bot cannot simply try the seventeen possible sums on one token.
import "server-only";
import { checkChallenge } from "@/lib/security/challenge";
import { addressKey, consumeRateLimit, rateLimitReached, type RateLimitRule } from "@/lib/security/rate-limit";

export const WRONG_ANSWERS: RateLimitRule = { name: "challenge-wrong", limit: 10, windowSeconds: 600 };
export const TOO_MANY_WRONG = "验证题答错次数过多，请 10 分钟后再试";

export function challengeSecret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set");
  return value;
}

export async function checkPublicChallenge(token: string, answer: string, ip: string | null): Promise<{ nonce: string } | { problem: string }> {
  const subject = addressKey(ip);
  if (await rateLimitReached(subject, WRONG_ANSWERS)) return { problem: TOO_MANY_WRONG };
  const checked = checkChallenge(challengeSecret(), token, answer);
  if ("problem" in checked && checked.problem === "验证题答案不正确") await consumeRateLimit(subject, [WRONG_ANSWERS]);
  return checked;
}
