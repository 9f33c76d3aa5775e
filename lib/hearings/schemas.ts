import { z, idSchema, instantField, versionSchema, optionalText, requiredText } from "@/lib/validation";
import { HearingKind, HearingLevel, RankAggregate, Verdict } from "@/lib/generated/prisma/enums";

const hearingFields = {
  kind: z.enum(HearingKind, { error: "请选择形式" }),
  level: z.enum(HearingLevel, { error: "请选择层级" }),
  title: requiredText("名称", 80),
  heldAt: instantField("时间"),
  place: requiredText("地点", 80),
  attendees: optionalText("其他参加人员", 500),
};

export const createHearingSchema = z.object({ yearId: idSchema, ...hearingFields });
export const updateHearingSchema = z.object({ id: idSchema, version: versionSchema, minutes: optionalText("纪要", 5000), ...hearingFields });
export const agendaSchema = z.object({ hearingId: idSchema, projectIds: z.array(idSchema).min(1, "请至少选择一个项目").max(200) });
export const agendaItemSchema = z.object({ itemId: idSchema });
export const reviewersSchema = z.object({ hearingId: idSchema, version: versionSchema, userIds: z.array(idSchema).max(300) });
export const autoAssignSchema = z.object({
  hearingId: idSchema,
  perProposal: z.coerce.number({ error: "请填写每个项目的评审人数" }).int("须为整数").min(1, "至少 1 人").max(50, "最多 50 人"),
});
export const assignSchema = z.object({ itemId: idSchema, reviewerId: z.string().min(1, "请选择评审专家").max(40) });
export const assignmentSchema = z.object({ assignmentId: idSchema });
export const closeHearingSchema = z.object({ id: idSchema, version: versionSchema });
export const remindSchema = z.object({ hearingId: idSchema });

export const rubricSchema = z.object({
  yearId: idSchema,
  version: versionSchema,
  criteria: z
    .array(
      z.object({
        key: z.string().min(1).max(30),
        label: requiredText("标准名称", 60),
        weight: z.coerce.number({ error: "请填写权重" }),
        max: z.coerce.number({ error: "请填写满分" }),
      }),
    )
    .min(1)
    .max(10),
  /** Absent: the year keeps the one it has. */
  rankBy: z.enum(RankAggregate, { error: "请选择排名依据" }).optional(),
});

export const scoreSchema = z.object({
  assignmentId: idSchema,
  version: versionSchema.optional(),
  values: z.record(z.string().max(30), z.coerce.number({ error: "分数须为数字" }).nullable()),
  comment: optionalText("评语", 2000),
  recommendation: z
    .enum(Verdict)
    .or(z.literal(""))
    .nullish()
    .transform((value) => value || null),
  submit: z.boolean(),
});

export const declareConflictSchema = z.object({ assignmentId: idSchema, reason: requiredText("回避理由", 300) });

export const createMeetingSchema = z.object({
  yearId: idSchema,
  number: requiredText("期次", 30),
  heldAt: instantField("会议时间"),
  attendees: requiredText("参会人员", 500),
});
export const decisionSchema = z.object({
  meetingId: idSchema,
  projectId: z.string().min(1, "请选择项目").max(40),
  projectVersion: versionSchema,
  verdict: z.enum(Verdict, { error: "请选择审定结果" }),
  opinion: requiredText("审定意见", 2000),
});

const pageParam = z.coerce.number().int().min(1).max(10000).catch(1);

/** /reviews: the reviewer's tasks of one hearing or all, what is left by default, one page at a time. */
export const reviewFilterSchema = z.object({
  hearing: idSchema.optional().catch(undefined),
  status: z.enum(["todo", "draft", "submitted", "all"]).catch("todo"),
  page: pageParam,
});

/** A hearing's agenda, the year's ranking and a hearing's results: one page at a time, optionally what is left. */
export const hearingPageSchema = z.object({
  page: pageParam,
  pending: z.string().max(1).optional().catch(undefined),
  rank: pageParam,
  /** Narrows the projects offered to the agenda or the decision. */
  q: z.string().trim().max(60).optional().catch(undefined),
});
