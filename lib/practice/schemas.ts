// 四个一 inputs. One flat set of fields; which ones an item needs depends on its kind (REQUIRED_FIELDS, checked
// when it is submitted: a draft may be incomplete).
import type { PracticeKind } from "@/lib/generated/prisma/enums";
import { z, idSchema, versionSchema, optionalText } from "@/lib/validation";

export const itemKey = {
  year: z.coerce.number().int().min(2000).max(2100),
  kind: z.enum(["RESEARCH", "PROBLEM", "EXEMPLAR"], { error: "事项类型不正确" }),
  period: z.coerce.number().int().min(1).max(4),
};

export const practiceFields = z.object({
  // 调研报告
  topic: optionalText("调研主题", 100),
  heldOn: optionalText("调研时间", 50),
  place: optionalText("调研地点", 100),
  interviewees: optionalText("走访对象", 500),
  findings: optionalText("发现的问题", 3000),
  proposals: optionalText("对策建议", 3000),
  // 难题
  problem: optionalText("工作难题", 200),
  measures: optionalText("采取的措施", 3000),
  result: optionalText("破解成效", 2000),
  confirmedBy: optionalText("确认人", 50),
  // 典型
  exemplarName: optionalText("典型名称", 100),
  exemplarType: z
    .enum(["PERSON", "UNIT", "PRACTICE", ""])
    .nullish()
    .transform((v) => (v ? v : null)),
  reason: optionalText("典型事迹", 3000),
  projectId: z
    .union([idSchema, z.literal("")])
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type PracticeFields = z.infer<typeof practiceFields>;
export type PracticeContent = Omit<PracticeFields, "projectId">;

// In periods.ts (no zod): the item form shows them in the browser.
export { EXEMPLAR_TYPE_LABELS } from "@/lib/practice/periods";

/** The fields an item must have to be submitted, with their labels; the first is its title. */
export const REQUIRED_FIELDS: Record<PracticeKind, [keyof PracticeContent, string][]> = {
  RESEARCH: [
    ["topic", "调研主题"],
    ["heldOn", "调研时间"],
    ["place", "调研地点"],
    ["interviewees", "走访对象"],
    ["findings", "发现的问题"],
    ["proposals", "对策建议"],
  ],
  PROBLEM: [
    ["problem", "工作难题"],
    ["measures", "采取的措施"],
    ["result", "破解成效"],
    ["confirmedBy", "确认人"],
  ],
  EXEMPLAR: [
    ["exemplarName", "典型名称"],
    ["exemplarType", "典型类别"],
    ["reason", "典型事迹"],
  ],
};

export const savePracticeSchema = z.object({ ...itemKey, version: versionSchema.optional() }).and(practiceFields);
/** An upload: the item's key (the first file makes the draft) and the file, sent as a form. */
export const uploadPracticeAttachmentSchema = z
  .instanceof(FormData, { message: "请选择文件" })
  .transform((form) => ({ year: Number(form.get("year")), kind: String(form.get("kind")), period: Number(form.get("period")), file: form.get("file") }))
  .pipe(
    z.object({
      year: z.number().int().min(2000).max(2100),
      kind: itemKey.kind,
      period: z.number().int().min(1).max(4),
      file: z.instanceof(File, { message: "请选择文件" }),
    }),
  );
export const removePracticeAttachmentSchema = z.object({ id: idSchema });
export const submitPracticeSchema = z.object({ ...itemKey, version: versionSchema });
export const reviewPracticeSchema = z.object({
  itemId: idSchema,
  version: versionSchema,
  accept: z.boolean(),
  comment: optionalText("审核意见", 1000),
});
export const gridFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  section: z
    .union([idSchema, z.literal("")])
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export const setSectionHeadSchema = z.object({
  sectionId: idSchema,
  headId: z
    .union([idSchema, z.literal("")])
    .nullish()
    .transform((v) => (v ? v : null)),
});
