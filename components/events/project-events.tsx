import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { eventsOfProject } from "@/lib/events/queries";
import { EVENT_KIND_LABELS } from "@/lib/events/rules";
import { EVENT_MACHINE } from "@/lib/events/states";
import { formatDate } from "@/lib/time";
import { Card } from "@/components/ui/page";

/** On a project's page and its case: the 现场会 / 交流会 / 研讨会 where it was shown; nothing when it never was. */
export async function ProjectEvents({ projectId, none = false }: { projectId: string /** The page knows there are none: nothing is read. */; none?: boolean }) {
  if (none) return null;
  const user = await getCurrentUser();
  if (!user) return null;
  const events = await eventsOfProject(user, projectId);
  if (events.length === 0) return null;
  return (
    <Card title={`在现场会与交流活动中展示（${events.length}）`}>
      <ul className="space-y-2 text-sm" aria-label="展示该项目的活动">
        {events.map((event) => (
          <li key={event.id} className="border-l-2 border-brand-100 pl-3">
            <div className="text-xs text-stone-500">
              {formatDate(event.startsAt)} · {EVENT_KIND_LABELS[event.kind]} · {EVENT_MACHINE.label(event.state)}
            </div>
            {event.opens ? (
              <Link href={`/events/${event.id}`} className="link">
                {event.title}
              </Link>
            ) : (
              <span>{event.title}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
