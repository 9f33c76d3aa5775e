import { z, idSchema, instantField, requiredText, versionSchema } from "@/lib/validation";

export const consultationSchema = z.object({
  projectId: idSchema,
  heldAt: instantField("会诊时间"),
  participants: requiredText("参加人员", 500),
  problems: requiredText("存在问题", 2000),
  causes: requiredText("原因分析", 2000),
  countermeasures: requiredText("对策措施", 2000),
  followUpBy: requiredText("跟进责任人", 60),
  followUpDue: instantField("跟进期限"),
});

export const followUpSchema = z.object({ id: idSchema, version: versionSchema, followUpResult: requiredText("跟进结果", 2000) });
