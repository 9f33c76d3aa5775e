// Run by the jobs timer (app/api/jobs/reminders): removes what has expired of sign-in state, and the used
// one-time tokens (ChallengeUse) that no token still alive can collide with.
import "server-only";
import { db } from "@/lib/db/client";
import { expiredSessionWhere } from "@/lib/auth/session-store";
import { CHALLENGE_TTL_MS } from "@/lib/security/challenge";
import { IMPORT_TOKEN_TTL_MS } from "@/lib/imports/token";

/**
 * A ChallengeUse row (the public forms' challenge, an import's preview) only has to outlive the token it marks
 * as used; a token is recorded after it was issued, so a row older than the longest token life marks a token
 * that has expired anyway and would be refused for that.
 */
export const CHALLENGE_USE_KEPT_MS = Math.max(CHALLENGE_TTL_MS, IMPORT_TOKEN_TTL_MS);

export async function sweepSignInState(now = new Date()): Promise<{ sessions: number; pendingSignIns: number; loginLimits: number; challengeUses: number }> {
  const [sessions, pendingSignIns, loginLimits, challengeUses] = await Promise.all([
    db.session.deleteMany({ where: expiredSessionWhere(now) }),
    db.pendingSignIn.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.loginLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } }),
    db.challengeUse.deleteMany({ where: { usedAt: { lt: new Date(now.getTime() - CHALLENGE_USE_KEPT_MS) } } }),
  ]);
  return { sessions: sessions.count, pendingSignIns: pendingSignIns.count, loginLimits: loginLimits.count, challengeUses: challengeUses.count };
}
