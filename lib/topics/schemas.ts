import { z, idSchema, instantField, versionSchema, optionalText, requiredText } from "@/lib/validation";
import { ClaimMode, SuggestionCategory, TopicFocus, TopicTier } from "@/lib/generated/prisma/enums";
import { TOPIC_LIMITS } from "@/lib/topics/rules";
import { PERSON_BID_LIMITS } from "@/lib/topics/person-rules";

const idList = z.array(idSchema).max(500).default([]);

const topicFields = {
  title: requiredText("选题名称", TOPIC_LIMITS.title),
  description: requiredText("选题说明", TOPIC_LIMITS.description),
  category: z.enum(SuggestionCategory, { error: "请选择类别" }),
  aspectId: z
    .string()
    .max(40)
    .optional()
    .transform((value) => value || null),
  focus: z.enum(TopicFocus, { error: "请选择着眼领域" }),
  tier: z.enum(TopicTier, { error: "请选择目标层次" }),
  claimMode: z.enum(ClaimMode, { error: "请选择认领方式" }),
  claimClosesAt: instantField("认领截止时间"),
  unitIds: idList,
  /** A checkbox: present ("on") when the bidding topic is open to individual cadres too. */
  openToPersons: z
    .union([z.literal("on"), z.boolean()])
    .optional()
    .transform((value) => value === "on" || value === true),
};

const modeAndUnits = z.object({ claimMode: topicFields.claimMode, unitIds: topicFields.unitIds });

/** An assigned topic names its units; checked even while other fields are still wrong, so all errors show at once. */
const unitsForMode: [
  (value: { claimMode: ClaimMode; unitIds: string[] }) => boolean,
  { path: string[]; message: string; when: (payload: { value: unknown }) => boolean },
] = [
  (value) => value.claimMode !== "ASSIGNED" || value.unitIds.length > 0,
  { path: ["unitIds"], message: "发包选题请至少选择一个承担单位", when: (payload) => modeAndUnits.safeParse(payload.value).success },
];

export const createTopicSchema = z.object({ yearId: idSchema, sourceIds: idList, ...topicFields }).refine(...unitsForMode);
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

/** A draft changes freely; a published topic only with a reason (checked by the service). */
export const updateTopicSchema = z
  .object({ id: idSchema, version: versionSchema, reason: optionalText("修改理由", TOPIC_LIMITS.reason), ...topicFields })
  .refine(...unitsForMode);
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

export const publishCatalogueSchema = z.object({ yearId: idSchema, expected: z.coerce.number().int().min(0) });

export const withdrawTopicSchema = z.object({ id: idSchema, version: versionSchema, reason: requiredText("撤回理由", TOPIC_LIMITS.reason) });
export const closeClaimsSchema = z.object({ id: idSchema, version: versionSchema, reason: requiredText("提前截止的理由", TOPIC_LIMITS.reason) });

export const takeTopicSchema = z.object({ topicId: idSchema, note: optionalText("认领说明", TOPIC_LIMITS.note) });

export const bidSchema = z.object({
  topicId: idSchema,
  /** The version of the unit's own bid when revising it. */
  version: versionSchema.optional(),
  approach: requiredText("实施思路", TOPIC_LIMITS.approach),
  people: requiredText("人员安排", TOPIC_LIMITS.people),
  timeline: requiredText("时间安排", TOPIC_LIMITS.timeline),
});

export const answerAssignmentSchema = z
  .object({ topicId: idSchema, accept: z.boolean(), note: optionalText("说明", TOPIC_LIMITS.note) })
  .superRefine((value, ctx) => {
    if (!value.accept && !value.note) ctx.addIssue({ code: "custom", path: ["note"], message: "请说明不能承接的原因" });
  });

export const awardBidsSchema = z.object({
  topicId: idSchema,
  version: versionSchema,
  decisions: z
    .array(z.object({ claimId: idSchema, awarded: z.boolean(), reason: optionalText("评标意见", TOPIC_LIMITS.reason) }))
    .min(1)
    .max(200),
});

export const topicFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  focus: z.enum(TopicFocus).optional().catch(undefined),
  tier: z.enum(TopicTier).optional().catch(undefined),
  mode: z.enum(ClaimMode).optional().catch(undefined),
  phase: z.enum(["draft", "open", "closed", "withdrawn", "published"]).optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type TopicFilter = z.infer<typeof topicFilterSchema>;

// 个人投标: a cadre's own bid, the defence (答辩) of the person bids and the award to one person.

export const personBidSchema = z.object({
  topicId: idSchema,
  /** The version of one's own bid when revising it. */
  version: versionSchema.optional(),
  approach: requiredText("工作思路", PERSON_BID_LIMITS.approach),
  steps: requiredText("实施步骤", PERSON_BID_LIMITS.steps),
  expectedResults: requiredText("预期成效", PERSON_BID_LIMITS.expectedResults),
});
export const withdrawPersonBidSchema = z.object({ topicId: idSchema, version: versionSchema });

export const arrangeDefenceSchema = z.object({
  topicId: idSchema,
  /** The defence's version when changing it (absent when arranging it first). */
  version: versionSchema.optional(),
  heldAt: instantField("答辩时间"),
  place: requiredText("答辩地点", PERSON_BID_LIMITS.place),
  reviewerIds: z.array(idSchema).min(1, "请至少选择一位评审专家").max(50),
});
export const closeDefenceSchema = z.object({ topicId: idSchema, version: versionSchema });

export const defenceScoreSchema = z.object({
  bidId: idSchema,
  version: versionSchema.optional(),
  values: z.record(z.string().max(30), z.coerce.number({ error: "分数须为数字" }).nullable()),
  comment: optionalText("评语", 1000),
});

export const awardPersonBidsSchema = z.object({
  topicId: idSchema,
  version: versionSchema,
  decisions: z
    .array(z.object({ bidId: idSchema, awarded: z.boolean(), reason: optionalText("评定意见", PERSON_BID_LIMITS.reason) }))
    .min(1)
    .max(200),
});

export const personBidsPageSchema = z.object({ bids: z.coerce.number().int().min(1).max(10000).catch(1) });
