// Every audit action the app writes, with its Chinese name for the audit admin's filter.
export const AUDIT_ACTIONS = {
  "auth.login": "登录成功",
  "auth.login_failed": "登录失败",
  "auth.locked": "账户锁定",
  "auth.logout": "退出登录",
  "auth.session_expired": "会话超时",
  "auth.password_changed": "修改密码",
  "access.denied": "越权访问被拒绝",
  "unit.create": "新建单位",
  "unit.update": "修改单位",
  "unit.deactivate": "停用单位",
  "unit.activate": "启用单位",
  "unit.import": "导入单位",
  "year.create": "新建年度",
  "year.update": "修改年度",
  "year.set_current": "设为当前年度",
  "user.create": "新建账户",
  "user.update": "修改账户",
  "user.disable": "停用账户",
  "user.enable": "启用账户",
  "user.reset_password": "重置密码",
  "user.unlock": "解除锁定",
  "audit.export": "导出审计日志",
  "suggestion.create": "提交建议",
  "suggestion.triage": "处理建议",
  "suggestion.rate_limited": "建议提交过于频繁",
  "aspect.create": "新增建议方面",
  "aspect.update": "修改建议方面",
  "topic.create": "拟定选题",
  "topic.update": "修改选题草稿",
  "topic.amend": "修改已发布选题",
  "topic.publish": "发布参考选题",
  "topic.withdraw": "撤回选题",
  "topic.close_claims": "提前截止认领",
  "topic.export": "导出参考选题",
  "claim.take": "认领选题",
  "claim.bid": "提交投标",
  "claim.bid_update": "修改投标",
  "claim.accept": "接受发包",
  "claim.decline": "不能承接发包",
  "claim.award": "评标",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
