import { z, idSchema, instantField, optionalText, requiredText, versionSchema } from "@/lib/validation";
import { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { rubricProblem } from "@/lib/hearings/scoring";
import { WEIGHT_KEYS, weightsProblem, type WeightKey } from "@/lib/awards/ranking";

const count = (label: string, max: number) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max}`);

const tierSchema = z.object({
  category: z.enum(AwardCategory),
  level: z.enum(AwardLevel),
  name: requiredText("奖项名称", 20),
  quota: count("名额", 100).refine((n) => n >= 1, "名额至少为 1"),
});

const criterionSchema = z.object({
  key: z.string().trim().min(1).max(30),
  label: requiredText("评分项名称", 30),
  weight: z.coerce.number({ error: "请填写权重" }),
  max: z.coerce.number({ error: "请填写满分" }).int("满分须为整数"),
});

const campaignFields = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  title: requiredText("名称", 80),
  nominationStartsAt: instantField("推荐开始时间"),
  nominationEndsAt: instantField("推荐截止时间"),
  workQuotaPerUnit: count("每单位推荐项目数", 20),
  personQuotaPerUnit: count("每单位推荐人数", 20),
  criteria: z.array(criterionSchema).max(10),
  weights: z.object({
    ...(Object.fromEntries(WEIGHT_KEYS.map((key) => [key, z.coerce.number({ error: "请填写权重" })])) as Record<WeightKey, z.ZodCoercedNumber>),
    cadre: z.coerce.number({ error: "请填写权重" }).optional(),
  }),
  tiers: z.array(tierSchema).max(40),
  jurorIds: z.array(idSchema).min(3, "评委至少 3 人").max(60),
  announcementDays: count("公示天数", 30).refine((n) => n >= 1, "公示期至少 1 个工作日"),
});

type CampaignFields = z.infer<typeof campaignFields>;

function checkCampaign(value: CampaignFields, ctx: z.RefinementCtx) {
  if (value.nominationEndsAt <= value.nominationStartsAt) ctx.addIssue({ code: "custom", path: ["nominationEndsAt"], message: "推荐截止时间须晚于开始时间" });
  if (value.workQuotaPerUnit + value.personQuotaPerUnit === 0) ctx.addIssue({ code: "custom", path: ["workQuotaPerUnit"], message: "每单位至少可以推荐一项" });
  const rubric = rubricProblem(value.criteria);
  if (rubric) ctx.addIssue({ code: "custom", path: ["criteria"], message: rubric });
  const weights = weightsProblem(value.weights);
  if (weights) ctx.addIssue({ code: "custom", path: ["weights"], message: weights });
  if (value.tiers.length === 0) ctx.addIssue({ code: "custom", path: ["tiers"], message: "请至少设置一个奖项" });
}

export const campaignSchema = campaignFields.superRefine(checkCampaign);
export type CampaignInput = z.infer<typeof campaignSchema>;
export const updateCampaignSchema = campaignFields.extend({ id: idSchema, version: versionSchema }).superRefine(checkCampaign);

export const nominationSchema = z
  .object({
    campaignId: idSchema,
    category: z.enum(AwardCategory, { error: "请选择推荐类别" }),
    projectId: z.string().max(40).optional(),
    personName: optionalText("姓名", 20),
    /** The nominated person when a cadre of the nominating section (a user of the app); empty for a name typed. */
    personUserId: z
      .union([idSchema, z.literal("")])
      .nullish()
      .transform((v) => (v ? v : null)),
    personTitle: optionalText("单位职务", 60),
    deeds: optionalText("主要事迹", 3000),
    ledProjectIds: z.array(idSchema).max(10).default([]),
    statement: requiredText("推荐理由", 1000),
  })
  .superRefine((value, ctx) => {
    if (value.category === "WORK" && !value.projectId) ctx.addIssue({ code: "custom", path: ["projectId"], message: "请选择推荐的项目" });
    if (value.category === "PERSON") {
      if (!value.personName && !value.personUserId) ctx.addIssue({ code: "custom", path: ["personName"], message: "请填写姓名" });
      if (!value.personTitle) ctx.addIssue({ code: "custom", path: ["personTitle"], message: "请填写单位职务" });
      if (!value.deeds || value.deeds.length < 50) ctx.addIssue({ code: "custom", path: ["deeds"], message: "主要事迹至少 50 个字" });
    }
  });
export type NominationInput = z.infer<typeof nominationSchema>;

export const updateNominationSchema = z.object({
  id: idSchema,
  version: versionSchema,
  personTitle: optionalText("单位职务", 60),
  deeds: optionalText("主要事迹", 3000),
  statement: requiredText("推荐理由", 1000),
});
export const withdrawNominationSchema = z.object({ id: idSchema, version: versionSchema });

export const juryScoreSchema = z.object({
  nominationId: idSchema,
  version: versionSchema.optional(),
  values: z.record(z.string(), z.number().nullable()),
  comment: optionalText("评语", 1000),
  submit: z.boolean(),
});
export const juryConflictSchema = z.object({ nominationId: idSchema, reason: requiredText("回避理由", 200) });

export const rankSchema = z.object({ campaignId: idSchema, version: versionSchema });
export const adjustSchema = z.object({
  nominationId: idSchema,
  version: versionSchema,
  tierId: z
    .string()
    .max(40)
    .transform((v) => v || null),
  reason: requiredText("调整理由", 500),
});
export const announceSchema = z.object({ campaignId: idSchema, version: versionSchema });
export const decideSchema = z.object({ campaignId: idSchema, version: versionSchema, decisionNumber: requiredText("文号", 40) });

export const objectionSchema = z.object({
  campaignId: idSchema,
  nominationId: z.string().max(40).optional(),
  content: z.string({ error: "请填写异议内容" }).trim().min(10, "异议内容至少 10 个字").max(2000, "异议内容不能超过 2000 个字"),
  contactName: requiredText("联系人", 20),
  contactPhone: z
    .string({ error: "请填写联系电话" })
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, "请填写有效的手机号或固定电话（如 13800000000 或 0910-1234567）"),
  challengeToken: z.string().max(600).optional(),
  challengeAnswer: z.string().max(10).optional(),
  /** A field people never see: bots fill it. */
  website: z.string().max(200).optional(),
});

export const OBJECTION_EFFECTS = ["none", "remove", "change"] as const;
export const handleObjectionSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    upheld: z.boolean(),
    investigation: requiredText("调查核实情况", 2000),
    answer: requiredText("答复意见", 2000),
    effect: z.enum(OBJECTION_EFFECTS).default("none"),
    tierId: z.string().max(40).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.upheld && value.effect !== "none") ctx.addIssue({ code: "custom", path: ["effect"], message: "不予支持的异议不改变名单" });
    if (value.effect === "change" && !value.tierId) ctx.addIssue({ code: "custom", path: ["tierId"], message: "请选择调整后的奖次" });
  });
