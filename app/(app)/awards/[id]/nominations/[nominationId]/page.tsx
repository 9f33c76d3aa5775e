import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { nominationDetail } from "@/lib/awards/queries";
import { projectRecords, type ProjectRecord } from "@/lib/awards/evidence";
import { campaignPhase, CATEGORY_LABELS, LEVEL_LABELS } from "@/lib/awards/phase";
import { CAMPAIGN_MACHINE, nominationState } from "@/lib/awards/states";
import { nominationProgress, nominationStage } from "@/lib/awards/progress";
import { StepBar } from "@/components/ui/step-bar";
import { WithdrawNominationButton } from "@/components/awards/admin-actions";
import type { Components, Weights } from "@/lib/awards/ranking";
import { formatDateTime } from "@/lib/time";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { Breakdown, NominationFacts, PersonBreakdown, ProjectRecordList } from "@/components/awards/nomination-record";
import { cadreYearRecord } from "@/lib/practice/record";
import type { CadreRecord } from "@/lib/practice/record-rules";
import { CadreRecordView, NoCadreRecord } from "@/components/practice/cadre-record";

export const metadata: Metadata = { title: "推荐详情" };

type Snapshot = Partial<Components> & {
  juryCount?: number;
  jury?: number | null;
  record?: ProjectRecord;
  person?: { jury: number; record: number | null; weight: number };
  cadreRecord?: CadreRecord;
};

export default async function NominationPage({ params }: { params: Promise<{ id: string; nominationId: string }> }) {
  const user = await requirePermission("awards.view");
  const { id, nominationId } = await params;
  const nomination = await nominationDetail(user, nominationId);
  if (!nomination || nomination.campaignId !== id) return notFoundAudited(user, { entityType: "Nomination", id: nominationId });
  const campaign = nomination.campaign;
  const snapshot = (nomination.breakdown ?? null) as Snapshot | null;
  // Before the ranking, the record is read live; afterwards, as the ranking saw it.
  const record = nomination.projectId
    ? (snapshot?.record ?? (await projectRecords([nomination.projectId], campaign.year.year)).get(nomination.projectId))
    : undefined;
  // A cadre's record likewise: live before the ranking, as ranked afterwards; nobody's for a name typed.
  const cadreRecord = nomination.personUserId ? (snapshot?.cadreRecord ?? (await cadreYearRecord(nomination.personUserId, campaign.year.year))) : undefined;
  const showTier = seesWholeCounty(user.roles) || campaign.status !== "OPEN";
  const title = nomination.project?.title ?? nomination.personName ?? "";
  const phase = campaignPhase(campaign, new Date());
  const state = nominationState(nomination);
  const stage = nominationStage(state, phase, campaign);
  const withdrawable = state === "NOMINATED" && phase === "NOMINATING" && can(user.roles, "awards.nominate") && nomination.unitId === user.unitId;
  const forAdmin = can(user.roles, "awards.manage")
    ? CAMPAIGN_MACHINE.available(phase, ["admin"])
        .filter((name) => name !== "configure")
        .map((name) => CAMPAIGN_MACHINE.transitions[name].label)
    : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {CATEGORY_LABELS[nomination.category]} · {LEVEL_LABELS[nomination.level]} · {nomination.unit.name}
            {nomination.withdrawnAt && <Badge tone="red">已撤回</Badge>}
            {showTier && nomination.tier && <Badge tone="green">{campaign.status === "DECIDED" ? nomination.tier.name : `拟${nomination.tier.name}`}</Badge>}
          </span>
        }
        actions={
          <Link href={`/awards/${campaign.id}`} className="link text-sm">
            返回{campaign.title}
          </Link>
        }
      />
      <StepBar
        label="推荐进程"
        steps={nominationProgress(state, phase)}
        holder={stage.holder}
        next={
          <>
            {withdrawable && (
              <div className="flex flex-wrap items-center gap-2">
                <span>您可以：撤回推荐（推荐截止前）</span>
                <WithdrawNominationButton id={nomination.id} version={nomination.version} label={title} />
              </div>
            )}
            {forAdmin.length > 0 && (
              <p>
                您可以在
                <Link href={`/awards/${campaign.id}`} className="link mx-1">
                  评比页面
                </Link>
                {forAdmin.join("、")}
              </p>
            )}
            {phase === "ANNOUNCED" && state === "NOMINATED" && (
              <p>
                对拟表彰名单有异议的，可在
                <Link href={`/announcements/${campaign.id}`} className="link mx-1">
                  公示页面
                </Link>
                提出
              </p>
            )}
          </>
        }
        deadline={stage.deadline}
      />
      {campaign.status === "DECIDED" && nomination.tier && (
        <p className="text-sm">
          {campaign.title}表彰决定（{campaign.decisionNumber}）：{nomination.tier.name}。
          <Link href={`/awards/${campaign.id}/certificates/${nomination.id}`} className="link ml-2">
            荣誉证书
          </Link>
        </p>
      )}
      <Card title="推荐材料">
        <NominationFacts nomination={nomination} linkProjects />
        {nomination.project && (
          <p className="mt-2 text-sm">
            <Link href={`/projects/${nomination.project.id}`} className="link">
              查看项目
            </Link>
          </p>
        )}
      </Card>
      {record && (
        <Card title={`${campaign.year.year}年度项目记录`}>
          <ProjectRecordList record={record} />
        </Card>
      )}
      {nomination.category === "PERSON" && (
        <Card title={`${campaign.year.year}年度实践记录`}>{cadreRecord ? <CadreRecordView record={cadreRecord} /> : <NoCadreRecord />}</Card>
      )}
      {nomination.score !== null && snapshot && (
        <Card title="综合得分">
          {nomination.category === "WORK" ? (
            <Breakdown parts={snapshot as Components} weights={campaign.weights as unknown as Weights} score={nomination.score} />
          ) : snapshot.person ? (
            <PersonBreakdown parts={snapshot.person} score={nomination.score} cadre={!!nomination.personUserId} />
          ) : (
            <p className="text-sm">评委评分（标准化）：{nomination.score.toFixed(2)}</p>
          )}
          <p className="mt-2 text-xs text-stone-500">
            {snapshot.juryCount ?? 0} 位评委有效评分；按 {formatDateTime(campaign.rankedAt)} 生成名单时的记录计算。
          </p>
        </Card>
      )}
      {nomination.awardChanges.length > 0 && (
        <Card title="名单调整记录">
          <ul className="space-y-1 text-sm">
            {nomination.awardChanges.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.at)}：{c.fromTierName ?? "未列入"} → {c.toTierName ?? "不予表彰"}。{c.reason}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
