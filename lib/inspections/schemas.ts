import { z, idSchema, instantField, optionalText, requiredText, versionSchema } from "@/lib/validation";
import { Finding } from "@/lib/generated/prisma/enums";

export const createInspectionSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number({ error: "请选择季度" }).int().min(1, "请选择季度").max(4),
  theme: requiredText("督查专题", 100),
  memberIds: z.array(idSchema).min(1, "请至少选择一名督查组成员").max(30),
});
export const inspectionProjectsSchema = z.object({ inspectionId: idSchema, projectIds: z.array(idSchema).max(300), allLagging: z.boolean().default(false) });
export const overviewSchema = z.object({ id: idSchema, version: versionSchema, overview: optionalText("总体情况", 5000) });
export const itemSchema = z.object({
  id: idSchema,
  version: versionSchema,
  finding: z.enum(Finding, { error: "请选择督查结论" }),
  problems: optionalText("存在问题", 2000),
  recommendations: optionalText("意见建议", 2000),
});
export const publishSchema = z.object({ id: idSchema, version: versionSchema });
export const rectificationSchema = z.object({ itemId: idSchema, content: requiredText("整改事项", 1000), dueAt: instantField("整改期限") });
export const answerSchema = z.object({ id: idSchema, version: versionSchema, answer: requiredText("整改情况", 2000) });
export const reviewRectificationSchema = z.object({ id: idSchema, version: versionSchema, accept: z.boolean(), review: optionalText("意见", 1000) });
