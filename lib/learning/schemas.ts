// 组工讲坛, exams and 心得体会 inputs, shared by the forms and the actions.
import { z, idSchema, versionSchema, requiredText, optionalText, instantField } from "@/lib/validation";
import { dayField } from "@/lib/ledger/schemas";

const optionalId = z
  .union([idSchema, z.literal("")])
  .nullish()
  .transform((v) => (v ? v : null));

export const sessionFields = {
  heldOn: instantField("讲坛时间"),
  speaker: requiredText("主讲人", 50),
  topic: requiredText("专题", 200),
  place: optionalText("地点", 100),
};
export const createSessionSchema = z.object(sessionFields);
export type SessionInput = z.infer<typeof createSessionSchema>;
export const updateSessionSchema = z.object({ id: idSchema, version: versionSchema, ...sessionFields });
export const signInSchema = z.object({ sessionId: idSchema });
export const recordAttendanceSchema = z.object({ sessionId: idSchema, userId: idSchema, attended: z.boolean() });

const whole = (label: string, max: number) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能小于 0`)
    .max(max, `${label}不能超过 ${max}`);

export const createExamSchema = z
  .object({
    title: requiredText("考试名称", 100),
    heldOn: dayField("考试日期"),
    fullMark: whole("满分", 1000).min(1, "满分须大于 0"),
    passMark: whole("及格分", 1000),
  })
  .refine((exam) => exam.passMark <= exam.fullMark, { path: ["passMark"], message: "及格分不能高于满分" });
export type ExamInput = z.infer<typeof createExamSchema>;

/** One row per cadre; an empty score means not taken (a recorded score is removed). */
export const saveScoresSchema = z.object({
  examId: idSchema,
  scores: z
    .array(
      z.object({
        userId: idSchema,
        score: z
          .union([z.literal(""), z.null(), whole("成绩", 1000)])
          .optional()
          .transform((v) => (v === "" || v === null || v === undefined ? null : v)),
      }),
    )
    .max(500),
});

export const createReflectionSchema = z.object({
  title: requiredText("标题", 100),
  content: requiredText("心得体会", 5000).refine((text) => text.length >= 20, "心得体会至少写 20 个字"),
  sessionId: optionalId,
});
export type ReflectionInput = z.infer<typeof createReflectionSchema>;

const sectionFilter = optionalId.optional().catch(undefined);
export const learningFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  section: sectionFilter,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type LearningFilter = z.infer<typeof learningFilterSchema>;
