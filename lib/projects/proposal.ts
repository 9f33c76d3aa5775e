// A stored project read back as the proposal form's fields. Pure.
import type { InnovationKind, SuggestionCategory, TenMethod, TopicFocus, TopicTier } from "@/lib/generated/prisma/enums";
import type { ProposalFields } from "@/lib/projects/schemas";
import { formatDate } from "@/lib/time";

export type StoredProposal = {
  title: string;
  leaderName: string | null;
  leaderContact: string | null;
  category: SuggestionCategory | null;
  focus: TopicFocus | null;
  tier: TopicTier | null;
  problem: string | null;
  innovationKinds: InnovationKind[];
  methods: TenMethod[];
  sectors: { sectorId: string }[];
  programmeId?: string | null;
  goals: string | null;
  measures: string | null;
  expectedResults: string | null;
  inputPeople: string | null;
  inputMoney: string | null;
  inputMaterials: string | null;
  selfAssessment: unknown;
  milestones: { title: string; dueDate: Date | null }[];
};

export function proposalOf(project: StoredProposal): ProposalFields {
  return {
    title: project.title,
    leaderName: project.leaderName,
    leaderContact: project.leaderContact,
    category: project.category,
    focus: project.focus,
    tier: project.tier,
    problem: project.problem,
    innovationKinds: project.innovationKinds,
    methods: project.methods,
    sectorIds: project.sectors.map((s) => s.sectorId),
    programmeId: project.programmeId ?? undefined,
    goals: project.goals,
    measures: project.measures,
    expectedResults: project.expectedResults,
    inputPeople: project.inputPeople,
    inputMoney: project.inputMoney,
    inputMaterials: project.inputMaterials,
    selfAssessment: (project.selfAssessment ?? {}) as ProposalFields["selfAssessment"],
    milestones: project.milestones.map((m) => ({ title: m.title, dueDate: formatDate(m.dueDate) })),
  };
}
