import type { Metadata } from "next";
import { programmeOptions } from "@/lib/plan/queries";
import { ProgrammeForm } from "@/components/plan/programme-form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { getTopic } from "@/lib/topics/queries";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { awardProblem, CLAIM_MODE_LABELS, CLAIM_STATUS_LABELS, FOCUS_LABELS, TAKEN_UP, TIER_LABELS, TOPIC_UNITS_LABEL, topicPhase } from "@/lib/topics/rules";
import { formatDateTime } from "@/lib/time";
import { Badge, Card, PageHeader, SavedNotice } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { PhaseBadge } from "@/components/topics/phase-badge";
import { ClaimPanel } from "@/components/topics/claim-panel";
import { BidComparison } from "@/components/topics/bid-comparison";
import { TopicAdminActions } from "@/components/topics/topic-admin-actions";
import { NewProjectButton } from "@/components/projects/new-project-button";
import { projectForTopic } from "@/lib/projects/queries";

export const metadata: Metadata = { title: "参考选题" };

export default async function TopicPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const user = await requirePermission("topics.view");
  const topic = await getTopic(user, (await params).id);
  if (!topic) notFound();
  const now = new Date();
  const phase = topicPhase(topic, now);
  const county = seesWholeCounty(user.roles);
  const takenUp = topic.claims.filter((claim) => TAKEN_UP.includes(claim.status));
  const ownClaim = topic.claims.find((claim) => claim.unitId === user.unitId) ?? null;
  const bids = topic.claims.filter((claim) => claim.status === "BID" || claim.status === "AWARDED" || claim.status === "NOT_AWARDED");
  const assignedHere = topic.claimMode === "ASSIGNED" && topic.units.some((unit) => unit.unitId === user.unitId);
  const carries = ownClaim && TAKEN_UP.includes(ownClaim.status) && can(user.roles, "projects.propose");
  const ownProject = carries ? await projectForTopic(topic.id, user.unitId) : null;
  return (
    <div className="space-y-4">
      <SavedNotice show={(await searchParams).saved} />
      <PageHeader
        title={`${topic.code} ${topic.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {topic.year.year} 年度参考选题 <PhaseBadge phase={phase} />
          </span>
        }
        actions={
          <>
            {can(user.roles, "topics.manage") && topic.status !== "WITHDRAWN" && (
              <Link href={`/topics/${topic.id}/edit`} className={buttonClass("secondary")}>
                {topic.status === "PUBLISHED" ? "修改（须填理由）" : "修改草稿"}
              </Link>
            )}
            <Link href={`/topics?year=${topic.year.year}`} className={buttonClass("secondary")}>
              返回选题列表
            </Link>
          </>
        }
      />
      {topic.status === "WITHDRAWN" && (
        <div role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          该选题已于 {formatDateTime(topic.withdrawnAt)} 撤回：{topic.withdrawReason}
        </div>
      )}
      <Card>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="text-stone-500">类别 · 方面</dt>
          <dd>
            {CATEGORY_LABELS[topic.category]}
            {topic.aspect && ` · ${topic.aspect.name}`}
          </dd>
          {topic.programme && (county || topic.programme.plan.status === "PUBLISHED") && (
            <>
              <dt className="text-stone-500">所属工程</dt>
              <dd>{topic.programme.title}</dd>
            </>
          )}
          <dt className="text-stone-500">着眼领域</dt>
          <dd>{FOCUS_LABELS[topic.focus]}</dd>
          <dt className="text-stone-500">目标层次</dt>
          <dd>{TIER_LABELS[topic.tier]}</dd>
          <dt className="text-stone-500">认领方式</dt>
          <dd>{CLAIM_MODE_LABELS[topic.claimMode]}</dd>
          <dt className="text-stone-500">认领截止</dt>
          <dd>
            {formatDateTime(topic.claimClosesAt)}
            {topic.status === "PUBLISHED" && (
              <span className="ml-2">
                <Countdown deadline={topic.claimClosesAt.toISOString()} serverNow={now.toISOString()} />
              </span>
            )}
          </dd>
          <dt className="text-stone-500">{TOPIC_UNITS_LABEL[topic.claimMode]}</dt>
          <dd>{topic.units.length > 0 ? topic.units.map((unit) => unit.unit.name).join("、") : "（不限）"}</dd>
          <dt className="text-stone-500">选题说明</dt>
          <dd className="whitespace-pre-wrap">{topic.description}</dd>
          {topic.publishedAt && (
            <>
              <dt className="text-stone-500">发布时间</dt>
              <dd>{formatDateTime(topic.publishedAt)}</dd>
            </>
          )}
          {topic.sources.length > 0 && (
            <>
              <dt className="text-stone-500">来源建议</dt>
              <dd>
                {can(user.roles, "suggestions.view") ? (
                  <ul className="space-y-1">
                    {topic.sources.map(({ suggestion }) => (
                      <li key={suggestion.id}>
                        <Link href={`/suggestions/${suggestion.id}`} className="link font-mono text-xs">
                          {suggestion.receiptNo}
                        </Link>{" "}
                        <span className="text-stone-600">{suggestion.content.slice(0, 60)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  `源自 ${topic.sources.length} 条建言献策`
                )}
              </dd>
            </>
          )}
        </dl>
      </Card>

      {can(user.roles, "topics.claim") && topic.status !== "DRAFT" && (
        <Card title="本单位">
          <ClaimPanel
            topic={{ id: topic.id, claimMode: topic.claimMode, open: phase === "open", assignedHere }}
            claim={
              ownClaim && {
                status: ownClaim.status,
                statusLabel: CLAIM_STATUS_LABELS[ownClaim.status],
                version: ownClaim.version,
                approach: ownClaim.approach,
                people: ownClaim.people,
                timeline: ownClaim.timeline,
                note: ownClaim.note,
                decisionReason: ownClaim.decisionReason,
                at: formatDateTime(ownClaim.updatedAt),
              }
            }
          />
          {carries && topic.status === "PUBLISHED" && (
            <div className="mt-3 border-t border-stone-100 pt-3">
              {ownProject ? (
                <Link href={`/projects/${ownProject.id}`} className={buttonClass("secondary")}>
                  查看本单位据此申报的项目
                </Link>
              ) : (
                <NewProjectButton yearId={topic.yearId} topicId={topic.id} label="据此申报创新项目" />
              )}
            </div>
          )}
        </Card>
      )}

      <Card title={`已承担单位（${takenUp.length}）`}>
        {takenUp.length === 0 ? (
          <p className="text-sm text-stone-500">尚无单位承担该选题。</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="已承担单位">
            {takenUp.map((claim) => (
              <li key={claim.id} className="rounded border border-stone-200 px-2 py-1">
                {claim.unit.name} <Badge tone="green">{CLAIM_STATUS_LABELS[claim.status]}</Badge>
              </li>
            ))}
          </ul>
        )}
        {county && can(user.roles, "projects.view") && topic.status !== "DRAFT" && (
          <Link href={`/projects?year=${topic.year.year}&topicId=${topic.id}`} className="link mt-3 inline-block text-sm">
            查看据此申报的项目
          </Link>
        )}
      </Card>

      {county && topic.claimMode === "BIDDING" && (
        <Card title={`投标比较（${bids.length} 份）`}>
          <BidComparison
            topic={{ id: topic.id, version: topic.version }}
            canAward={can(user.roles, "topics.publish") && !awardProblem(topic, now) && bids.some((bid) => bid.status === "BID")}
            waiting={awardProblem(topic, now)}
            bids={bids.map((bid) => ({
              id: bid.id,
              unit: bid.unit.name,
              status: bid.status,
              statusLabel: CLAIM_STATUS_LABELS[bid.status],
              approach: bid.approach ?? "",
              people: bid.people ?? "",
              timeline: bid.timeline ?? "",
              decisionReason: bid.decisionReason,
              at: formatDateTime(bid.createdAt),
            }))}
          />
        </Card>
      )}

      {county && topic.claimMode === "ASSIGNED" && (
        <Card title="发包答复">
          <ul className="space-y-1 text-sm">
            {topic.units.map(({ unit }) => {
              const answer = topic.claims.find((claim) => claim.unitId === unit.id);
              return (
                <li key={unit.id}>
                  {unit.name}：
                  {answer ? (
                    <Badge tone={answer.status === "ACCEPTED" ? "green" : "red"}>{CLAIM_STATUS_LABELS[answer.status]}</Badge>
                  ) : (
                    <Badge tone="amber">待答复</Badge>
                  )}
                  {answer?.note && <span className="ml-2 text-stone-600">{answer.note}</span>}
                </li>
              );
            })}
          </ul>
        </Card>
      )}

      {topic.amendments.length > 0 && (
        <Card title="修改记录">
          <ol className="space-y-3 text-sm">
            {topic.amendments.map((amendment) => (
              <li key={amendment.id} className="border-l-2 border-stone-200 pl-3">
                <div className="text-stone-500">
                  {formatDateTime(amendment.at)} · {amendment.actorName}
                </div>
                <div>理由：{amendment.reason}</div>
                <ul className="mt-1 list-disc pl-5 text-stone-700">
                  {(amendment.changes as { field: string; before: string; after: string }[]).map((change) => (
                    <li key={change.field}>
                      {change.field}：<span className="line-through decoration-stone-400">{change.before.slice(0, 80)}</span> → {change.after.slice(0, 80)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </Card>
      )}

      {can(user.roles, "plan.manage") && topic.status !== "WITHDRAWN" && (
        <Card title="所属工程">
          <ProgrammeForm
            target="topic"
            record={{ id: topic.id, version: topic.version }}
            current={topic.programmeId}
            options={await programmeOptions(user, topic.yearId)}
          />
        </Card>
      )}
      {can(user.roles, "topics.publish") && topic.status !== "WITHDRAWN" && (
        <Card title="管理">
          <TopicAdminActions topic={{ id: topic.id, version: topic.version, code: topic.code, canClose: phase === "open" }} />
        </Card>
      )}
    </div>
  );
}
