import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { juryTaskDetail, jurorConflicts } from "@/lib/awards/queries";
import { projectRecords } from "@/lib/awards/evidence";
import { campaignPhase, CATEGORY_LABELS, LEVEL_LABELS } from "@/lib/awards/phase";
import type { Criterion } from "@/lib/hearings/scoring";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { NominationFacts, ProjectRecordList } from "@/components/awards/nomination-record";
import { DeclareConflictForm, ScoreForm } from "@/components/hearings/score-form";
import { cadreYearRecord } from "@/lib/practice/record";
import { CadreRecordView, NoCadreRecord } from "@/components/practice/cadre-record";

export const metadata: Metadata = { title: "评比评分" };

export default async function JuryScorePage({ params }: { params: Promise<{ nominationId: string }> }) {
  const user = await requirePermission("awards.score");
  const nomination = await juryTaskDetail(user.id, (await params).nominationId);
  // Not on this jury, or an entry of the juror's own (or a related) unit: there is nothing to see.
  if (!nomination || (await jurorConflicts(user.unitId, nomination.unitId)))
    return notFoundAudited(user, { entityType: "Nomination", id: (await params).nominationId });
  const campaign = nomination.campaign;
  const record = nomination.projectId ? (await projectRecords([nomination.projectId], campaign.year.year)).get(nomination.projectId) : undefined;
  const cadreRecord = nomination.personUserId ? await cadreYearRecord(nomination.personUserId, campaign.year.year) : undefined;
  const score = nomination.juryScores[0] ?? null;
  const phase = campaignPhase(campaign, new Date());
  const closed = phase !== "SCORING" || !!campaign.rankedAt;
  return (
    <div className="space-y-4">
      <PageHeader
        title={nomination.project?.title ?? nomination.personName ?? ""}
        description={`${campaign.title} · ${CATEGORY_LABELS[nomination.category]}（${LEVEL_LABELS[nomination.level]}）· ${nomination.unit.name}`}
        actions={
          <Link href="/reviews" className="link text-sm">
            返回评审任务
          </Link>
        }
      />
      <Card title="推荐材料">
        <NominationFacts nomination={nomination} linkProjects={false} />
      </Card>
      {record && (
        <Card title={`${campaign.year.year}年度项目记录`}>
          <ProjectRecordList record={record} />
        </Card>
      )}
      {nomination.category === "PERSON" && (
        <Card title={`${campaign.year.year}年度实践记录`}>{cadreRecord ? <CadreRecordView record={cadreRecord} /> : <NoCadreRecord />}</Card>
      )}
      <Card title="评分">
        {score?.conflictReason ? (
          <Notice tone="info">您已声明回避：{score.conflictReason}</Notice>
        ) : (
          <>
            {phase === "NOMINATING" || phase === "NOT_STARTED" ? (
              <Notice tone="info">推荐截止后开始评分。</Notice>
            ) : (
              closed && <Notice tone="info">评分已结束。</Notice>
            )}
            <ScoreForm
              kind="jury"
              targetId={nomination.id}
              criteria={campaign.criteria as unknown as Criterion[]}
              score={
                score
                  ? { version: score.version, values: (score.values ?? {}) as Record<string, number>, comment: score.comment, submitted: !!score.submittedAt }
                  : null
              }
              closed={closed}
            />
          </>
        )}
      </Card>
      {!closed && !score?.conflictReason && (
        <Card title="回避">
          <DeclareConflictForm kind="jury" targetId={nomination.id} />
        </Card>
      )}
    </div>
  );
}
