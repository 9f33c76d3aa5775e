// What a proposal must contain before it is submitted. Pure: used by the server and shown by the form.
import { INNOVATION_STANDARDS, milestoneDate } from "@/lib/projects/proposal-catalog";
import type { ProposalFields } from "@/lib/projects/schemas";

const REQUIRED_TEXT: [keyof ProposalFields, string][] = [
  ["title", "请填写项目名称"],
  ["leaderName", "请填写责任领导"],
  ["leaderContact", "请填写联系方式"],
  ["category", "请选择类别"],
  ["focus", "请选择着眼领域"],
  ["tier", "请选择目标层次"],
  ["problem", "请填写拟解决的问题"],
  ["goals", "请填写目标"],
  ["measures", "请填写主要措施"],
  ["expectedResults", "请填写预期成效"],
  ["inputPeople", "请填写人力投入"],
  ["inputMoney", "请填写资金投入（没有可填“无”）"],
];

/** Field name → the message shown next to it; empty when the proposal may be submitted. */
export function proposalProblems(proposal: ProposalFields): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field, message] of REQUIRED_TEXT) if (!proposal[field]) problems[field] = message;
  if (proposal.innovationKinds.length === 0) problems.innovationKinds = "请至少选择一种创新类型";
  if (proposal.methods.length === 0) problems.methods = "请至少选择一种“十个一”方法";
  if (proposal.sectorIds.length === 0) problems.sectorIds = "请至少选择一个党组织领域";
  for (const standard of INNOVATION_STANDARDS) {
    if (!proposal.selfAssessment[standard.key]) problems[`self_${standard.key}`] = "请对照该项标准自评";
  }
  const milestones = proposal.milestones.filter((m) => m.title || m.dueDate);
  if (milestones.length === 0) problems.milestones = "请至少填写一个实施节点";
  else {
    const bad = milestones.findIndex((m) => !m.title || !milestoneDate(m.dueDate));
    if (bad >= 0) problems.milestones = `第 ${bad + 1} 个实施节点须同时填写内容和日期`;
  }
  return problems;
}

/** The shown errors that the proposal still has (with their current wording); fixed fields drop out. */
export function stillMissing(shown: Record<string, string>, problems: Record<string, string>): Record<string, string> {
  const left: Record<string, string> = {};
  for (const key of Object.keys(shown)) if (problems[key]) left[key] = problems[key];
  return left;
}
