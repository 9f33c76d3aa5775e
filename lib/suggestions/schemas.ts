import { z, idSchema, versionSchema, optionalText, requiredText } from "@/lib/validation";
import { SuggestionCategory, SuggestionStatus } from "@/lib/generated/prisma/enums";
import { TRIAGE_ACTIONS } from "@/lib/suggestions/catalog";

export const CONTENT_MIN = 10;
// In catalog.ts (no zod), for the form in the browser.
import { CONTENT_MAX } from "@/lib/suggestions/catalog";
export { CONTENT_MAX };

export const submitSuggestionSchema = z.object({
  category: z.enum(SuggestionCategory, { error: "请选择类别" }),
  aspectId: z.string({ error: "请选择方面" }).min(1, "请选择方面"),
  content: z
    .string({ error: "请填写意见建议" })
    .trim()
    .min(CONTENT_MIN, `意见建议至少 ${CONTENT_MIN} 个字`)
    .max(CONTENT_MAX, `意见建议不能超过 ${CONTENT_MAX} 个字`),
  submitterName: optionalText("姓名", 40),
  contact: optionalText("联系方式", 60),
  challengeToken: z.string().max(600).optional(),
  challengeAnswer: z.string().max(10).optional(),
  /** A field people never see: bots fill it. */
  website: z.string().max(200).optional(),
});

export const triageSchema = z.object({
  id: idSchema,
  version: versionSchema,
  action: z.enum(TRIAGE_ACTIONS as [string, ...string[]]).transform((value) => value as (typeof TRIAGE_ACTIONS)[number]),
  reply: optionalText("答复", 2000),
  mergeInto: z.string().trim().max(40).optional(),
});

export const aspectSchema = z.object({
  category: z.enum(SuggestionCategory, { error: "请选择类别" }),
  name: requiredText("方面名称", 30),
  sortOrder: z.coerce.number().int("排序须为整数").min(0).max(999).default(0),
});
export const updateAspectSchema = aspectSchema.extend({ id: idSchema, version: versionSchema, active: z.boolean() });

export const suggestionFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  aspectId: z.string().max(40).optional().catch(undefined),
  status: z.enum(SuggestionStatus).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type SuggestionFilter = z.infer<typeof suggestionFilterSchema>;
