// How an audit row reads in the log: the IP as people write it, and a sentence for rows written without a 说明. Pure.
import { auditActionLabel } from "@/lib/audit/actions-catalog";

/** An IPv4 address as it arrives through a dual-stack socket (`::ffff:127.0.0.1`) is shown and stored as `127.0.0.1`. */
export function plainIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip.trim());
  return mapped ? mapped[1] : ip.trim();
}

const ENTITY_LABELS: Record<string, string> = {
  Project: "项目",
  ProjectVersion: "申报书",
  Decision: "审定决定",
  ProgressReport: "季度报告",
  Inspection: "督查",
  ResearchTopic: "调研课题",
  LedgerProblem: "台账问题",
  Event: "活动",
  TownshipMeeting: "组织委员例会",
  Meeting: "听证会议",
  ReviewAssignment: "评审任务",
  LearningSession: "讲坛",
  Exam: "考试",
  PracticeItem: "四个一",
  WorkPlan: "工作要点",
  Document: "文书",
  CampaignJuror: "评审任务",
  User: "账户",
  Unit: "单位",
  Year: "年度",
  Topic: "选题",
  Suggestion: "建议",
  Hearing: "听证会",
  Campaign: "评选活动",
  Nomination: "推荐",
};
/** The record kind as the users say it (the audit log and its refusals), or the model's name when it has none. */
export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

const OUTCOME_WORDS: Record<string, string> = { SUCCESS: "成功", FAILURE: "未成功", DENIED: "被拒绝" };

type Row = {
  action: string;
  summary: string | null;
  actorName: string | null;
  actorUsername: string | null;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
};

/** The row's own 说明, or a sentence saying who did what to which record and how it ended. */
export function describeAuditEntry(row: Row): string {
  if (row.summary?.trim()) return row.summary;
  const who = row.actorName ? `${row.actorName}（${row.actorUsername ?? ""}）` : row.actorUsername ? `用户名“${row.actorUsername}”` : "未登录的访客";
  const record = row.entityType ? `，对象：${entityLabel(row.entityType)}${row.entityId ? ` ${row.entityId}` : ""}` : "";
  return `${who}：${auditActionLabel(row.action)}${record}，结果：${OUTCOME_WORDS[row.outcome] ?? row.outcome}`;
}
