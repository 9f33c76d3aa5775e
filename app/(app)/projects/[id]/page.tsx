import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { carries } from "@/lib/projects/carrier";
import { liaisonOptions, projectDeadline, projectPageRead } from "@/lib/projects/queries";
import { programmeOptions } from "@/lib/plan/queries";
import { ProgrammeForm } from "@/components/plan/programme-form";
import { EDITABLE_STATES, STATE_LABELS } from "@/lib/projects/catalog";
import { availableTransitions, PROJECT_MACHINE, TRANSITIONS, type TransitionActor } from "@/lib/projects/states";
import { StepBar } from "@/components/ui/step-bar";
import { formatDateTime } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { StateBadge } from "@/components/projects/state-badge";
import { AttachmentList } from "@/components/projects/attachments";
import { GuidanceNoteForm, LiaisonForm, TransitionPanel } from "@/components/projects/project-actions";
import { ProposalView } from "@/components/projects/proposal-view";
import { ConsultationLauncher, FollowUpForm } from "@/components/projects/consultation-forms";
import { HearingRecord } from "@/components/hearings/hearing-record";
import { hearingRecordOf } from "@/lib/hearings/queries";
import { openRectifications } from "@/lib/inspections/queries";
import { RECTIFICATION_LABELS } from "@/lib/inspections/labels";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { ProjectMeetingShares } from "@/components/township-meetings/project-shares";
import { ProjectEvents } from "@/components/events/project-events";
import { ProjectPromotion } from "@/components/promotion/project-promotion";
import { ProjectAwards } from "@/components/awards/project-awards";

export const metadata: Metadata = { title: "创新项目" };

const EVENT_LABELS: Record<string, string> = {
  create: "创建申报书",
  liaison: "指定联系人",
  consultation: "会诊",
  consultation_follow_up: "会诊跟进",
  inspection: "季度督查",
};

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> }) {
  const user = await requirePermission("projects.view");
  const read = await projectPageRead(user, (await params).id);
  if (!read) return notFoundAudited(user, { entityType: "Project", id: (await params).id });
  // related: which of the cards below have rows at all, from the same statement; the others are not read.
  const { project, related } = read;
  // The unit's account, or the cadre leading a project won by an individual bid (lib/projects/carrier.ts).
  const ownUnit = carries(user, project);
  const actors: TransitionActor[] = [...(ownUnit ? (["unit"] as const) : []), ...(can(user.roles, "projects.manage") ? (["admin"] as const) : [])];
  // Submitting happens from the proposal form, where the completeness check shows next to each field.
  const transitions = availableTransitions(project.state, actors).filter((name) => name !== "submit" && name !== "resubmit");
  const editable = ownUnit && EDITABLE_STATES.includes(project.state);
  const isLiaison = project.liaisonId === user.id;
  // A 会诊 is held on an approved project or one under way; staff start it from the 办理 panel.
  const consultable = can(user.roles, "consultations.manage") && (Boolean(project.startedAt) || project.state === "APPROVED");
  // Everything the page reads after the project, at once: one round trip of waiting rather than five in a row.
  const placeable = can(user.roles, "plan.manage") && (project.state !== "DRAFT" || project.submittedAt);
  const [rectifications, deadline, hearingRecord, programmes, liaisons, asked] = await Promise.all([
    related.rectifications ? openRectifications(project.id) : [],
    projectDeadline(project),
    hearingRecordOf(project.id),
    placeable ? programmeOptions(user, project.yearId) : [],
    can(user.roles, "projects.manage") ? liaisonOptions() : [],
    searchParams,
  ]);
  return (
    <div className="space-y-4">
      {asked.submitted && project.versions[0] && (
        <Notice tone="success">
          申报书已提交。第 {project.versions[0].number} 版{project.code ? `，项目编号 ${project.code}` : ""}；提交后不能修改，如需修改请先撤回（听证前）。
          <Link href={`/projects/${project.id}/versions/${project.versions[0].number}/document`} className="link ml-2">
            打印或下载申报书
          </Link>
        </Notice>
      )}
      <PageHeader
        title={project.title || "（未命名的申报书）"}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {project.code && <span>项目编号 {project.code} ·</span>}
            {project.year.year} 年度 · {project.unit.name}
            {project.topic && (
              <>
                · 选题
                <Link href={`/topics/${project.topic.id}`} className="link">
                  {project.topic.code} {project.topic.title}
                </Link>
              </>
            )}
            {project.programme && <> · 工程：{project.programme.title}</>}
            <StateBadge state={project.state} />
          </span>
        }
        actions={
          editable && (
            <Link href={`/projects/${project.id}/edit`} className={buttonClass()}>
              {project.state === "DRAFT" ? "填写申报书" : "修改并重新提交"}
            </Link>
          )
        }
      />
      <StepBar
        label="项目进程"
        steps={PROJECT_MACHINE.progress(project.state)}
        holder={PROJECT_MACHINE.states[project.state].holder}
        next={
          <>
            {editable ? (
              <p>下一步：{project.state === "DRAFT" ? "填写并提交申报书" : "修改申报书后重新提交"}</p>
            ) : (
              (transitions.length > 0 || consultable) && (
                <p>您可以：{[...transitions.map((name) => TRANSITIONS[name].label), ...(consultable ? ["发起会诊"] : [])].join("、")}</p>
              )
            )}
            {deadline && (
              <p data-testid="stage-deadline">
                {deadline.label}：{formatDateTime(deadline.at)}
              </p>
            )}
          </>
        }
      />
      {(transitions.length > 0 || consultable) && (
        <Card title="办理">
          <div className="space-y-3">
            {transitions.length > 0 && <TransitionPanel project={{ id: project.id, version: project.version }} transitions={transitions} />}
            {consultable && <ConsultationLauncher projectId={project.id} />}
          </div>
        </Card>
      )}

      {rectifications.length > 0 && (
        <Card title={`未销号的整改事项（${rectifications.length}）`}>
          <ul className="space-y-1 text-sm" aria-label="整改事项">
            {rectifications.map((r) => (
              <li key={r.id}>
                <Link href={`/inspections/${r.item.inspectionId}`} className="link">
                  {r.item.inspection.theme}
                </Link>
                ：{r.content}（{formatDateTime(r.dueAt)} 前，{RECTIFICATION_LABELS[r.status]}）
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title="申报书">
        <ProposalView project={project} />
      </Card>

      <Card title="听证与审定">
        <HearingRecord projectId={project.id} record={hearingRecord} county={seesWholeCounty(user.roles)} />
      </Card>

      <ProjectPromotion project={project} user={user} none={!related.promotion} />

      <ProjectMeetingShares projectId={project.id} none={!related.meetingShares} />
      <ProjectEvents projectId={project.id} none={!related.events} />

      <ProjectAwards projectId={project.id} none={!related.awards} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="附件">
          <AttachmentList projectId={project.id} attachments={project.attachments} editable={false} />
        </Card>
        <Card title="申报版本">
          {project.versions.length === 0 ? (
            <p className="text-sm text-stone-500">尚未提交。</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {project.versions.map((version) => (
                <li key={version.id} data-testid="project-version">
                  第 {version.number} 版 · {formatDateTime(version.submittedAt)} · {version.submittedBy}
                  <Link href={`/projects/${project.id}/versions/${version.number}/document`} className="link ml-2">
                    打印 / 下载
                  </Link>
                  <Link href={`/projects/${project.id}/versions/${version.number}`} className="link ml-2">
                    {version.number > 1 ? "与上一版比较" : "查看"}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {placeable && (
          <Card title="所属工程">
            <ProgrammeForm target="project" record={{ id: project.id, version: project.version }} current={project.programmeId} options={programmes} />
          </Card>
        )}
        <Card title="联系人与指导记录">
          <div className="space-y-3">
            {can(user.roles, "projects.manage") ? (
              <LiaisonForm
                project={{ id: project.id, version: project.version }}
                current={project.liaisonId}
                options={liaisons.map((staff) => ({ id: staff.id, label: `${staff.name}（${staff.unit.name}）` }))}
              />
            ) : (
              <p className="text-sm">联系人：{project.liaison?.name ?? "尚未指定"}</p>
            )}
            {project.notes.length > 0 && (
              <ul className="space-y-2 text-sm" aria-label="指导记录">
                {project.notes.map((note) => (
                  <li key={note.id} className="border-l-2 border-brand-100 pl-3">
                    <div className="text-xs text-stone-500">
                      {formatDateTime(note.at)} · {note.authorName}
                    </div>
                    <div className="whitespace-pre-wrap">{note.content}</div>
                  </li>
                ))}
              </ul>
            )}
            {(isLiaison || can(user.roles, "projects.manage")) && can(user.roles, "projects.guide") && <GuidanceNoteForm projectId={project.id} />}
          </div>
        </Card>
        <Card title={`会诊（${project.consultations.length}）`}>
          <div className="space-y-3 text-sm">
            {project.consultations.length === 0 && <p className="text-stone-500">尚无会诊记录。</p>}
            <ol className="space-y-3" aria-label="会诊记录">
              {project.consultations.map((c) => (
                <li key={c.id} className="space-y-1 border-l-2 border-amber-200 pl-3">
                  <div className="text-xs text-stone-500">
                    {formatDateTime(c.heldAt)} · {c.participants}
                  </div>
                  <div>存在问题：{c.problems}</div>
                  <div>原因分析：{c.causes}</div>
                  <div>对策措施：{c.countermeasures}</div>
                  <div>
                    跟进：{c.followUpBy}，{formatDateTime(c.followUpDue)} 前
                  </div>
                  {c.followUpResult ? (
                    <div>
                      跟进结果：{c.followUpResult}（{formatDateTime(c.followUpAt)}）
                    </div>
                  ) : (
                    can(user.roles, "consultations.manage") && <FollowUpForm consultation={{ id: c.id, version: c.version }} />
                  )}
                </li>
              ))}
            </ol>
            {consultable && <p className="text-stone-500">在上方“办理”中点“发起会诊”记录新的会诊。</p>}
          </div>
        </Card>
        <Card title="进程">
          <ol className="space-y-2 text-sm" aria-label="进程">
            {project.events.map((event) => (
              <li key={event.id} className="border-l-2 border-stone-200 pl-3">
                <div className="text-xs text-stone-500">
                  {formatDateTime(event.at)} · {event.actorName}
                </div>
                <div>
                  {event.kind in TRANSITIONS ? TRANSITIONS[event.kind as keyof typeof TRANSITIONS].label : (EVENT_LABELS[event.kind] ?? event.kind)}
                  {event.toState && event.kind !== "create" && <span className="text-stone-500">（{STATE_LABELS[event.toState]}）</span>}
                </div>
                {event.note && <div className="whitespace-pre-wrap text-stone-700">{event.note}</div>}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}
