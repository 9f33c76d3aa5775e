// What every upload box accepts and says, in one place: the server's checks (lib/projects/attachments.ts) and the
// browser's picker and early refusal read the same figures. No server-only: the upload box imports it.

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_HINT = "PDF、Word、Excel 或图片（JPG、PNG），每个不超过 20 MB";
/** The picker's filter; the server still checks the bytes, whatever the name says. */
export const ATTACHMENT_ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png";

/** A file's size as people read it: whole KB below a megabyte (never 0 KB), one decimal above. */
export function formatSize(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
