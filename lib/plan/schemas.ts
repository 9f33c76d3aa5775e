import { z, idSchema, versionSchema, optionalText, requiredText } from "@/lib/validation";

export const PLAN_LIMITS = { theme: 60, preamble: 2000, title: 100, goals: 2000, kind: 10 } as const;

const optionalId = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9_-]*$/, "编号格式不正确")
  .nullish()
  .transform((value) => (value ? value : null));

export const createPlanSchema = z.object({
  yearId: idSchema,
  theme: requiredText("年度主题", PLAN_LIMITS.theme),
  preamble: optionalText("总体要求", PLAN_LIMITS.preamble),
});
export const copyPlanSchema = z.object({ yearId: idSchema });
export const updatePlanSchema = createPlanSchema.omit({ yearId: true }).extend({ id: idSchema, version: versionSchema });
export const planTransitionSchema = z.object({ id: idSchema, version: versionSchema, transition: z.enum(["publish", "withdraw"]) });

const itemFields = {
  kindId: z.string({ error: "请选择条目类型" }).regex(/^[A-Za-z0-9_-]{1,40}$/, "请选择条目类型"),
  title: requiredText("条目名称", PLAN_LIMITS.title),
  goals: optionalText("目标要求", PLAN_LIMITS.goals),
  sectionId: optionalId,
};
export const addItemSchema = z.object({ planId: idSchema, parentId: optionalId, ...itemFields });
export const updateItemSchema = z.object({ id: idSchema, version: versionSchema, ...itemFields });
export const moveItemSchema = z.object({ id: idSchema, direction: z.enum(["up", "down"]) });
export const removeItemSchema = z.object({ id: idSchema });

export const kindSchema = z.object({
  name: requiredText("类型名称", PLAN_LIMITS.kind),
  programme: z.boolean().default(false),
  sortOrder: z.coerce.number().int("排序须为整数").min(0).max(999).default(0),
});
export const updateKindSchema = kindSchema.extend({ id: idSchema, version: versionSchema });

/** Place a project or a topic under a programme of its year (or take it out: programmeId empty). */
export const placeSchema = z.object({ target: z.enum(["project", "topic"]), id: idSchema, version: versionSchema, programmeId: optionalId });

/** A list filter: one programme's id, or "none" for the records under no programme. */
export const programmeFilterSchema = z
  .string()
  .trim()
  .regex(/^(none|[A-Za-z0-9_-]{1,40})$/)
  .optional()
  .catch(undefined);

export const planPageSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });
