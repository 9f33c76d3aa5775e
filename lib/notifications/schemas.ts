import { z, idSchema } from "@/lib/validation";
import { NOTIFICATION_CATEGORIES } from "@/lib/notifications/kinds";

export const markReadSchema = z.object({ id: idSchema });
/** All of one's unread notices, or those of one group (the filter the inbox shows). */
export const markAllReadSchema = z.object({ kind: z.enum(NOTIFICATION_CATEGORIES).optional() });

export const notificationFilterSchema = z.object({
  unread: z.literal("1").optional().catch(undefined),
  kind: z.enum(NOTIFICATION_CATEGORIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
  /** Show the notices waiting for the digest. */
  held: z.literal("1").optional().catch(undefined),
});
