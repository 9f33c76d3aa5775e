import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { adoptionsOfEvent, getEvent } from "@/lib/events/queries";
import { confirmProblem, EVENT_KIND_LABELS, MATERIAL_LABELS, submissionProblem } from "@/lib/events/rules";
import { EVENT_MACHINE, SUBMISSION_MACHINE } from "@/lib/events/states";
import { formatDate, formatDateTime } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/field";
import { Badge, Card, PageHeader, SavedNotice } from "@/components/ui/page";
import { StepBar } from "@/components/ui/step-bar";
import { ConfirmForm, EventTransitionButton, MinutesForm, SelectButtons, SubmissionFiles, SubmissionForm } from "@/components/events/event-actions";

export const metadata: Metadata = { title: "现场会与交流" };

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  if (!children) return null;
  return (
    <div className="grid gap-1 sm:grid-cols-[8rem_1fr]">
      <dt className="text-stone-600">{label}</dt>
      <dd className="break-words whitespace-pre-wrap">{children}</dd>
    </div>
  );
}

export default async function EventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const user = await requirePermission("events.view");
  const event = await getEvent(user, (await params).id);
  if (!event) return notFoundAudited(user, { entityType: "Event", id: (await params).id });
  const county = seesWholeCounty(user.roles);
  const manager = can(user.roles, "events.manage");
  const responder = can(user.roles, "events.respond");
  const now = new Date();
  const material = MATERIAL_LABELS[event.kind];
  const adoptions = county ? await adoptionsOfEvent(event.id) : [];
  const own = responder ? event.invitations.find((i) => i.unitId === user.unitId) : undefined;
  const ownSubmission = responder ? event.submissions.find((s) => s.unitId === user.unitId) : undefined;
  const confirmed = event.invitations.filter((i) => i.confirmedAt).length;
  const canEdit = manager && !EVENT_MACHINE.problem("edit", event.state, "staff");
  const canSelect = manager && !EVENT_MACHINE.problem("select", event.state, "staff");
  const canRecord = manager && !EVENT_MACHINE.problem("record", event.state, "staff") && event.startsAt <= now;
  const submitted = county ? event.submissions.filter((s) => s.state !== "DRAFT") : [];
  const writeProblem = submissionProblem(event, now);
  // The viewer's next steps and the date the holders work to (issue 20 point 2).
  const next = [
    ...(manager
      ? EVENT_MACHINE.available(event.state, ["staff"])
          .filter((name) => name !== "edit" && (name !== "record" || canRecord))
          .map((name) => EVENT_MACHINE.transitions[name].label)
      : []),
    ...(own && !confirmProblem(event, now) ? [own.confirmedAt ? "修改参会人员" : "确认参会"] : []),
    ...(own && material && !writeProblem && (!ownSubmission || ownSubmission.state === "DRAFT") ? [`报送${material}`] : []),
  ];
  const stageDeadline =
    event.state === "NOTIFIED" && material && event.submissionDeadline && now <= event.submissionDeadline
      ? { label: `${material}报送截止`, at: event.submissionDeadline }
      : event.state === "PLANNING" || event.state === "NOTIFIED"
        ? { label: "召开时间", at: event.startsAt }
        : null;
  return (
    <div className="max-w-4xl space-y-4">
      <SavedNotice show={(await searchParams).saved} />
      <PageHeader
        title={event.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{EVENT_KIND_LABELS[event.kind]}</Badge>
            {formatDateTime(event.startsAt)} · {event.place}
          </span>
        }
        actions={
          <>
            <Link href={`/events/${event.id}/notice`} className={buttonClass("secondary")}>
              {event.state === "PLANNING" ? "预览通知" : "通知"}
            </Link>
            {event.minutes && (
              <Link href={`/events/${event.id}/minutes`} className={buttonClass("secondary")}>
                纪要
              </Link>
            )}
            {event._count.submissions > 0 && (
              <Link href={`/events/${event.id}/compilation`} className={buttonClass("secondary")}>
                {material}汇编
              </Link>
            )}
            {canEdit && (
              <Link href={`/events/${event.id}/edit`} className={buttonClass("secondary")}>
                修改
              </Link>
            )}
            {manager && event.state === "PLANNING" && <EventTransitionButton id={event.id} version={event.version} transition="publish" />}
            {manager && event.state === "HELD" && <EventTransitionButton id={event.id} version={event.version} transition="archive" />}
          </>
        }
      />
      <StepBar
        label="活动进度"
        steps={EVENT_MACHINE.progress(event.state)}
        holder={EVENT_MACHINE.states[event.state].holder}
        next={next.length > 0 && <p>您可以：{next.join("、")}</p>}
        deadline={stageDeadline}
      />

      <Card title="活动安排">
        <dl className="space-y-2 text-sm">
          <Line label="承办单位">{event.hostUnit.name}</Line>
          <Line label="现场所在项目">{event.siteProject && `${event.siteProject.title}（${event.siteProject.unit.name}）`}</Line>
          <Line label="会议议程">{event.agenda}</Line>
          <Line label={`${material ?? ""}报送截止`}>{material && formatDateTime(event.submissionDeadline)}</Line>
          <Line label="发文字号">{event.noticeNumber}</Line>
        </dl>
        {event.projects.length > 0 && (
          <div className="mt-3 space-y-1 text-sm">
            <h3 className="font-medium text-stone-700">展示的项目（{event.projects.length}）</h3>
            <ul className="space-y-1" aria-label="展示的项目">
              {event.projects.map(({ project }) => (
                <li key={project.id} className="break-all">
                  {county || project.unitId === user.unitId ? (
                    <Link href={`/projects/${project.id}`} className="link">
                      {project.title}
                    </Link>
                  ) : (
                    project.title
                  )}
                  <span className="text-stone-500">
                    （{project.unit.name}，{project.year.year} 年度）
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>

      {county && (
        <Card title={`邀请单位（${event.invitations.length}，已确认 ${confirmed}）`}>
          <ul className="divide-y divide-stone-100 text-sm" aria-label="邀请单位">
            {event.invitations.map((invitation) => (
              <li key={invitation.id} data-testid="invitation" className="flex flex-wrap gap-x-3 gap-y-1 py-2">
                <span className="w-28 shrink-0 font-medium">{invitation.unit.name}</span>
                {invitation.confirmedAt ? (
                  <span className="min-w-0 flex-1 break-words">
                    {invitation.attendees} <span className="text-xs text-stone-500">（{formatDateTime(invitation.confirmedAt)} 确认）</span>
                  </span>
                ) : (
                  <span className="text-stone-500">{event.state === "PLANNING" ? "通知未印发" : "未确认"}</span>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {own && (
        <Card title="本单位参会">
          {confirmProblem(event, now) ? (
            <p className="text-sm">
              {own.confirmedAt ? `已确认参会人员：${own.attendees}` : "本单位未确认参会。"}
              <span className="ml-2 text-stone-500">{confirmProblem(event, now)}</span>
            </p>
          ) : (
            <ConfirmForm eventId={event.id} version={own.version} attendees={own.attendees ?? ""} confirmed={Boolean(own.confirmedAt)} />
          )}
        </Card>
      )}

      {own && material && (
        <Card title={`本单位${material}`}>
          {ownSubmission && ownSubmission.state !== "DRAFT" ? (
            <div className="space-y-3 text-sm">
              <StepBar
                label={`${material}进度`}
                steps={SUBMISSION_MACHINE.progress(ownSubmission.state)}
                holder={SUBMISSION_MACHINE.states[ownSubmission.state].holder}
              />
              <div className="font-medium break-all">{ownSubmission.title}</div>
              <div className="text-stone-600">作者：{ownSubmission.author}</div>
              <div className="break-words whitespace-pre-wrap">{ownSubmission.body}</div>
              <SubmissionFiles eventId={event.id} submissionId={ownSubmission.id} attachments={ownSubmission.attachments} editable={false} />
            </div>
          ) : writeProblem ? (
            <Notice tone="warning">{ownSubmission ? `草稿未提交：${writeProblem}` : writeProblem}</Notice>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-stone-600">
                请于 {formatDateTime(event.submissionDeadline)} 前提交。正文直接填写，图表、扫描件等作为附件上传。提交后由组工干部遴选编入汇编。
              </p>
              <SubmissionForm
                eventId={event.id}
                material={material}
                defaultAuthor={user.name}
                submission={
                  ownSubmission
                    ? {
                        id: ownSubmission.id,
                        version: ownSubmission.version,
                        title: ownSubmission.title,
                        author: ownSubmission.author,
                        body: ownSubmission.body,
                        attachments: ownSubmission.attachments,
                      }
                    : null
                }
              />
            </div>
          )}
        </Card>
      )}

      {county && material && (
        <Card title={`${material}（已提交 ${submitted.length}，入选 ${event._count.submissions}）`}>
          {submitted.length === 0 ? (
            <p className="text-sm text-stone-500">尚无单位提交{material}。</p>
          ) : (
            <ul className="space-y-3" aria-label={material}>
              {submitted.map((submission) => (
                <li key={submission.id} data-testid="submission" className="space-y-2 rounded-md border border-stone-200 p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{submission.title}</span>
                    <Badge tone={SUBMISSION_MACHINE.tone(submission.state)}>{SUBMISSION_MACHINE.label(submission.state)}</Badge>
                  </div>
                  <div className="text-stone-600">
                    {submission.unit.name} · {submission.author} · {formatDateTime(submission.submittedAt)} 提交
                  </div>
                  <details>
                    <summary className="link cursor-pointer">阅读正文</summary>
                    <div className="mt-2 break-words whitespace-pre-wrap">{submission.body}</div>
                  </details>
                  <SubmissionFiles eventId={event.id} submissionId={submission.id} attachments={submission.attachments} editable={false} />
                  {canSelect && submission.state !== "DRAFT" && <SelectButtons id={submission.id} version={submission.version} state={submission.state} />}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      {canRecord ? (
        <Card title="会议纪要">
          <MinutesForm id={event.id} version={event.version} minutes={event.minutes ?? ""} followUps={event.followUps ?? ""} />
        </Card>
      ) : (
        event.minutes && (
          <Card title="会议纪要">
            <div className="space-y-2 text-sm">
              <p className="break-words whitespace-pre-wrap">{event.minutes}</p>
              {event.followUps && <p className="break-words whitespace-pre-wrap">后续工作：{event.followUps}</p>}
            </div>
          </Card>
        )
      )}
      {manager && event.state === "NOTIFIED" && event.startsAt > now && (
        <p className="text-sm text-stone-500">活动召开（{formatDateTime(event.startsAt)}）后可在此记录会议纪要。</p>
      )}

      {county && event.state !== "PLANNING" && (
        <Card title={`会后借鉴推广（${adoptions.length}）`}>
          {adoptions.length === 0 ? (
            <p className="text-sm text-stone-500">尚无单位记录因本次活动借鉴推广。</p>
          ) : (
            <ul className="space-y-2 text-sm" aria-label="会后借鉴推广">
              {adoptions.map((adoption) => (
                <li key={adoption.id} className="border-l-2 border-brand-100 pl-3">
                  <div className="font-medium">
                    {adoption.unit.name} 借鉴 {adoption.sourceProject ? `“${adoption.sourceProject.title}”` : (adoption.sourceName ?? "")}
                    <span className="ml-2 text-xs font-normal text-stone-500">{formatDate(adoption.adoptedOn)}</span>
                  </div>
                  <div className="line-clamp-2 break-words">{adoption.how}</div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
