import { z, idSchema, versionSchema, optionalText, requiredText } from "@/lib/validation";
import { InnovationKind, ProjectState, SuggestionCategory, TenMethod, TopicFocus, TopicTier, UnitType } from "@/lib/generated/prisma/enums";
import { INNOVATION_STANDARDS, PROPOSAL_LIMITS as L } from "@/lib/projects/catalog";
import { TRANSITION_NAMES } from "@/lib/projects/states";
import { sectorFilterSchema, sectorIdsSchema } from "@/lib/sectors/schemas";
import { programmeFilterSchema } from "@/lib/plan/schemas";

const text = (label: string, max = L.text) => optionalText(label, max);
const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z
    .enum(values)
    .or(z.literal(""))
    .nullish()
    .transform((value) => (value ? value : null));

const milestoneSchema = z.object({
  title: z.string().trim().max(L.milestone, `节点名称不能超过 ${L.milestone} 个字`),
  dueDate: z.string().trim().max(20),
});

/**
 * The proposal as the form holds it. Everything may be empty in a draft: the completeness check
 * runs at submission (`proposalProblems`), so a half-written proposal always saves.
 */
export const proposalFields = z.object({
  title: z.string().trim().max(L.title, `项目名称不能超过 ${L.title} 个字`).default(""),
  leaderName: text("责任领导", L.short),
  leaderContact: text("联系方式", L.short),
  category: optionalEnum(SuggestionCategory),
  focus: optionalEnum(TopicFocus),
  tier: optionalEnum(TopicTier),
  problem: text("拟解决的问题"),
  innovationKinds: z.array(z.enum(InnovationKind)).max(4).default([]),
  methods: z.array(z.enum(TenMethod)).max(10).default([]),
  /** The party-organisation sectors (党组织领域) the project serves. */
  sectorIds: sectorIdsSchema,
  /** The programme (工程) of the year's work plan; optional: the admin places the project if the unit does not know. */
  programmeId: z.preprocess((value) => value || undefined, z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "编号格式不正确")).optional(),
  goals: text("目标"),
  measures: text("主要措施"),
  expectedResults: text("预期成效"),
  inputPeople: text("人力投入", L.short * 5),
  inputMoney: text("资金投入", L.short * 5),
  inputMaterials: text("物资投入", L.short * 5),
  selfAssessment: z
    .object(Object.fromEntries(INNOVATION_STANDARDS.map((s) => [s.key, text("自评", 1000)])))
    .partial()
    .default({}),
  milestones: z.array(milestoneSchema).max(L.milestones, `实施节点不能超过 ${L.milestones} 个`).default([]),
});
export type ProposalFields = z.infer<typeof proposalFields>;

export const createProjectSchema = z.object({ yearId: idSchema, topicId: idSchema.optional() });

export const saveDraftSchema = proposalFields.extend({ id: idSchema, version: versionSchema });

export const transitionSchema = z.object({
  id: idSchema,
  version: versionSchema,
  transition: z.enum(TRANSITION_NAMES),
  reason: optionalText("理由", L.reason),
  summary: optionalText("结项总结", L.summary),
});

export const assignLiaisonSchema = z.object({
  id: idSchema,
  version: versionSchema,
  liaisonId: z
    .string()
    .max(40)
    .transform((v) => v || null),
});

export const guidanceNoteSchema = z.object({ projectId: idSchema, content: requiredText("指导内容", L.note) });

export const similarSchema = z.object({
  projectId: idSchema.optional(),
  title: z.string().trim().max(200).default(""),
  problem: z.string().trim().max(500).default(""),
});

export const removeAttachmentSchema = z.object({ id: idSchema });

export const projectFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  unitId: z.string().max(40).optional().catch(undefined),
  unitType: z.enum(UnitType).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  focus: z.enum(TopicFocus).optional().catch(undefined),
  tier: z.enum(TopicTier).optional().catch(undefined),
  state: z.enum(ProjectState).optional().catch(undefined),
  /** "approved": went through approval (已立项, 实施中, 已结项, 已终止), as the dashboard counts approvals. */
  stage: z.literal("approved").optional().catch(undefined),
  topicId: z.string().max(40).optional().catch(undefined),
  sector: sectorFilterSchema,
  /** A programme of the year's work plan, or "none". */
  programme: programmeFilterSchema,
  liaison: z.string().max(40).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  sort: z.enum(["updated", "title", "unit", "submitted", "programme"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type ProjectFilter = z.infer<typeof projectFilterSchema>;

// milestoneDate lives in catalog.ts (no zod): the proposal form's completeness check runs in the browser too.
export { milestoneDate } from "@/lib/projects/catalog";
