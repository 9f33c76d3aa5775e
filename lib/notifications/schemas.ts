import { z, idSchema } from "@/lib/validation";

export const markReadSchema = z.object({ id: idSchema });

export const notificationFilterSchema = z.object({
  unread: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
