import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { getCase } from "@/lib/promotion/queries";
import { INNOVATION_KIND_LABELS, TEN_METHODS } from "@/lib/projects/catalog";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { sectorLabels } from "@/lib/sectors/label";
import { formatDate } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { StateBadge } from "@/components/projects/state-badge";
import { AdopterList, awardText, MarkBadge } from "@/components/promotion/promotion-parts";
import { AdoptCaseForm } from "@/components/promotion/adoption-forms";
import { ProjectEvents } from "@/components/events/project-events";
import { adoptableEvents } from "@/lib/events/queries";

export const metadata: Metadata = { title: "案例" };

function Item({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="space-y-0.5">
      <dt className="text-sm font-medium text-stone-600">{label}</dt>
      <dd className="text-sm break-words whitespace-pre-wrap text-stone-900">{children}</dd>
    </div>
  );
}

export default async function CasePage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePermission("cases.view");
  // Not in the library is not found for everyone; the county still has the project's own page.
  const item = await getCase((await params).projectId);
  if (!item) return notFoundAudited(user, { entityType: "Project", id: (await params).projectId });
  const ownUnit = item.unitId === user.unitId;
  const report = item.reports[0];
  const recorder = can(user.roles, "adoptions.record") && !ownUnit;
  const events = recorder ? await adoptableEvents(user) : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={item.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {item.year.year} 年度 · {item.unit.name}
            {item.category && <> · {CATEGORY_LABELS[item.category]}</>}
            {item.sectors.length > 0 && <> · {sectorLabels(item.sectors)}</>}
            <StateBadge state={item.state} />
          </span>
        }
        actions={
          (seesWholeCounty(user.roles) || (ownUnit && can(user.roles, "projects.view"))) && (
            <Link href={`/projects/${item.id}`} className={buttonClass("secondary")}>
              项目详情
            </Link>
          )
        }
      />
      <Card title="认定与表彰">
        <ul className="space-y-2 text-sm" aria-label="认定与表彰">
          {item.marks.map((mark) => (
            <li key={mark.id} className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <MarkBadge mark={mark.mark} />
                <span className="text-stone-600">{formatDate(mark.decidedOn)} 认定</span>
              </div>
              <div className="break-words whitespace-pre-wrap">{mark.reason}</div>
            </li>
          ))}
          {item.nominations.map((nomination) => (
            <li key={nomination.id}>{awardText(nomination)}</li>
          ))}
        </ul>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="问题与做法">
          <dl className="space-y-3">
            <Item label="要解决的问题">{item.problem}</Item>
            <Item label="目标">{item.goals}</Item>
            <Item label="主要做法">{item.measures}</Item>
            <Item label="创新类型">{item.innovationKinds.map((kind) => INNOVATION_KIND_LABELS[kind]).join("、")}</Item>
            <Item label="创新方法">{item.methods.map((method) => TEN_METHODS[method].label).join("、")}</Item>
          </dl>
        </Card>
        <Card title="成效">
          <dl className="space-y-3">
            <Item label="结项总结">{item.finalSummary}</Item>
            <Item label="最新进展">
              {report && `${report.year} 年第 ${report.quarter} 季度${report.percent !== null ? `（完成 ${report.percent}%）` : ""}：${report.progress ?? ""}`}
            </Item>
            <Item label="预期成效">{item.expectedResults}</Item>
            <Item label="实施时间">{item.startedAt && `${formatDate(item.startedAt)} 至 ${item.endedAt ? formatDate(item.endedAt) : "今"}`}</Item>
          </dl>
        </Card>
        <Card title="联系方式">
          <dl className="space-y-3">
            <Item label="实施单位">{item.unit.name}</Item>
            <Item label="责任领导">{[item.leaderName, item.leaderContact].filter(Boolean).join("，")}</Item>
            <Item label="县委组织部联系人">{item.liaison && [item.liaison.name, item.liaison.phone].filter(Boolean).join("，")}</Item>
          </dl>
        </Card>
        <Card title={`借鉴推广（${item.adoptions.length}）`}>
          <div className="space-y-3">
            <AdopterList adopters={item.adoptions} />
            {recorder && (
              <AdoptCaseForm
                projectId={item.id}
                today={formatDate(new Date())}
                events={events.map((e) => ({ id: e.id, label: `${formatDate(e.startsAt)} ${e.title}` }))}
              />
            )}
          </div>
        </Card>
      </div>
      <ProjectEvents projectId={item.id} />
    </div>
  );
}
