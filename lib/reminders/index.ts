// The scheduled job: every reminder kind, then the e-mail outbox. Called by /api/jobs/reminders, which every
// app process calls on start and every 10 minutes (scripts/server.ts).
//
// Several processes (behind a load balancer) may call it at the same moment: a PostgreSQL advisory lock lets
// one run at a time and the others return at once. That only saves work: each reminder is also sent at most
// once by its key in ReminderLog (lib/reminders/deliver.ts) and each mail by FOR UPDATE SKIP LOCKED
// (lib/email/outbox.ts), so correctness never depends on the lock. Nothing is kept in a process's memory: a
// restart loses no schedule (the next start runs the job again) and repeats nothing (the keys are in the database).
import "server-only";
import pg from "pg";
import { deliverOutbox, type MailSender } from "@/lib/email/outbox";
import { sendReportReminders } from "@/lib/reminders/reports";
import { sendTopicClaimReminders } from "@/lib/reminders/topics";
import { sendProposalWindowReminders } from "@/lib/reminders/proposals";
import { sendRectificationReminders } from "@/lib/reminders/rectifications";
import { sendHearingScoreReminders } from "@/lib/reminders/hearings";
import { sendJuryReminders, sendNominationClosingReminders } from "@/lib/reminders/awards";
import { sendPracticeReminders } from "@/lib/reminders/practice";
import { sendDailyDigests } from "@/lib/notifications/digest";
import { logger } from "@/lib/log";

/** The advisory lock's number: any constant the app uses for nothing else. */
export const JOB_LOCK_ID = 720_261_124;

export const REMINDER_KINDS = {
  reports: sendReportReminders,
  topicClaims: sendTopicClaimReminders,
  proposalWindow: sendProposalWindowReminders,
  rectifications: sendRectificationReminders,
  hearingScores: sendHearingScoreReminders,
  nominationsClosing: sendNominationClosingReminders,
  juryScores: sendJuryReminders,
  practice: sendPracticeReminders,
  digests: sendDailyDigests,
} as const;

export type ReminderRun =
  | { ran: true; reminders: Record<keyof typeof REMINDER_KINDS, number>; emails: { sent: number; failed: number } }
  | { ran: false; reason: "busy" };

/** Every kind once, one after the other; a kind that fails does not stop the others. */
export async function sendAllReminders(now = new Date()): Promise<Record<keyof typeof REMINDER_KINDS, number>> {
  const counts = {} as Record<keyof typeof REMINDER_KINDS, number>;
  for (const [name, send] of Object.entries(REMINDER_KINDS) as [keyof typeof REMINDER_KINDS, (now: Date) => Promise<{ sent: number }>][]) {
    try {
      counts[name] = (await send(now)).sent;
    } catch (error) {
      logger.error({ err: error, job: `reminders.${name}` }, "job failed");
      counts[name] = 0;
    }
  }
  return counts;
}

/** The job: under the advisory lock, all reminders and then the outbox. Returns `ran: false` when another process holds the lock. */
export async function runReminders(now = new Date(), options: { sender?: MailSender } = {}): Promise<ReminderRun> {
  const result = await withAdvisoryLock(JOB_LOCK_ID, async () => ({
    ran: true as const,
    reminders: await sendAllReminders(now),
    emails: await deliverOutbox({ sender: options.sender }),
  }));
  return result ?? { ran: false, reason: "busy" };
}

/**
 * Runs `work` while holding a session-level advisory lock on a connection of its own (a pooled connection
 * could be handed to someone else between lock and unlock), or returns null at once when it is taken. If the
 * process dies, PostgreSQL ends the session and the lock goes with it.
 */
export async function withAdvisoryLock<T>(lockId: number, work: () => Promise<T>): Promise<T | null> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [lockId]);
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [lockId]);
    }
  } finally {
    await client.end();
  }
}
