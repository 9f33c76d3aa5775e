import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { sharesOfProject } from "@/lib/township-meetings/queries";
import { formatDate } from "@/lib/time";
import { Card } from "@/components/ui/page";

/** On a project's page: the township meetings where the practice was shared; nothing when it never was. */
export async function ProjectMeetingShares({
  projectId,
  none = false,
}: {
  projectId: string /** The page knows there are none: nothing is read. */;
  none?: boolean;
}) {
  if (none) return null;
  const [shares, user] = await Promise.all([sharesOfProject(projectId), getCurrentUser()]);
  if (shares.length === 0) return null;
  const canOpen = Boolean(user && can(user.roles, "meetings.view"));
  return (
    <Card title={`在组织委员例会上交流（${shares.length}）`}>
      <ul className="space-y-2 text-sm" aria-label="例会交流">
        {shares.map((share) => (
          <li key={share.id} className="border-l-2 border-brand-100 pl-3">
            <div className="text-xs text-stone-500">
              {canOpen ? (
                <Link href={`/township-meetings/${share.meeting.id}`} className="link">
                  {formatDate(share.meeting.heldOn)} 例会
                </Link>
              ) : (
                `${formatDate(share.meeting.heldOn)} 例会`
              )}
              · {share.meeting.place}
            </div>
            <div className="line-clamp-3 whitespace-pre-wrap">{share.practice}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
