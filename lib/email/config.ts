// SMTP settings from the environment. E-mail is optional: without SMTP_HOST nothing is queued or sent.
import "server-only";

export type SmtpConfig = { host: string; port: number; secure: boolean; user: string | null; pass: string | null; from: string };

export function smtpConfig(): SmtpConfig | null {
  const host = process.env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = ["1", "true", "yes", "on"].includes((process.env.SMTP_SECURE ?? "").trim().toLowerCase());
  const port = Number(process.env.SMTP_PORT) || (secure ? 465 : 587);
  const user = process.env.SMTP_USER?.trim() || null;
  return { host, port, secure, user, pass: process.env.SMTP_PASS ?? null, from: process.env.SMTP_FROM?.trim() || user || `noreply@${host}` };
}

export function smtpConfigured(): boolean {
  return smtpConfig() !== null;
}

/** The app's public address, for absolute links in e-mails. */
export function publicUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
