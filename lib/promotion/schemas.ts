import { sectorFilterSchema } from "@/lib/sectors/schemas";
import { z, idSchema, optionalText, requiredText, versionSchema } from "@/lib/validation";
import { PromotionMark, SuggestionCategory, UnitType } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";

/** A calendar day typed in a date input (2026-05-20): midnight of that day in Beijing. */
export const dayField = (label: string) =>
  z.string({ error: `请填写${label}` }).transform((value, ctx) => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseBusinessDateTime(value) : null;
    if (!date) {
      ctx.addIssue({ code: "custom", message: value ? `${label}格式不正确` : `请填写${label}` });
      return z.NEVER;
    }
    return date;
  });

export const markSchema = z.object({
  projectId: idSchema,
  mark: z.enum(PromotionMark, { error: "请选择认定类型" }),
  decidedOn: dayField("认定日期"),
  reason: requiredText("认定理由", 1000),
});
export type MarkInput = z.infer<typeof markSchema>;

export const revokeMarkSchema = z.object({ id: idSchema, revokeReason: requiredText("撤销理由", 1000) });
export type RevokeMarkInput = z.infer<typeof revokeMarkSchema>;

const adoptionText = {
  adoptedOn: dayField("借鉴时间"),
  how: requiredText("借鉴做法", 2000),
  result: requiredText("取得成效", 2000),
};

/** Either a project of the library (sourceProjectId) or another county's practice named by hand. */
export const adoptionSchema = z
  .object({
    sourceProjectId: idSchema.optional().or(z.literal("").transform(() => undefined)),
    sourceName: optionalText("做法名称", 100),
    sourcePlace: optionalText("来源地", 100),
    /** The 现场会 / 交流会 / 研讨会 that led to it (lib/events), when the unit names one. */
    eventId: idSchema.optional().or(z.literal("").transform(() => undefined)),
    ...adoptionText,
  })
  .superRefine((value, ctx) => {
    if (value.sourceProjectId) return;
    if (!value.sourceName) ctx.addIssue({ code: "custom", path: ["sourceName"], message: "请填写做法名称" });
    if (!value.sourcePlace) ctx.addIssue({ code: "custom", path: ["sourcePlace"], message: "请填写来源地" });
  });
export type AdoptionInput = z.infer<typeof adoptionSchema>;

/** The source of an adoption stays what it was; the name and place of an outside practice may be corrected. */
export const updateAdoptionSchema = z.object({
  id: idSchema,
  version: versionSchema,
  sourceName: optionalText("做法名称", 100),
  sourcePlace: optionalText("来源地", 100),
  ...adoptionText,
});
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionSchema>;

export const caseFilterSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  mark: z.enum(PromotionMark).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  unitType: z.enum(UnitType).optional().catch(undefined),
  sector: sectorFilterSchema,
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const adoptionFilterSchema = z.object({
  unitId: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type AdoptionFilter = z.infer<typeof adoptionFilterSchema>;
