import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { assignmentForReviewer, rubricOf } from "@/lib/hearings/queries";
import type { Verdict } from "@/lib/hearings/labels";
import { formatDateTime } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ProposalView } from "@/components/projects/proposal-view";
import { AttachmentList } from "@/components/projects/attachments";
import { DeclareConflictForm, ScoreForm } from "@/components/hearings/score-form";

export const metadata: Metadata = { title: "评分" };

export default async function ReviewPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await requirePermission("hearings.score");
  const assignment = await assignmentForReviewer(user.id, (await params).assignmentId);
  if (!assignment) return notFoundAudited(user, { entityType: "ReviewAssignment", id: (await params).assignmentId });
  const { project, hearing } = assignment.item;
  const { criteria } = await rubricOf(project.year.id);
  const closed = Boolean(hearing.closedAt);
  const score = assignment.score;
  return (
    <div className="space-y-4">
      <PageHeader
        title={project.title}
        description={`${project.unit.name} · ${hearing.title} · ${formatDateTime(hearing.heldAt)}`}
        actions={
          <Link href="/reviews" className={buttonClass("secondary")}>
            返回评审任务
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-4">
          <Card title="申报书">
            <ProposalView project={project} />
          </Card>
          <Card title="附件">
            <AttachmentList projectId={project.id} attachments={project.attachments} editable={false} />
          </Card>
        </div>
        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <Card title="我的评分">
            <ScoreForm
              kind="hearing"
              targetId={assignment.id}
              criteria={criteria}
              closed={closed}
              score={
                score && {
                  version: score.version,
                  values: score.values as Record<string, number>,
                  comment: score.comment,
                  recommendation: score.recommendation as Verdict | null,
                  submitted: Boolean(score.submittedAt),
                }
              }
            />
          </Card>
          {!closed && !score?.submittedAt && (
            <Card title="回避">
              <DeclareConflictForm kind="hearing" targetId={assignment.id} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
