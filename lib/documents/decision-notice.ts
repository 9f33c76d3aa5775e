// 立项通知 / 修改意见通知 / 不予立项通知: one decision of the 部务会, for whoever may see the project.
import { NOTICE_TITLES } from "@/lib/hearings/labels";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { issuerOf, type OfficialDoc } from "./model";

const BODY: Record<Verdict, string> = {
  APPROVE: "经研究，同意你单位申报的该项目立项。请按申报书确定的目标、措施和节点抓好实施，每季度按时报送进展情况。",
  REVISE: "经研究，该项目请按以下意见修改完善后重新提交，再行审定。",
  REJECT: "经研究，该项目暂不予立项。",
};

type Decision = {
  id: string;
  verdict: Verdict;
  opinion: string;
  decidedAt: Date;
  meeting: { number: string };
  project: { title: string; unit: { name: string }; year: { year: number } };
};

export function decisionNoticeDocument(county: string, decision: Decision): OfficialDoc {
  const title = `关于《${decision.project.title}》的${NOTICE_TITLES[decision.verdict]}`;
  return {
    type: "decision-notice",
    id: decision.id,
    issuer: issuerOf(county),
    title,
    label: NOTICE_TITLES[decision.verdict],
    date: decision.decidedAt,
    fileName: title,
    blocks: [
      { kind: "paragraph", indent: false, text: `${decision.project.unit.name}：` },
      {
        kind: "paragraph",
        text: `你单位申报的${decision.project.year.year}年度组织工作改革创新项目《${decision.project.title}》，经部务会（${decision.meeting.number}）审定，结果如下：`,
      },
      { kind: "paragraph", text: BODY[decision.verdict] },
      { kind: "paragraph", text: `审定意见：${decision.opinion}` },
    ],
  };
}
