import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { getCampaign, groupPageParam, nominationsOf, pendingObjectionCount } from "@/lib/awards/queries";
import { z } from "@/lib/validation";
import { CAMPAIGN_MACHINE } from "@/lib/awards/states";
import { StepBar } from "@/components/ui/step-bar";
import { campaignPhase, CATEGORY_LABELS, GROUPS, LEVEL_LABELS, PHASE_LABELS } from "@/lib/awards/phase";
import { rankingRules, type Weights } from "@/lib/awards/ranking";
import { announcementDays, workingDaysLeft } from "@/lib/awards/workdays";
import { loadCalendar } from "@/lib/calendar/queries";
import { AnnouncementDays } from "@/components/awards/announcement-days";
import { formatDateTime } from "@/lib/time";
import { Badge, Card, DataTable, EmptyRow, PageHeader, Pagination } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { AdjustForm, AnnounceButton, DecideForm, RankButton, WithdrawNominationButton } from "@/components/awards/admin-actions";

export const metadata: Metadata = { title: "评比表彰" };

const pageParam = z.coerce.number().int().min(1).max(10000).catch(1);

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("awards.view");
  const campaign = await getCampaign((await params).id);
  if (!campaign) return notFoundAudited(user, { entityType: "Campaign", id: (await params).id });
  const search = await searchParams;
  const pages = Object.fromEntries(GROUPS.map((group) => [groupPageParam(group), pageParam.parse(search[groupPageParam(group)])]));
  const [groups, pendingObjections] = await Promise.all([
    Promise.all(GROUPS.map((group) => nominationsOf(user, campaign.id, group, pages[groupPageParam(group)]))),
    can(user.roles, "awards.objections") ? pendingObjectionCount(campaign.id) : 0,
  ]);
  const groupParams = Object.fromEntries(Object.entries(pages).map(([key, value]) => [key, value > 1 ? String(value) : undefined]));
  const now = new Date();
  const calendar = await loadCalendar();
  const phase = campaignPhase(campaign, now);
  const manage = can(user.roles, "awards.manage");
  const county = seesWholeCounty(user.roles);
  const canNominate = can(user.roles, "awards.nominate") && !CAMPAIGN_MACHINE.problem("nominate", phase, "unit");
  const nextForAdmin = manage ? CAMPAIGN_MACHINE.available(phase, ["admin"]).map((name) => CAMPAIGN_MACHINE.transitions[name].label) : [];
  const showTier = county || campaign.status !== "OPEN";
  const label = (n: (typeof groups)[number]["nominations"][number]) => n.project?.title ?? `${n.personName}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={campaign.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={CAMPAIGN_MACHINE.tone(phase)}>{PHASE_LABELS[phase]}</Badge>
            推荐时间 {formatDateTime(campaign.nominationStartsAt)} 至 {formatDateTime(campaign.nominationEndsAt)}
            {phase === "NOMINATING" && <Countdown deadline={campaign.nominationEndsAt.toISOString()} serverNow={now.toISOString()} />}
          </span>
        }
        actions={
          <span className="flex flex-wrap gap-2">
            {canNominate && (
              <Link href={`/awards/${campaign.id}/nominate`} className={buttonClass()}>
                推荐
              </Link>
            )}
            {manage && campaign.status === "OPEN" && (
              <Link href={`/awards/${campaign.id}/settings`} className={buttonClass("secondary")}>
                设置
              </Link>
            )}
            {campaign.status !== "OPEN" && (
              <Link href={`/announcements/${campaign.id}`} className={buttonClass("secondary")}>
                公示页面
              </Link>
            )}
            {can(user.roles, "awards.objections") && campaign.status !== "OPEN" && (
              <Link href={`/awards/${campaign.id}/objections`} className={buttonClass("secondary")}>
                异议处理{pendingObjections ? `（${pendingObjections} 件待办）` : ""}
              </Link>
            )}
            {campaign.status === "DECIDED" && (
              <Link href={`/awards/${campaign.id}/decision`} className={buttonClass("secondary")}>
                表彰决定
              </Link>
            )}
          </span>
        }
      />
      <StepBar
        label="评比进程"
        steps={CAMPAIGN_MACHINE.progress(phase)}
        holder={CAMPAIGN_MACHINE.states[phase].holder}
        next={
          canNominate ? (
            <p>下一步：本单位推荐，截止 {formatDateTime(campaign.nominationEndsAt)}</p>
          ) : nextForAdmin.length > 0 ? (
            <p>您可以：{nextForAdmin.join("、")}</p>
          ) : undefined
        }
      />

      {phase === "ANNOUNCED" && campaign.announcementEndsAt && (
        <Notice tone="info">
          拟表彰名单公示中，至 {formatDateTime(campaign.announcementEndsAt)} 止，还有{" "}
          {workingDaysLeft(now, campaign.announcementEndsAt, calendar, campaign.announcedAt)} 个工作日。
          {campaign.announcedAt && <AnnouncementDays days={announcementDays(campaign.announcedAt, campaign.announcementEndsAt, calendar)} />}
        </Notice>
      )}
      {campaign.status === "DECIDED" && (
        <Notice tone="success">
          表彰决定已于 {formatDateTime(campaign.decidedAt)} 印发（{campaign.decisionNumber}）。
        </Notice>
      )}

      {manage && (
        <Card title="办理">
          {phase === "NOT_STARTED" || phase === "NOMINATING" ? (
            <p className="text-sm text-stone-600">推荐截止后，评委开始评分；评分结束后在此生成拟表彰名单。</p>
          ) : phase === "SCORING" ? (
            <div className="space-y-3">
              <RankButton campaignId={campaign.id} version={campaign.version} ranked={!!campaign.rankedAt} />
              {campaign.rankedAt && (
                <>
                  <p className="text-sm text-stone-600">名单生成于 {formatDateTime(campaign.rankedAt)}，可逐项调整（须写明理由），确认后发布公示。</p>
                  <AnnounceButton campaignId={campaign.id} version={campaign.version} days={campaign.announcementDays} />
                </>
              )}
            </div>
          ) : phase === "ANNOUNCED" ? (
            <p className="text-sm text-stone-600">公示期满且异议全部办结后，可以印发表彰决定。</p>
          ) : phase === "ANNOUNCEMENT_OVER" ? (
            <DecideForm campaignId={campaign.id} version={campaign.version} suggestedNumber={`明组发〔${campaign.year.year}〕号`} />
          ) : (
            <p className="text-sm text-stone-600">本年度评比表彰已完成。</p>
          )}
        </Card>
      )}

      {GROUPS.map((group, index) => {
        const { nominations: rows, total, page, pageSize } = groups[index];
        const tiers = campaign.tiers.filter((t) => t.category === group.category && t.level === group.level);
        if (rows.length === 0 && tiers.length === 0) return null;
        return (
          <section
            key={`${group.category}/${group.level}`}
            className="space-y-2"
            aria-label={`${CATEGORY_LABELS[group.category]}（${LEVEL_LABELS[group.level]}）`}
          >
            <h2 className="text-base font-semibold">
              {CATEGORY_LABELS[group.category]}（{LEVEL_LABELS[group.level]}）
              <span className="ml-2 text-sm font-normal text-stone-500">{tiers.map((t) => `${t.name} ${t.quota} 名`).join("，")}</span>
            </h2>
            <DataTable headers={["推荐对象", "推荐单位", "评委评分", "综合得分", showTier ? "奖次" : "状态", ""]}>
              {rows.length === 0 && <EmptyRow colSpan={6}>{county ? "暂无推荐" : "本单位暂无推荐"}</EmptyRow>}
              {rows.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link href={`/awards/${campaign.id}/nominations/${n.id}`} className="link">
                      {label(n)}
                    </Link>
                  </td>
                  <td>{n.unit.name}</td>
                  <td className="text-center">{n._count.juryScores} 份</td>
                  <td className="text-center">{n.score?.toFixed(2) ?? "—"}</td>
                  <td>{showTier ? n.tier ? <Badge tone="green">{n.tier.name}</Badge> : campaign.rankedAt ? "未列入" : "—" : "已推荐"}</td>
                  <td>
                    {manage && phase === "SCORING" && campaign.rankedAt && (
                      <AdjustForm nominationId={n.id} version={n.version} tierId={n.tier?.id ?? null} tiers={tiers} label={label(n)} />
                    )}
                    {can(user.roles, "awards.nominate") && phase === "NOMINATING" && n.unitId === user.unitId && (
                      <WithdrawNominationButton id={n.id} version={n.version} label={label(n)} />
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination
              total={total}
              page={page}
              pageSize={pageSize}
              params={groupParams}
              param={groupPageParam(group)}
              label={`${CATEGORY_LABELS[group.category]}（${LEVEL_LABELS[group.level]}）分页`}
            />
          </section>
        );
      })}

      <Card title="评比办法">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <dt className="text-stone-500">每单位推荐名额</dt>
          <dd>
            创新性工作 {campaign.workQuotaPerUnit} 项，创新性人才 {campaign.personQuotaPerUnit} 名
          </dd>
          {county && (
            <>
              <dt className="text-stone-500">评委</dt>
              <dd>{campaign.jurors.map((j) => j.user.name).join("、")}</dd>
            </>
          )}
          <dt className="text-stone-500">公示期</dt>
          <dd>{campaign.announcementDays} 个工作日（自发布次日起计算，周末和法定节假日不计）</dd>
        </dl>
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-stone-700" aria-label="排名公式">
          {rankingRules(campaign.weights as unknown as Weights).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
