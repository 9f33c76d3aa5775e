// The vocabulary of the proposal form: kinds of innovation, the "十个一" methods, the five standards, the limits.
// Pure and without the state table, so that the form's browser bundle does not carry every state's description
// (issue 17: first-load JS); lib/projects/catalog.ts re-exports it all.
import { InnovationKind, TenMethod } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";

export const INNOVATION_KIND_LABELS: Record<InnovationKind, string> = { IDEA: "理念创新", APPROACH: "思路创新", WORK: "工作创新", MECHANISM: "机制创新" };
export const INNOVATION_KINDS = Object.values(InnovationKind) as InnovationKind[];

/** Seed 000: 实践创新"十个一"工作法, each with its question. */
export const TEN_METHODS: Record<TenMethod, { label: string; hint: string }> = {
  ADD: { label: "加一加", hint: "能在这件事情上添加些什么" },
  SUBTRACT: { label: "减一减", hint: "可在这件事情上减些什么" },
  EXPAND: { label: "扩一扩", hint: "把这件事情扩展一下怎么样" },
  SHRINK: { label: "缩一缩", hint: "把这件事情缩小一下会怎样" },
  CHANGE: { label: "变一变", hint: "改变一下秩序、结构等会怎样" },
  IMPROVE: { label: "改一改", hint: "对缺点和不足改进一下会怎样" },
  SUBSTITUTE: { label: "代一代", hint: "有什么东西可以替代一下" },
  CONNECT: { label: "联一联", hint: "把此事情和彼事情联系起来能达到什么目的" },
  REVERSE: { label: "反一反", hint: "把事情的正反、里外颠倒一下，会有什么结果" },
  FIX: { label: "定一定", hint: "为解决某些问题，需要规定些什么" },
};
export const TEN_METHOD_KEYS = Object.values(TenMethod) as TenMethod[];

/** Seed 000 "明确创新标准": the five standards a proposal is assessed (and later scored) against. */
export const INNOVATION_STANDARDS = [
  { key: "fit", label: "符合大政方针、客观规律、全县大局和本单位实际" },
  { key: "novelty", label: "超越自我、超越陈规陋习" },
  { key: "design", label: "载体设计有新创意，得到同行及社会认可" },
  { key: "impact", label: "对实际工作有推动作用，产生广泛社会影响" },
  { key: "replicability", label: "具有示范效应和推广价值" },
] as const;
export type StandardKey = (typeof INNOVATION_STANDARDS)[number]["key"];
export type SelfAssessment = Partial<Record<StandardKey, string>>;

/** Limits of the proposal's texts. */
export const PROPOSAL_LIMITS = { title: 60, short: 100, text: 3000, milestone: 100, milestones: 20, summary: 3000, reason: 1000, note: 2000 };

/** A milestone's date as typed (2026-06-30): midnight of that day in Beijing. */
export function milestoneDate(value: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseBusinessDateTime(value) : null;
}
