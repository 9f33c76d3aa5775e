import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { activeReviewers, getHearing, hearingAgenda, schedulableProjects } from "@/lib/hearings/queries";
import { hearingPageSchema } from "@/lib/hearings/schemas";
import { PickFilter } from "@/components/ui/pick-filter";
import { HEARING_KIND_LABELS, HEARING_LEVEL_LABELS } from "@/lib/hearings/labels";
import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import { StepBar } from "@/components/ui/step-bar";
import { formatDateTime, toDateTimeLocal } from "@/lib/time";
import { Badge, Card, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { HearingForm } from "@/components/hearings/hearing-form";
import {
  AgendaForm,
  AutoAssignForm,
  HearingButtons,
  ManualAssign,
  RemoveItemButton,
  ReviewersForm,
  SeatOptionsProvider,
  UnassignButton,
} from "@/components/hearings/hearing-admin";

export const metadata: Metadata = { title: "听证会" };

export default async function HearingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ pending?: string }> }) {
  const user = await requirePermission("hearings.view");
  const hearing = await getHearing((await params).id);
  if (!hearing) return notFoundAudited(user, { entityType: "Hearing", id: (await params).id });
  const state = hearingState(hearing);
  const admin = can(user.roles, "hearings.manage") && !HEARING_MACHINE.problem("arrange", state, "admin");
  const filter = hearingPageSchema.parse(await searchParams);
  const onlyPending = Boolean(filter.pending);
  const [agenda, schedulable, reviewers] = await Promise.all([
    hearingAgenda(hearing.id, { page: filter.page, pending: onlyPending }),
    admin ? schedulableProjects(hearing.yearId, filter.q) : { total: 0, projects: [] },
    admin ? activeReviewers() : [],
  ]);
  const projects = schedulable.projects;
  const seatOptions = hearing.reviewers.map((seat) => ({ id: seat.user.id, label: `${seat.user.name}（${seat.user.unit.name}）` }));
  const shown = agenda.items.map((item) => ({ item, done: item.assignments.filter((a) => a.score?.submittedAt).length, total: item.assignments.length }));
  return (
    <div className="space-y-4">
      <PageHeader
        title={hearing.title}
        description={`${HEARING_KIND_LABELS[hearing.kind]} · ${HEARING_LEVEL_LABELS[hearing.level]} · ${formatDateTime(hearing.heldAt)} · ${hearing.place}`}
        actions={
          <>
            <Link href={`/hearings/${hearing.id}/results`} className={buttonClass()}>
              评分结果与排名
            </Link>
            <Link href={`/hearings?year=${hearing.year.year}`} className={buttonClass("secondary")}>
              返回
            </Link>
          </>
        }
      />
      <StepBar
        label="听证进程"
        steps={HEARING_MACHINE.progress(state)}
        holder={
          hearing.closedAt ? `评分已于 ${formatDateTime(hearing.closedAt)} 结束；${HEARING_MACHINE.states[state].holder}` : HEARING_MACHINE.states[state].holder
        }
        next={admin ? <p>下一步：安排议程、选定评审专家并分配；评完后结束评分</p> : undefined}
        deadline={state === "OPEN" ? { label: "听证时间（评分在听证会上完成）", at: hearing.heldAt } : null}
      />

      <Card title={`议程与评审进度（${agenda.progress.items} 个项目，已提交 ${agenda.progress.submitted}/${agenda.progress.assignments} 份评分）`}>
        <div className="mb-2 text-sm">
          <Link href={onlyPending ? `/hearings/${hearing.id}` : `/hearings/${hearing.id}?pending=1`} className="link">
            {onlyPending ? "显示全部" : "只看未评完的"}
          </Link>
        </div>
        <SeatOptionsProvider options={admin ? seatOptions : []}>
          <ol className="divide-y divide-stone-100" aria-label="议程">
            {shown.map(({ item, done, total }) => (
              <li key={item.id} className="space-y-1 py-2 text-sm" data-testid="agenda-item">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/projects/${item.project.id}`} className="link font-medium">
                    {item.project.title}
                  </Link>
                  <span className="text-stone-500">{item.project.unit.name}</span>
                  {item.round > 1 && <Badge tone="amber">第 {item.round} 轮</Badge>}
                  <Badge tone={total > 0 && done === total ? "green" : "amber"}>
                    {done}/{total} 已评
                  </Badge>
                  {admin && total === 0 && <RemoveItemButton itemId={item.id} title={item.project.title} />}
                </div>
                <div className="flex flex-wrap gap-2 text-xs">
                  {item.assignments.map((assignment) => (
                    <span key={assignment.id} className="rounded border border-stone-200 px-1.5 py-0.5" data-testid="assignment">
                      {assignment.reviewer.name}：{assignment.score?.submittedAt ? "已提交" : assignment.score ? "草稿" : "未评"}
                      {admin && !assignment.score && <UnassignButton assignmentId={assignment.id} name={assignment.reviewer.name} />}
                    </span>
                  ))}
                  {item.conflicts.length > 0 && <span className="text-amber-700">已声明回避 {item.conflicts.length} 人</span>}
                </div>
                {admin && <ManualAssign itemId={item.id} assigned={item.assignments.map((a) => a.reviewerId)} />}
              </li>
            ))}
            {shown.length === 0 && <li className="py-4 text-sm text-stone-500">{onlyPending ? "全部评完。" : "议程为空。"}</li>}
          </ol>
        </SeatOptionsProvider>
        <Pagination total={agenda.total} page={agenda.page} pageSize={agenda.pageSize} params={{ pending: filter.pending }} />
      </Card>

      {admin && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card title="列入议程">
            <PickFilter total={schedulable.total} shown={projects.length} q={filter.q} label="查找待列入的项目" />
            <AgendaForm hearingId={hearing.id} projects={projects.map((p) => ({ id: p.id, label: `${p.title}（${p.unit.name}）` }))} />
          </Card>
          <Card title={`评审专家（${hearing.reviewers.length}）`}>
            <ReviewersForm
              hearing={{ id: hearing.id, version: hearing.version }}
              reviewers={reviewers.map((r) => ({ id: r.id, label: `${r.name}（${r.unit.name}）` }))}
              chosen={hearing.reviewers.map((seat) => seat.userId)}
            />
          </Card>
          <Card title="分配评审">
            <AutoAssignForm hearingId={hearing.id} />
          </Card>
          <Card title="评分管理">
            <HearingButtons hearing={{ id: hearing.id, version: hearing.version }} />
          </Card>
        </div>
      )}

      <Card title="听证会信息与纪要" className="max-w-3xl">
        <HearingForm
          disabled={!can(user.roles, "hearings.manage")}
          hearing={{
            id: hearing.id,
            version: hearing.version,
            kind: hearing.kind,
            level: hearing.level,
            title: hearing.title,
            heldAt: toDateTimeLocal(hearing.heldAt),
            place: hearing.place,
            attendees: hearing.attendees,
            minutes: hearing.minutes,
          }}
        />
      </Card>
    </div>
  );
}
