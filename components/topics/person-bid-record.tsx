import Link from "next/link";
import { Badge, Card } from "@/components/ui/page";
import type { PersonBidStatus, ProjectState } from "@/lib/generated/prisma/enums";
import { PERSON_BID_STATUS_LABELS } from "@/lib/topics/person-rules";
import { PERSON_BID_MACHINE } from "@/lib/topics/states";

type Row = {
  id: string;
  status: PersonBidStatus;
  topic: { id: string; code: string; title: string; projects: { id: string; title: string; state: ProjectState }[] };
};

/** A cadre's record: the topics they won in their own name (and the bids they made) in a year. */
export function PersonBidRecord({ rows, title = "中标选题" }: { rows: Row[]; title?: string }) {
  const won = rows.filter((row) => row.status === "AWARDED");
  return (
    <Card title={`${title}（${won.length}）`} className="mt-4">
      {won.length === 0 ? (
        <p className="text-sm text-stone-500">本年度没有以个人名义中标的选题。</p>
      ) : (
        <ul className="space-y-2 text-sm" aria-label="中标选题">
          {won.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/topics/${row.topic.id}`} className="link">
                {row.topic.code} {row.topic.title}
              </Link>
              <Badge tone="green">中标 · 本人牵头</Badge>
              {row.topic.projects.map((project) => (
                <Link key={project.id} href={`/projects/${project.id}`} className="link text-stone-600">
                  查看项目
                </Link>
              ))}
            </li>
          ))}
        </ul>
      )}
      {rows.length > won.length && (
        <div className="mt-3 border-t border-stone-100 pt-2 text-sm">
          <div className="mb-1 text-stone-500">其他个人投标</div>
          <ul className="space-y-1">
            {rows
              .filter((row) => row.status !== "AWARDED")
              .map((row) => (
                <li key={row.id}>
                  <Link href={`/topics/${row.topic.id}`} className="link">
                    {row.topic.code} {row.topic.title}
                  </Link>{" "}
                  <Badge tone={PERSON_BID_MACHINE.tone(row.status)}>{PERSON_BID_STATUS_LABELS[row.status]}</Badge>
                </li>
              ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
