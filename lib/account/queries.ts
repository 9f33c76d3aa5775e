// The signed-in person's own account, read for their own pages only.
import "server-only";
import { db } from "@/lib/db/client";

/** The caller's own e-mail address (shown on the password page, where it can be changed). */
export function ownEmail(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { email: true } });
}
