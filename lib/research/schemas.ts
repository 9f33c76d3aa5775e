// 调查研究课题 inputs: the admin's topic form, the team's report, the head's review, the leaders' marking, the areas.
import { z, idSchema, versionSchema, optionalText, requiredText, instantField } from "@/lib/validation";
import { RESEARCH_MACHINE } from "@/lib/research/states";

const idList = (label: string) =>
  z
    .union([z.array(idSchema), idSchema, z.literal("")])
    .nullish()
    .transform((v) => (Array.isArray(v) ? v : v ? [v] : []))
    .pipe(z.array(idSchema).max(20, `${label}最多 20 人`));

export const topicFields = z.object({
  title: requiredText("课题名称", 100),
  question: requiredText("研究的问题", 1000),
  areaId: z.string({ error: "请选择调研领域" }).min(1, "请选择调研领域").pipe(idSchema),
  leadId: z.string({ error: "请选择牵头人" }).min(1, "请选择牵头人").pipe(idSchema),
  memberIds: idList("课题组成员"),
  dueAt: instantField("完成时限"),
});

export const createTopicSchema = topicFields.extend({ year: z.coerce.number().int().min(2000).max(2100) });
export const updateTopicSchema = topicFields.extend({ id: idSchema, version: versionSchema });

/** The report: 症结性问题, analysis and the proposals (one per entry; blanks dropped). Drafts may be incomplete. */
export const reportFields = z.object({
  problems: optionalText("症结性问题", 5000),
  analysis: optionalText("原因分析", 5000),
  proposals: z
    .array(z.string().trim().max(1000, "每条建议不能超过 1000 个字"))
    .max(20, "建议最多 20 条")
    .default([])
    .transform((list) => list.filter(Boolean)),
});
export const saveReportSchema = reportFields.extend({ id: idSchema, version: versionSchema });
export const topicActionSchema = z.object({ id: idSchema, version: versionSchema });
export const reviewTopicSchema = z.object({
  id: idSchema,
  version: versionSchema,
  accept: z.boolean(),
  comment: optionalText("审核意见", 1000),
});

export const MARKS = ["ADOPTED", "PARTLY", "NOT_ADOPTED"] as const;
export const markProposalSchema = z.object({
  proposalId: idSchema,
  version: versionSchema,
  mark: z.enum(MARKS, { error: "请选择采纳情况" }),
  note: optionalText("批示意见", 1000),
  /** The leader whose decision the admin records (a leader marking for themselves leaves it empty). */
  leaderName: optionalText("批示领导", 50),
});

export const areaSchema = z.object({
  name: requiredText("领域名称", 30),
  sortOrder: z.coerce.number().int("排序须为整数").min(0).max(999).default(0),
});
export const updateAreaSchema = areaSchema.extend({ id: idSchema, version: versionSchema, active: z.boolean() });

const optionalId = z
  .union([idSchema, z.literal("")])
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

export const RESEARCH_STATES = RESEARCH_MACHINE.stateNames;
export const listFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  area: optionalId,
  section: optionalId,
  state: z.enum(RESEARCH_STATES).optional().catch(undefined),
  /** 1: only the topics the viewer leads or is a member of. */
  mine: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ListFilter = Partial<z.infer<typeof listFilterSchema>>;
