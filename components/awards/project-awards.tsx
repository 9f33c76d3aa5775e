import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { awardsOfProject } from "@/lib/awards/queries";
import { CATEGORY_LABELS, LEVEL_LABELS } from "@/lib/awards/phase";
import { Card } from "@/components/ui/page";

/** On a project's page: the commendations it won, as a project or through the people who led it; nothing when none. */
export async function ProjectAwards({ projectId, none = false }: { projectId: string /** The page knows there are none: nothing is read. */; none?: boolean }) {
  if (none) return null;
  const [awards, user] = await Promise.all([awardsOfProject(projectId), getCurrentUser()]);
  if (awards.length === 0) return null;
  const canOpen = Boolean(user && can(user.roles, "awards.view"));
  return (
    <Card title={`获得表彰（${awards.length}）`}>
      <ul className="space-y-2 text-sm" aria-label="获得表彰">
        {awards.map((award) => (
          <li key={award.id} className="border-l-2 border-red-200 pl-3">
            <div className="font-medium">
              {award.campaign.title} · {CATEGORY_LABELS[award.category]}（{LEVEL_LABELS[award.level]}）{award.tier?.name}
              {award.personName && ` · ${award.personName}`}
            </div>
            <div className="flex flex-wrap gap-3 text-xs text-stone-500">
              {award.campaign.decisionNumber && <span>{award.campaign.decisionNumber}</span>}
              {canOpen && (
                <>
                  <Link href={`/awards/${award.campaign.id}/decision`} className="link">
                    表彰决定
                  </Link>
                  <Link href={`/awards/${award.campaign.id}/certificates/${award.id}`} className="link">
                    荣誉证书
                  </Link>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
