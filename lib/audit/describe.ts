// How an audit row reads in the log: the IP as people write it, and a sentence for rows written without a 说明. Pure.
import { auditActionLabel } from "@/lib/audit/actions-catalog";

/** An IPv4 address as it arrives through a dual-stack socket (`::ffff:127.0.0.1`) is shown and stored as `127.0.0.1`. */
export function plainIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip.trim());
  return mapped ? mapped[1] : ip.trim();
}

/** Every record type the audit log names (`writeAudit`'s `entityType`), in the users' words; tests/unit/audit-describe.test.ts
 * fails when a type written somewhere in lib/ or app/ has no label here. */
export const ENTITY_LABELS: Record<string, string> = {
  Adoption: "借鉴推广",
  Attachment: "附件",
  Decision: "审定决定",
  Document: "文书",
  CampaignJuror: "评审任务",
  CalendarDay: "工作日历",
  Campaign: "评比表彰",
  Event: "交流活动",
  EventAttachment: "交流材料附件",
  EventSubmission: "交流材料",
  Exam: "业务考试",
  Hearing: "听证会",
  Inspection: "季度督查",
  LearningSession: "组工讲坛",
  LedgerAttachment: "销号佐证附件",
  LedgerProblem: "遗留问题",
  Meeting: "部务会",
  Nomination: "评比推荐",
  Objection: "异议",
  PersonBid: "个人投标",
  PlanItem: "工作要点条目",
  PlanItemKind: "工作要点条目类型",
  PracticeAttachment: "四个一附件",
  PracticeItem: "四个一",
  Project: "项目",
  ProjectVersion: "申报书",
  ProgressReport: "季度报告",
  RectificationItem: "整改事项",
  ReviewAssignment: "评审任务",
  Reflection: "心得体会",
  ResearchArea: "调研领域",
  ResearchProposal: "对策建议",
  ResearchTopic: "调查研究课题",
  Sector: "党组织领域",
  Suggestion: "建议",
  SuggestionAspect: "建议方面",
  Topic: "选题",
  TopicClaim: "选题认领",
  TownshipMeeting: "乡镇组织委员例会",
  Unit: "单位",
  User: "账户",
  WorkPlan: "工作要点",
  Year: "年度",
};

/** A record type as people call it; an unknown type (a row written before its label existed) reads as 记录. */
export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? "记录";
}
const OUTCOME_WORDS: Record<string, string> = { SUCCESS: "成功", FAILURE: "未成功", DENIED: "被拒绝" };

type Row = {
  action: string;
  actorId?: string | null;
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
  // The actor's own account (a sign-in, a password change) needs no number: it is the person already named.
  const own = row.entityType === "User" && row.entityId != null && row.entityId === row.actorId;
  const record = !row.entityType ? "" : own ? "，对象：本人账户" : `，对象：${entityLabel(row.entityType)}${row.entityId ? `（编号 ${row.entityId}）` : ""}`;
  return `${who}：${auditActionLabel(row.action)}${record}，结果：${OUTCOME_WORDS[row.outcome] ?? row.outcome}`;
}
