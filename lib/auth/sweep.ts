// Run by the jobs timer (app/api/jobs/reminders): removes what has expired of sign-in state.
import "server-only";
import { db } from "@/lib/db/client";
import { expiredSessionWhere } from "@/lib/auth/session-store";

export async function sweepSignInState(now = new Date()): Promise<{ sessions: number; pendingSignIns: number; loginLimits: number }> {
  const [sessions, pendingSignIns, loginLimits] = await Promise.all([
    db.session.deleteMany({ where: expiredSessionWhere(now) }),
    db.pendingSignIn.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.loginLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } }),
  ]);
  return { sessions: sessions.count, pendingSignIns: pendingSignIns.count, loginLimits: loginLimits.count };
}
