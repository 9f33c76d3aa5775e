import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getCampaign, objectionsWithHandlers } from "@/lib/awards/queries";
import { CAMPAIGN_MACHINE, OBJECTION_MACHINE } from "@/lib/awards/states";
import { campaignPhase, CATEGORY_LABELS, LEVEL_LABELS, PHASE_LABELS } from "@/lib/awards/phase";
import { formatDateTime } from "@/lib/time";
import { idSchema, z } from "@/lib/validation";
import { Badge, Card, PageHeader, Pagination } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { ObjectionHandlingForm } from "@/components/awards/objection-handling-form";
import { StepBar } from "@/components/ui/step-bar";

export const metadata: Metadata = { title: "异议处理" };

// Objections carry the objector's name and phone: only the staff who handle them read them (awards.objections).
export default async function ObjectionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("awards.objections");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const campaign = await getCampaign(id.data);
  if (!campaign || campaign.status === "OPEN") return notFoundAudited(user, { entityType: "Campaign", id: id.data });
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .catch(1)
    .parse((await searchParams).page);
  const { objections, total, pending, pageSize } = await objectionsWithHandlers(campaign.id, page);
  const phase = campaignPhase(campaign, new Date());
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${campaign.title} · 异议处理`}
        description={
          <>
            {PHASE_LABELS[phase]} · 公示至 {formatDateTime(campaign.announcementEndsAt)} · 共 {total} 件，待处理 {pending} 件 ·{" "}
            <Link href={`/announcements/${campaign.id}`} className="link">
              查看公示
            </Link>
          </>
        }
      />
      {campaign.status === "DECIDED" && <Notice>表彰决定已印发，异议不能再处理。</Notice>}
      {objections.length === 0 && <Card>尚未收到异议。</Card>}
      {objections.map((objection) => {
        const [label, tone] = [OBJECTION_MACHINE.label(objection.status), OBJECTION_MACHINE.tone(objection.status)];
        const entry = objection.nomination;
        const entryName = entry ? `${entry.unit.name}：${entry.project?.title ?? entry.personName}` : "整体名单";
        const tiers = entry ? campaign.tiers.filter((t) => t.category === entry.category && t.level === entry.level) : [];
        const handleable = !OBJECTION_MACHINE.problem("uphold", objection.status, "admin") && !CAMPAIGN_MACHINE.problem("handleObjection", phase, "admin");
        const pendingHere = objection.status === OBJECTION_MACHINE.initial;
        return (
          <Card
            key={objection.id}
            title={
              <span className="flex flex-wrap items-center gap-2">
                异议 {objection.id.slice(-8).toUpperCase()} <Badge tone={tone}>{label}</Badge>
              </span>
            }
          >
            <article aria-label={`异议 ${objection.id.slice(-8).toUpperCase()}`} className="space-y-3 text-sm">
              <StepBar
                label={`异议 ${objection.id.slice(-8).toUpperCase()} 办理进程`}
                steps={OBJECTION_MACHINE.progress(objection.status)}
                holder={OBJECTION_MACHINE.states[objection.status].holder}
                next={
                  pendingHere && (
                    <>
                      {handleable && <p>您可以：异议成立、异议不成立（在下方填写调查核实情况和答复意见）</p>}
                      {phase === "ANNOUNCED" && campaign.announcementEndsAt && (
                        <p data-testid="stage-deadline">公示截止：{formatDateTime(campaign.announcementEndsAt)}</p>
                      )}
                      {phase === "ANNOUNCEMENT_OVER" && <p>公示已期满：办结全部异议后才能印发表彰决定</p>}
                    </>
                  )
                }
              />
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[6rem_1fr]">
                <dt className="text-stone-500">异议对象</dt>
                <dd>
                  {entryName}
                  {entry && `（${CATEGORY_LABELS[entry.category]} · ${LEVEL_LABELS[entry.level]} · ${entry.tier?.name ?? "已不在名单中"}）`}
                </dd>
                <dt className="text-stone-500">异议内容</dt>
                <dd className="whitespace-pre-wrap">{objection.content}</dd>
                <dt className="text-stone-500">联系人</dt>
                <dd>
                  {objection.contactName} · {objection.contactPhone}
                </dd>
                <dt className="text-stone-500">收到时间</dt>
                <dd>{formatDateTime(objection.createdAt)}</dd>
                {objection.status !== OBJECTION_MACHINE.initial && (
                  <>
                    <dt className="text-stone-500">调查核实</dt>
                    <dd className="whitespace-pre-wrap">{objection.investigation}</dd>
                    <dt className="text-stone-500">答复意见</dt>
                    <dd className="whitespace-pre-wrap">{objection.answer}</dd>
                    <dt className="text-stone-500">办理</dt>
                    <dd>
                      {objection.handledByName} · {formatDateTime(objection.handledAt)}
                    </dd>
                  </>
                )}
              </dl>
              {handleable && (
                <div className="border-t border-stone-100 pt-3">
                  <ObjectionHandlingForm
                    id={objection.id}
                    version={objection.version}
                    entryTierId={entry?.tierId ?? null}
                    tiers={tiers.map((t) => ({ id: t.id, name: t.name }))}
                  />
                </div>
              )}
            </article>
          </Card>
        );
      })}
      <Pagination total={total} page={page} pageSize={pageSize} params={{}} />
    </div>
  );
}
