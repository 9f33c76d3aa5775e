import { z, idSchema, versionSchema, optionalText } from "@/lib/validation";

const quarterKey = {
  projectId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .transform((q) => q as 1 | 2 | 3 | 4),
};

export const reportFields = z.object({
  progress: optionalText("进展情况", 3000),
  percent: z
    .union([
      z.literal(""),
      z.coerce.number({ error: "完成进度须为数字" }).int("完成进度须为整数").min(0, "完成进度在 0 到 100 之间").max(100, "完成进度在 0 到 100 之间"),
    ])
    .nullish()
    .transform((value) => (value === "" || value === undefined ? null : value)),
  problems: optionalText("存在问题", 2000),
  nextSteps: optionalText("下步打算", 2000),
  milestones: z
    .array(
      z.object({
        milestoneId: idSchema,
        title: z.string().max(100),
        planned: z.string().max(20),
        done: z.boolean(),
        doneOn: z.string().max(20).nullable(),
        note: z.string().max(300).nullable(),
      }),
    )
    .max(20)
    .default([]),
});
export type ReportFields = z.infer<typeof reportFields>;

export const saveReportSchema = reportFields.extend({ ...quarterKey, version: versionSchema.optional() });
export const submitReportSchema = z.object({ ...quarterKey, version: versionSchema });
export const reviewReportSchema = z.object({ reportId: idSchema, version: versionSchema, accept: z.boolean(), comment: optionalText("意见", 1000) });

/** The unit's list: a year (the current one when absent) or every year; open items (the default) or all. */
export const unitFilterSchema = z.object({
  year: z
    .union([z.literal("all"), z.coerce.number().int().min(2000).max(2100)])
    .optional()
    .catch(undefined),
  show: z.literal("all").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

export const gridFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  liaison: z.literal("me").optional().catch(undefined),
  lagging: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
