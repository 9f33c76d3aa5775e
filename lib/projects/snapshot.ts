// A submitted version, field by field in the users' words, for reading and comparing. Pure.
import { INNOVATION_KIND_LABELS, INNOVATION_STANDARDS, TEN_METHODS, type InnovationKind, type TenMethod } from "@/lib/projects/catalog";
import { CATEGORY_LABELS, type SuggestionCategory } from "@/lib/suggestions/catalog";
import { FOCUS_LABELS, TIER_LABELS, type TopicFocus, type TopicTier } from "@/lib/topics/rules";
import { formatDate } from "@/lib/time";

export type Snapshot = {
  title?: string;
  leaderName?: string | null;
  leaderContact?: string | null;
  category?: SuggestionCategory | null;
  focus?: TopicFocus | null;
  tier?: TopicTier | null;
  problem?: string | null;
  innovationKinds?: InnovationKind[];
  methods?: TenMethod[];
  sectorNames?: string[];
  programmeName?: string;
  goals?: string | null;
  measures?: string | null;
  expectedResults?: string | null;
  inputPeople?: string | null;
  inputMoney?: string | null;
  inputMaterials?: string | null;
  selfAssessment?: Record<string, string | null> | null;
  milestones?: { title: string; dueDate: string | null }[];
  attachments?: string[];
};

export function describeSnapshot(raw: unknown): { label: string; value: string }[] {
  const s = (raw ?? {}) as Snapshot;
  return [
    { label: "项目名称", value: s.title ?? "" },
    { label: "责任领导", value: [s.leaderName, s.leaderContact].filter(Boolean).join(" · ") },
    { label: "类别", value: s.category ? CATEGORY_LABELS[s.category] : "" },
    { label: "着眼领域", value: s.focus ? FOCUS_LABELS[s.focus] : "" },
    { label: "目标层次", value: s.tier ? TIER_LABELS[s.tier] : "" },
    { label: "拟解决的问题", value: s.problem ?? "" },
    { label: "创新类型", value: (s.innovationKinds ?? []).map((k) => INNOVATION_KIND_LABELS[k]).join("、") },
    { label: "“十个一”方法", value: (s.methods ?? []).map((m) => TEN_METHODS[m]?.label).join("、") },
    { label: "党组织领域", value: (s.sectorNames ?? []).join("、") },
    { label: "所属工程", value: s.programmeName ?? "" },
    { label: "目标", value: s.goals ?? "" },
    { label: "主要措施", value: s.measures ?? "" },
    { label: "预期成效", value: s.expectedResults ?? "" },
    { label: "实施节点", value: (s.milestones ?? []).map((m) => `${m.dueDate ? formatDate(new Date(m.dueDate)) : "（未定日期）"} ${m.title}`).join("\n") },
    { label: "人力投入", value: s.inputPeople ?? "" },
    { label: "资金投入", value: s.inputMoney ?? "" },
    { label: "物资投入", value: s.inputMaterials ?? "" },
    ...INNOVATION_STANDARDS.map((standard, index) => ({ label: `自评 ${index + 1}`, value: s.selfAssessment?.[standard.key] ?? "" })),
    { label: "附件", value: (s.attachments ?? []).join("\n") },
  ];
}
