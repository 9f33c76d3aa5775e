import { z, idSchema, versionSchema, optionalText, requiredText } from "@/lib/validation";

export const sectorSchema = z.object({
  name: requiredText("领域名称", 20),
  grouping: optionalText("所属组别", 20),
  sortOrder: z.coerce.number().int("排序须为整数").min(0).max(999).default(0),
});
export const updateSectorSchema = sectorSchema.extend({ id: idSchema, version: versionSchema, active: z.boolean() });

/** The sectors a project names (one or more on submission; a draft may have none yet). */
export const sectorIdsSchema = z.array(idSchema).max(20).default([]);

/** A list filter: one sector id, or `group:<grouping>` for all sectors of a group ("两新"组织). */
export const sectorFilterSchema = z
  .string()
  .trim()
  .max(60)
  .regex(/^(group:.+|[A-Za-z0-9_-]{1,40})$/)
  .optional()
  .catch(undefined);
