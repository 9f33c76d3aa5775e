import { z, requiredText, idSchema, versionSchema } from "@/lib/validation";
import { UnitType } from "@/lib/generated/prisma/enums";

export const unitFieldsSchema = z.object({
  name: requiredText("单位名称", 60),
  type: z.enum(UnitType, { error: "请选择单位类型" }),
  parentId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null)),
  code: z
    .string()
    .trim()
    .max(20, "单位编码不能超过 20 个字符")
    .regex(/^[A-Za-z0-9-]*$/, "单位编码只能包含字母、数字和短横线")
    .optional()
    .transform((value) => (value ? value.toUpperCase() : null)),
  sortOrder: z.coerce.number({ error: "排序须为整数" }).int("排序须为整数").min(0).max(9999).default(0),
});
export type UnitFields = z.infer<typeof unitFieldsSchema>;

export const updateUnitSchema = unitFieldsSchema.extend({ id: idSchema, version: versionSchema });
export const setUnitActiveSchema = z.object({ id: idSchema, version: versionSchema, active: z.boolean() });

export const unitFilterSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  type: z.enum(UnitType).optional().catch(undefined),
  status: z.enum(["active", "inactive", "all"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
