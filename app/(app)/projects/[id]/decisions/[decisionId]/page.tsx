import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getProject } from "@/lib/projects/queries";
import { decisionForNotice } from "@/lib/hearings/queries";
import { countyName } from "@/lib/topics/queries";
import { NOTICE_TITLES } from "@/lib/hearings/labels";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { OfficialDocument } from "@/components/documents/official-document";

export const metadata: Metadata = { title: "审定通知" };

const BODY = {
  APPROVE: "经研究，同意你单位申报的该项目立项。请按申报书确定的目标、措施和节点抓好实施，每季度按时报送进展情况。",
  REVISE: "经研究，该项目请按以下意见修改完善后重新提交，再行审定。",
  REJECT: "经研究，该项目暂不予立项。",
} as const;


/** The decision notice (立项通知 / 修改意见通知 / 不予立项通知), for whoever may see the project. */
export default async function NoticePage({ params }: { params: Promise<{ id: string; decisionId: string }> }) {
  const user = await requirePermission("projects.view");
  const { id, decisionId } = await params;
  const project = await getProject(user, id);
  const decision = project ? await decisionForNotice(decisionId, project.id) : null;
  if (!decision) notFound();
  const county = await countyName();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <Link href={`/projects/${id}`} className={buttonClass("secondary")}>
          返回项目
        </Link>
      </div>
      <OfficialDocument county={county} title={`关于《${decision.project.title}》的${NOTICE_TITLES[decision.verdict]}`} label={NOTICE_TITLES[decision.verdict]} date={decision.decidedAt}>
        <p className="mb-2">{decision.project.unit.name}：</p>
        <p className="official-body">
          你单位申报的{decision.project.year.year}年度组织工作改革创新项目《{decision.project.title}》，经部务会（{decision.meeting.number}）审定，结果如下：
        </p>
        <p className="official-body">{BODY[decision.verdict]}</p>
        <p className="official-body">审定意见：{decision.opinion}</p>
      </OfficialDocument>
    </div>
  );
}
