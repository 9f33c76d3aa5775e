import type { Metadata } from "next";
import { programmeOptions } from "@/lib/plan/queries";
import { ProgrammeForm } from "@/components/plan/programme-form";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { getTopic } from "@/lib/topics/queries";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { awardProblem, CLAIM_MODE_LABELS, CLAIM_STATUS_LABELS, FOCUS_LABELS, TAKEN_UP, TIER_LABELS, TOPIC_UNITS_LABEL, topicPhase } from "@/lib/topics/rules";
import { formatDateTime, toDateTimeLocal } from "@/lib/time";
import { Badge, Card, PageHeader, SavedNotice } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { PhaseBadge } from "@/components/topics/phase-badge";
import { ClaimPanel } from "@/components/topics/claim-panel";
import { BidComparison } from "@/components/topics/bid-comparison";
import { TopicAdminActions } from "@/components/topics/topic-admin-actions";
import { NewProjectButton } from "@/components/projects/new-project-button";
import { projectForTopic } from "@/lib/projects/queries";
import { PERSON_BID_STATUS_LABELS, bidderProblem, personAwardProblem } from "@/lib/topics/person-rules";
import {
  defenceReviewerChoices,
  ledProject,
  openPersonBids,
  ownPersonBid,
  reviewerDefence,
  topicDefenceOf,
  topicPersonBids,
} from "@/lib/topics/person-queries";
import { defenceStage, personBidStage } from "@/lib/topics/bid-stage";
import { CLAIM_MACHINE, DEFENCE_MACHINE, PERSON_BID_MACHINE, defenceState } from "@/lib/topics/states";
import { StepBar } from "@/components/ui/step-bar";
import { personBidsPageSchema } from "@/lib/topics/schemas";
import { Pagination } from "@/components/ui/page";
import { PersonBidPanel } from "@/components/topics/person-bid-panel";
import { PersonBidComparison } from "@/components/topics/person-bid-comparison";
import { PersonAwardForm } from "@/components/topics/person-award-form";
import { DefenceAdmin } from "@/components/topics/defence-admin";
import { DefenceScoreSheet } from "@/components/topics/defence-score-sheet";

export const metadata: Metadata = { title: "参考选题" };

export default async function TopicPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; bids?: string }>;
}) {
  const user = await requirePermission("topics.view");
  const topic = await getTopic(user, (await params).id);
  if (!topic) return notFoundAudited(user, { entityType: "Topic", id: (await params).id });
  const query = await searchParams;
  const bidsPage = personBidsPageSchema.parse(query).bids;
  const now = new Date();
  const phase = topicPhase(topic, now);
  const county = seesWholeCounty(user.roles);
  const takenUp = topic.claims.filter((claim) => TAKEN_UP.includes(claim.status));
  const ownClaim = topic.claims.find((claim) => claim.unitId === user.unitId) ?? null;
  const bids = topic.claims.filter((claim) => claim.status === "BID" || claim.status === "AWARDED" || claim.status === "NOT_AWARDED");
  const assignedHere = topic.claimMode === "ASSIGNED" && topic.units.some((unit) => unit.unitId === user.unitId);
  const carries = ownClaim && TAKEN_UP.includes(ownClaim.status) && can(user.roles, "projects.propose");
  const ownProject = carries ? await projectForTopic(topic.id, user.unitId) : null;
  // 个人投标: the caller's own bid, the comparison for county readers, the defence sheet for a seated reviewer.
  const personal = topic.openToPersons && topic.claimMode === "BIDDING" && topic.status !== "DRAFT";
  const mayBidPersonally = personal && can(user.roles, "topics.bidPersonally") && !bidderProblem({ roles: user.roles, unitType: user.unit.type });
  const myBid = mayBidPersonally ? await ownPersonBid(user.id, topic.id) : null;
  const myStage =
    myBid &&
    personBidStage(myBid.status, phase === "open", topic.claimClosesAt, myBid.status === "BID" && phase !== "open" ? await topicDefenceOf(topic.id) : null);
  const myProject = myBid?.status === "AWARDED" && can(user.roles, "projects.view") ? await ledProject(user.id, topic.id) : null;
  const personBids = personal ? await topicPersonBids(user, topic.id, bidsPage) : null;
  const decidable = personal && can(user.roles, "topics.publish") && !personAwardProblem(topic, now);
  const [awardable, reviewerChoices] = decidable ? await Promise.all([openPersonBids(topic.id), defenceReviewerChoices()]) : [[], []];
  const defenceSheet = personal && can(user.roles, "hearings.score") ? await reviewerDefence(user.id, topic.id, bidsPage) : null;
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
          {topic.claimMode === "BIDDING" && (
            <>
              <dt className="text-stone-500">个人投标</dt>
              <dd>{topic.openToPersons ? <Badge tone="blue">接受干部个人投标</Badge> : "仅限单位投标"}</dd>
            </>
          )}
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

      {mayBidPersonally && (
        <Card title="我的个人投标">
          {myBid && myStage && (
            <div className="mb-3">
              <StepBar
                label="我的投标进程"
                steps={PERSON_BID_MACHINE.progress(myBid.status)}
                holder={myStage.holder}
                next={myStage.next.length > 0 && <p>您可以：{myStage.next.join("、")}</p>}
                deadline={myStage.deadline}
              />
            </div>
          )}
          <PersonBidPanel
            topicId={topic.id}
            open={phase === "open"}
            bid={
              myBid && {
                status: myBid.status,
                statusLabel: PERSON_BID_STATUS_LABELS[myBid.status],
                version: myBid.version,
                approach: myBid.approach,
                steps: myBid.steps,
                expectedResults: myBid.expectedResults,
                decisionReason: myBid.decisionReason,
                at: formatDateTime(myBid.updatedAt),
              }
            }
            projectHref={myProject ? `/projects/${myProject.id}` : null}
          />
        </Card>
      )}

      {defenceSheet && (
        <section id="defence" className="space-y-3">
          <Card title="个人投标答辩评分">
            <div className="mb-3">
              <StageOfDefence defence={defenceSheet.defence} viewer="reviewer" />
            </div>
            <p className="mb-3 text-sm text-stone-600">
              答辩时间：{formatDateTime(defenceSheet.defence.heldAt)}，地点：{defenceSheet.defence.place}。
              {defenceSheet.defence.closedAt ? "答辩评分已结束。" : "按本年度评分标准为每位投标人打分，评分结束前可以修改。"}
            </p>
            <div className="space-y-3">
              {defenceSheet.bids.map((bid) => (
                <DefenceScoreSheet
                  key={bid.id}
                  criteria={defenceSheet.criteria}
                  scoring={!defenceSheet.defence.closedAt}
                  bid={{
                    id: bid.id,
                    person: bid.user.name,
                    unit: bid.unit.name,
                    approach: bid.approach,
                    steps: bid.steps,
                    expectedResults: bid.expectedResults,
                    open: bid.status === "BID",
                    score: bid.scores[0]
                      ? {
                          version: bid.scores[0].version,
                          values: bid.scores[0].values as Record<string, number>,
                          total: bid.scores[0].total,
                          comment: bid.scores[0].comment,
                        }
                      : null,
                  }}
                />
              ))}
            </div>
            <Pagination total={defenceSheet.total} page={defenceSheet.page} pageSize={defenceSheet.pageSize} params={{}} param="bids" label="投标人分页" />
          </Card>
        </section>
      )}

      <Card title={`已承担单位（${takenUp.length}）`}>
        {takenUp.length === 0 ? (
          <p className="text-sm text-stone-500">尚无单位承担该选题。</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="已承担单位">
            {takenUp.map((claim) => (
              <li key={claim.id} className="rounded border border-stone-200 px-2 py-1">
                {claim.unit.name} <Badge tone={CLAIM_MACHINE.tone(claim.status)}>{CLAIM_STATUS_LABELS[claim.status]}</Badge>
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
              statusTone: CLAIM_MACHINE.tone(bid.status),
              approach: bid.approach ?? "",
              people: bid.people ?? "",
              timeline: bid.timeline ?? "",
              decisionReason: bid.decisionReason,
              at: formatDateTime(bid.createdAt),
            }))}
          />
        </Card>
      )}

      {personBids && (
        <Card title={`个人投标比较（${personBids.total} 份）`}>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="text-stone-600">
              {personBids.defence
                ? `答辩：${formatDateTime(personBids.defence.heldAt)}，${personBids.defence.place}；评审 ${personBids.defence.reviewers.map((r) => r.user.name).join("、")}${personBids.defence.closedAt ? "（评分已结束）" : "（评分中）"}`
                : "尚未安排答辩"}
            </span>
            {personBids.total > 0 && (
              <a href={`/topics/${topic.id}/person-bids`} className="link">
                导出 Excel
              </a>
            )}
          </div>
          <PersonBidComparison
            bids={personBids.bids.map((bid) => {
              const rank = personBids.ranking.get(bid.id);
              return {
                id: bid.id,
                person: bid.user.name,
                unit: bid.unit.name,
                at: formatDateTime(bid.createdAt),
                status: bid.status,
                statusLabel: PERSON_BID_STATUS_LABELS[bid.status],
                approach: bid.approach,
                steps: bid.steps,
                expectedResults: bid.expectedResults,
                decisionReason: bid.decisionReason,
                defence: rank ? { count: rank.count, score: rank.trimmedMean, rank: rank.rank, disagreement: rank.disagreement } : null,
              };
            })}
          />
          <Pagination total={personBids.total} page={personBids.page} pageSize={personBids.pageSize} params={{}} param="bids" label="个人投标分页" />
          {!decidable && personBids.pending > 0 && personAwardProblem(topic, now) && (
            <p className="mt-2 text-sm text-stone-600">{personAwardProblem(topic, now)}。</p>
          )}
        </Card>
      )}

      {decidable && personBids && personBids.pending > 0 && (
        <Card title="个人投标答辩">
          {personBids.defence && (
            <div className="mb-3">
              <StageOfDefence defence={personBids.defence} viewer="admin" />
            </div>
          )}
          <DefenceAdmin
            topicId={topic.id}
            reviewers={reviewerChoices.map((reviewer) => ({ id: reviewer.id, name: reviewer.name, unit: reviewer.unit.name }))}
            defence={
              personBids.defence && {
                version: personBids.defence.version,
                heldAt: toDateTimeLocal(personBids.defence.heldAt),
                place: personBids.defence.place,
                reviewerIds: personBids.defence.reviewers.map((reviewer) => reviewer.userId),
                closed: Boolean(personBids.defence.closedAt),
                scores: personBids.defence._count.scores,
              }
            }
          />
        </Card>
      )}

      {decidable && awardable.length > 0 && (!personBids?.defence || personBids.defence.closedAt) && (
        <Card title="评定个人投标">
          <PersonAwardForm
            topic={{ id: topic.id, version: topic.version }}
            bids={awardable.map((bid) => ({ id: bid.id, person: bid.user.name, unit: bid.unit.name, rank: personBids?.ranking.get(bid.id)?.rank ?? null }))}
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
                  {answer ? <Badge tone={CLAIM_MACHINE.tone(answer.status)}>{CLAIM_STATUS_LABELS[answer.status]}</Badge> : <Badge tone="amber">待答复</Badge>}
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

/** A defence's step bar, as a seated reviewer or the admin sees it. */
function StageOfDefence({ defence, viewer }: { defence: { heldAt: Date; place: string; closedAt: Date | null }; viewer: "reviewer" | "admin" }) {
  const stage = defenceStage(defence, viewer);
  return (
    <StepBar
      label="答辩进程"
      steps={DEFENCE_MACHINE.progress(defenceState(defence))}
      holder={stage.holder}
      next={stage.next.length > 0 && <p>您可以：{stage.next.join("、")}</p>}
      deadline={stage.deadline}
    />
  );
}
