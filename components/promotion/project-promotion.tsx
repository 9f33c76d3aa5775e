// The promotion card of a project's page: its marks (revoked ones kept for the record), its adopters and,
// for the admin, marking and revoking.
import Link from "next/link";
import type { ProjectState } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/session-store";
import { can } from "@/lib/auth/permissions";
import { projectPromotion } from "@/lib/promotion/queries";
import { MARK_LABELS, MARKABLE_STATES } from "@/lib/promotion/labels";
import { formatDate, formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/page";
import { AdopterList, MarkBadge } from "@/components/promotion/promotion-parts";
import { MarkForm, RevokeMarkForm } from "@/components/promotion/mark-forms";

export async function ProjectPromotion({
  project,
  user,
  none = false,
}: {
  project: { id: string; state: ProjectState };
  user: Pick<CurrentUser, "roles">;
  /** The page knows the project has no marks and no adopters (lib/projects/queries.ts `projectPageRead`): nothing is read. */
  none?: boolean;
}) {
  const { marks, adopters } = none ? { marks: [], adopters: [] } : await projectPromotion(project.id);
  const admin = can(user.roles, "promotion.mark") && MARKABLE_STATES.includes(project.state);
  if (!admin && marks.length === 0 && adopters.length === 0) return null;
  const active = marks.filter((mark) => !mark.revokedAt);
  return (
    <Card title="推广">
      <div className="space-y-4">
        <section aria-label="认定" className="space-y-2 text-sm">
          <h3 className="font-medium text-stone-700">品牌 / 精品 / 示范认定</h3>
          {marks.length === 0 && <p className="text-stone-500">尚未认定。</p>}
          <ul className="space-y-2">
            {marks.map((mark) => (
              <li
                key={mark.id}
                data-testid="project-mark"
                data-active={!mark.revokedAt}
                className={`space-y-1 border-l-2 pl-3 ${mark.revokedAt ? "border-stone-200 text-stone-500" : "border-amber-300"}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <MarkBadge mark={mark.mark} />
                  <span>
                    {formatDate(mark.decidedOn)} 认定{mark.byName && `（${mark.byName}）`}
                  </span>
                  {mark.revokedAt && <span>已于 {formatDateTime(mark.revokedAt)} 撤销</span>}
                </div>
                <div className="break-words whitespace-pre-wrap">理由：{mark.reason}</div>
                {mark.revokeReason && <div className="break-words whitespace-pre-wrap">撤销理由：{mark.revokeReason}</div>}
                {admin && !mark.revokedAt && (
                  <details>
                    <summary className="link cursor-pointer">撤销{MARK_LABELS[mark.mark]}认定</summary>
                    <div className="mt-2">
                      <RevokeMarkForm markId={mark.id} label={MARK_LABELS[mark.mark]} />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
          {active.length > 0 && (
            <Link href={`/cases/${project.id}`} className="link">
              在案例库中查看
            </Link>
          )}
        </section>
        {admin && (
          <details>
            <summary className="link cursor-pointer text-sm">认定为品牌 / 精品 / 示范项目</summary>
            <div className="mt-2">
              <MarkForm projectId={project.id} today={formatDate(new Date())} />
            </div>
          </details>
        )}
        <section aria-label="借鉴推广" className="space-y-2">
          <h3 className="text-sm font-medium text-stone-700">借鉴推广（{adopters.length}）</h3>
          <AdopterList adopters={adopters} />
        </section>
      </div>
    </Card>
  );
}
