import crypto from "node:crypto";
import { z } from "@/lib/validation";
import { runReminders } from "@/lib/reminders";
import { sweepSignInState } from "@/lib/auth/sweep";

const headersSchema = z.object({ token: z.string().min(1).max(200) });

/**
 * The scheduled job (expired sessions and sign-in state swept, reminders, then the e-mail outbox), called by every app process on a timer
 * (scripts/server.ts). One process runs it at a time (advisory lock); sending is deduplicated in PostgreSQL.
 */
export async function POST(request: Request) {
  const parsed = headersSchema.safeParse({ token: request.headers.get("x-job-token") ?? "" });
  const expected = jobToken();
  if (
    !parsed.success ||
    !expected ||
    parsed.data.token.length !== expected.length ||
    !crypto.timingSafeEqual(Buffer.from(parsed.data.token), Buffer.from(expected))
  ) {
    return new Response("forbidden", { status: 403 });
  }
  const now = new Date();
  const sweep = await sweepSignInState(now);
  return Response.json({ ...(await runReminders(now)), sweep });
}

function jobToken() {
  const secret = process.env.NEXTAUTH_SECRET;
  return secret ? crypto.createHmac("sha256", secret).update("jobs").digest("hex") : null;
}
