import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { getInspection, inspectableProjects } from "@/lib/inspections/queries";
import { atRisk, FINDING_LABELS, RECTIFICATION_LABELS } from "@/lib/inspections/labels";
import { INSPECTION_MACHINE, inspectionState, RECTIFICATION_MACHINE } from "@/lib/inspections/states";
import { StepBar } from "@/components/ui/step-bar";
import { PickFilter } from "@/components/ui/pick-filter";
import { z } from "@/lib/validation";
import { countyName } from "@/lib/topics/queries";
import { QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import { formatDate, formatDateTime } from "@/lib/time";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { OfficialDocument } from "@/components/documents/official-document";
import { DocumentDownloads } from "@/components/documents/document-view";
import { bulletinTitle } from "@/lib/documents/inspection-bulletin";
import {
  AnswerForm,
  ItemForm,
  OverviewForm,
  PickProjectsForm,
  PublishButton,
  RectificationForm,
  ReviewRectification,
} from "@/components/inspections/inspection-forms";

export const metadata: Metadata = { title: "督查报告" };

export default async function InspectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> }) {
  const user = await requirePermission("inspections.view");
  const inspection = await getInspection(user, (await params).id);
  if (!inspection) return notFoundAudited(user, { entityType: "Inspection", id: (await params).id });
  const admin = can(user.roles, "inspections.manage");
  const member = admin || (can(user.roles, "inspections.write") && inspection.members.some((m) => m.userId === user.id));
  const state = inspectionState(inspection);
  const drafting = state === "DRAFT";
  // Once published, the rectification items hold the inspection: the unit answers by each item's deadline, the
  // team checks the answers. The viewer is told their own share and the nearest deadline (issue 20 point 2).
  const rectifications = drafting ? [] : inspection.items.flatMap((item) => item.rectifications.map((r) => ({ ...r, unitId: item.project.unitId })));
  const toAnswer = can(user.roles, "inspections.answer") ? rectifications.filter((r) => r.unitId === user.unitId && r.status === "OPEN") : [];
  const toCheck = member ? rectifications.filter((r) => r.status === "ANSWERED") : [];
  const watched = toAnswer.length > 0 ? toAnswer : rectifications.filter((r) => r.status === "OPEN");
  const nearest = watched.reduce<Date | null>((min, r) => (!min || r.dueAt < min ? r.dueAt : min), null);
  const settled = !drafting && rectifications.every((r) => r.status === "ACCEPTED");
  const stepBar = (
    <StepBar
      label="督查进程"
      steps={INSPECTION_MACHINE.progress(state)}
      holder={settled ? (rectifications.length > 0 ? "整改事项已全部销号" : undefined) : INSPECTION_MACHINE.states[state].holder}
      next={
        drafting ? (
          member ? (
            <p>下一步：为每个项目写出督查结论，然后发布督查报告</p>
          ) : undefined
        ) : toAnswer.length + toCheck.length > 0 ? (
          <p>
            您可以：
            {[
              ...(toAnswer.length > 0 ? [`答复整改（${toAnswer.length} 项）`] : []),
              ...(toCheck.length > 0 ? [`验收整改答复（${toCheck.length} 项）`] : []),
            ].join("、")}
          </p>
        ) : undefined
      }
      deadline={nearest && { label: toAnswer.length > 0 ? "本单位整改期限（最近）" : "整改期限（最近）", at: nearest, day: true }}
    />
  );
  const what = `${inspection.year}年${QUARTER_LABELS[inspection.quarter as Quarter]}`;
  if (drafting) {
    const q = z
      .string()
      .trim()
      .max(60)
      .optional()
      .catch(undefined)
      .parse((await searchParams).q);
    const { total, projects } = admin ? await inspectableProjects(q) : { total: 0, projects: [] };
    return (
      <div className="space-y-4">
        <PageHeader
          title={`督查：${inspection.theme}`}
          description={`${what} · 督查组：${inspection.memberNames.map((m) => m.name).join("、")} · 撰写中`}
          actions={
            <Link href="/inspections" className={buttonClass("secondary")}>
              返回
            </Link>
          }
        />
        {stepBar}
        {admin && (
          <Card title="督查项目">
            <PickFilter total={total} shown={projects.length} q={q} label="查找实施中的项目" />
            <PickProjectsForm
              inspectionId={inspection.id}
              projects={projects
                .filter((p) => !inspection.items.some((i) => i.projectId === p.id))
                .map((p) => ({ id: p.id, label: `${p.title}（${p.unit.name}）` }))}
            />
          </Card>
        )}
        {member ? (
          <Card title="督查调研报告">
            <div className="space-y-4">
              <OverviewForm inspection={{ id: inspection.id, version: inspection.version, overview: inspection.overview }} />
              {inspection.items.map((item) => (
                <section key={item.id} className="space-y-2 rounded border border-stone-200 p-3" aria-label={item.project.title}>
                  <h3 className="font-medium">
                    {item.project.title}
                    <span className="ml-2 text-sm font-normal text-stone-500">{item.project.unit.name}</span>
                    {item.updatedByName && <span className="ml-2 text-xs font-normal text-stone-500">（{item.updatedByName} 最后修改）</span>}
                  </h3>
                  <p className="text-xs text-stone-500">
                    单位本季度自报：
                    {item.ownReport ? `完成 ${item.ownReport.percent ?? "—"}%，${item.unitReportedBehind ? "有节点滞后" : "节点按计划"}` : "未报送"}
                  </p>
                  <ItemForm
                    item={{
                      id: item.id,
                      version: item.version,
                      title: item.project.title,
                      finding: item.finding,
                      problems: item.problems,
                      recommendations: item.recommendations,
                    }}
                  />
                  <ul className="text-sm">
                    {item.rectifications.map((r) => (
                      <li key={r.id}>
                        整改：{r.content}（{formatDateTime(r.dueAt)} 前）
                      </li>
                    ))}
                  </ul>
                  <RectificationForm itemId={item.id} />
                </section>
              ))}
              {admin && <PublishButton inspection={{ id: inspection.id, version: inspection.version }} />}
            </div>
          </Card>
        ) : (
          <p className="text-sm text-stone-500">督查报告撰写中，发布后可阅读。</p>
        )}
      </div>
    );
  }
  const county = await countyName();
  return (
    <div className="space-y-4">
      <div className="print:hidden">{stepBar}</div>
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印督查通报" />
        <DocumentDownloads type="inspection-bulletin" id={inspection.id} />
        {admin && (
          <a href={`/inspections/${inspection.id}/export`} className={buttonClass("secondary")}>
            导出 Excel
          </a>
        )}
        <Link href="/inspections" className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      <OfficialDocument county={county} title={bulletinTitle(inspection)} label="督查通报" date={inspection.publishedAt}>
        {inspection.overview && <p className="official-body">{inspection.overview}</p>}
        {inspection.items.map((item, index) => (
          <section key={item.id} className="official-item" aria-label={item.project.title}>
            <h2 className="official-item-title">
              {index + 1}. {item.project.unit.name}“{item.project.title}”：{item.finding ? FINDING_LABELS[item.finding] : ""}
              {atRisk(item.finding, item.unitReportedBehind) && <span className="ml-2 text-red-700 print:text-black">（风险：单位自报按计划推进）</span>}
            </h2>
            {item.problems && <p className="official-body">存在问题：{item.problems}</p>}
            {item.recommendations && <p className="official-body">意见建议：{item.recommendations}</p>}
            {item.rectifications.map((r) => (
              <div key={r.id} className="official-body space-y-1" data-testid="rectification">
                <p>
                  整改事项：{r.content}（{formatDate(r.dueAt)} 前）<Badge tone={RECTIFICATION_MACHINE.tone(r.status)}>{RECTIFICATION_LABELS[r.status]}</Badge>
                </p>
                {r.answer && <p>单位答复：{r.answer}</p>}
                {r.review && <p>验收意见：{r.review}</p>}
                <div className="print:hidden">
                  {can(user.roles, "inspections.answer") && item.project.unitId === user.unitId && r.status === "OPEN" && (
                    <AnswerForm item={{ id: r.id, version: r.version }} />
                  )}
                  {member && r.status === "ANSWERED" && <ReviewRectification item={{ id: r.id, version: r.version }} />}
                </div>
              </div>
            ))}
          </section>
        ))}
      </OfficialDocument>
    </div>
  );
}
