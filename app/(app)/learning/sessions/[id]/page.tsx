import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { sessionPage } from "@/lib/learning/queries";
import { isSectionCadre } from "@/lib/learning/reach";
import { canSignInNow } from "@/lib/learning/rules";
import { formatDate, formatDateTime, toDateTimeLocal } from "@/lib/time";
import { idSchema } from "@/lib/validation";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { AttendanceSheet, SignInButton } from "@/components/learning/attendance";
import { SessionForm } from "@/components/learning/session-form";

export const metadata: Metadata = { title: "组工讲坛" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("learning.view");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const manage = can(user.roles, "learning.manage");
  const page = await sessionPage(user, id.data, manage);
  if (!page) return notFoundAudited(user, { entityType: "LearningSession", id: id.data });
  const { session } = page;
  const now = new Date();
  const cadre = isSectionCadre(user) && can(user.roles, "learning.write");
  const editable = can(user.roles, "learning.sessions") && (manage || session.createdById === user.id);
  return (
    <div className="space-y-4">
      <PageHeader
        title={session.topic}
        description={`${formatDateTime(session.heldOn)} · 主讲人 ${session.speaker}${session.place ? ` · ${session.place}` : ""} · 签到 ${session._count.attendances} 人`}
        actions={
          <Link href="/learning" className="link text-sm">
            返回组工讲坛
          </Link>
        }
      />
      {cadre && (
        <Card title="我的签到">
          {page.mine ? (
            <Notice tone="success">已签到（{formatDateTime(page.mine.signedAt)}）。</Notice>
          ) : canSignInNow(session.heldOn, now) ? (
            <SignInButton sessionId={session.id} />
          ) : (
            <p className="text-sm text-stone-600">
              {session.heldOn > now ? `讲坛当天（${formatDate(session.heldOn)}）可在此签到。` : "未签到。签到只能在讲坛当天进行，如需补签请联系办公室。"}
            </p>
          )}
          <p className="mt-2 text-sm">
            <Link href={`/learning/reflections?session=${session.id}`} className="link">
              写心得体会 →
            </Link>
          </p>
        </Card>
      )}
      <Card title="签到名单">
        {page.attendees.length === 0 ? (
          <p className="text-sm text-stone-500">{isSectionCadre(user) && !manage ? "您可见的范围内暂无签到。" : "暂无签到。"}</p>
        ) : (
          <ul className="grid gap-1 text-sm sm:grid-cols-3" aria-label="签到名单">
            {page.attendees.map((a) => (
              <li key={a.user.id}>
                {a.user.name} <span className="text-xs text-stone-500">{a.user.unit.name}</span>
                {a.recordedById && <span className="ml-1 text-xs text-amber-700">补签</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {manage && session.heldOn <= now && (
        <Card title="补记签到（办公室）">
          <AttendanceSheet
            sessionId={session.id}
            cadres={page.cadres.map((c) => ({ id: c.id, name: c.name, unit: c.unit.name, attended: c.attendances.length > 0 }))}
          />
        </Card>
      )}
      {editable && (
        <details className="rounded-lg border border-stone-200 bg-white p-4">
          <summary className="cursor-pointer text-sm font-medium">修改讲坛信息</summary>
          <div className="mt-3">
            <SessionForm
              session={{ id: session.id, version: session.version }}
              initial={{ heldOn: toDateTimeLocal(session.heldOn), speaker: session.speaker, topic: session.topic, place: session.place ?? "" }}
            />
          </div>
        </details>
      )}
    </div>
  );
}
