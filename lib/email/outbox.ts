// The e-mail outbox: rows written with the notification (same transaction), sent later by the job.
// Several app processes may run the job at once: each takes rows with FOR UPDATE SKIP LOCKED, so a row
// is sent by one of them only; a failed send is retried with backoff and given up after MAX_ATTEMPTS.
import "server-only";
import nodemailer from "nodemailer";
import { db, type DbOrTx } from "@/lib/db/client";
import { publicUrl, smtpConfig } from "@/lib/email/config";

export const MAX_ATTEMPTS = 8;
const BATCH = 20;
const MAX_PER_RUN = 500;

export type OutgoingMail = { from: string; to: string; subject: string; text: string };
/** Sends one mail or throws. Tests pass their own (nodemailer's jsonTransport); the app uses SMTP. */
export type MailSender = (mail: OutgoingMail) => Promise<void>;

type Notice = { title: string; body?: string | null; link?: string | null };

/** Queues one mail per notification row whose recipient has an e-mail address; nothing when SMTP is not configured. */
export async function queueEmails(client: DbOrTx, items: { userId: string; notice: Notice }[]): Promise<number> {
  if (!smtpConfig() || items.length === 0) return 0;
  const users = await client.user.findMany({
    where: { id: { in: [...new Set(items.map((item) => item.userId))] }, active: true, email: { not: null } },
    select: { id: true, email: true },
  });
  if (users.length === 0) return 0;
  const emailOf = new Map(users.map((user) => [user.id, user.email!]));
  const rows = items.flatMap(({ userId, notice }) => {
    const to = emailOf.get(userId);
    return to ? [{ userId, to, subject: `【创新项目管理平台】${notice.title}`, body: mailBody(notice) }] : [];
  });
  if (rows.length === 0) return 0;
  const { count } = await client.emailOutbox.createMany({ data: rows });
  return count;
}

function mailBody(notice: Notice): string {
  const lines = [notice.title];
  if (notice.body) lines.push(notice.body);
  if (notice.link) lines.push(`查看：${publicUrl()}${notice.link}`);
  lines.push("", "此邮件由创新项目管理平台自动发送，请勿回复。");
  return lines.join("\n");
}

/** Minutes to wait before the next try after `attempts` failures: 1, 2, 4 … capped at six hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

let smtpSender: { key: string; send: MailSender } | undefined;

/** The SMTP sender for the configured server (one transport per process, reused). */
export function defaultSender(): MailSender | null {
  const config = smtpConfig();
  if (!config) return null;
  const key = JSON.stringify(config);
  if (smtpSender?.key !== key) {
    const transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.pass ?? "" } : undefined,
      connectionTimeout: 15_000,
      socketTimeout: 30_000,
    });
    smtpSender = { key, send: async (mail) => void (await transport.sendMail(mail)) };
  }
  return smtpSender.send;
}

type Row = { id: string; to: string; subject: string; body: string; attempts: number };

/** Sends what is due in the outbox. Returns how many were sent and how many failed this run. */
export async function deliverOutbox(options: { now?: Date; sender?: MailSender } = {}): Promise<{ sent: number; failed: number }> {
  const config = smtpConfig();
  const sender = options.sender ?? defaultSender();
  if (!config || !sender) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  while (sent + failed < MAX_PER_RUN) {
    const now = options.now ?? new Date();
    const batch = await db.$transaction(
      async (tx) => {
        // Rows another process holds are skipped, not waited for: each mail goes out from one process.
        const rows = await tx.$queryRaw<Row[]>`
          SELECT "id", "to", "subject", "body", "attempts" FROM "EmailOutbox"
          WHERE "sentAt" IS NULL AND "attempts" < ${MAX_ATTEMPTS} AND "nextAttemptAt" <= ${now}
          ORDER BY "createdAt", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        let ok = 0;
        for (const row of rows) {
          try {
            await sender({ from: config.from, to: row.to, subject: row.subject, text: row.body });
            await tx.emailOutbox.update({ where: { id: row.id }, data: { sentAt: new Date(), attempts: row.attempts + 1, lastError: null } });
            ok += 1;
          } catch (error) {
            const attempts = row.attempts + 1;
            await tx.emailOutbox.update({
              where: { id: row.id },
              data: {
                attempts,
                lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
                nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
              },
            });
          }
        }
        return { rows: rows.length, ok };
      },
      { timeout: 5 * 60_000, maxWait: 10_000 },
    );
    sent += batch.ok;
    failed += batch.rows - batch.ok;
    if (batch.rows < BATCH) break;
  }
  return { sent, failed };
}
