import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { activeAreas, researchTopicPage } from "@/lib/research/queries";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { practiceSections } from "@/lib/practice/queries";
import { toDateTimeLocal } from "@/lib/time";
import { Notice } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { TopicForm } from "@/components/research/topic-form";

export const metadata: Metadata = { title: "修改调研课题" };

export default async function EditResearchTopicPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("research.manage");
  const page = await researchTopicPage(user, (await params).id);
  if (!page) return notFoundAudited(user, { entityType: "ResearchTopic", id: (await params).id });
  const { topic } = page;
  const problem = RESEARCH_MACHINE.problem("edit", topic.state, "admin");
  const [areas, sections] = await Promise.all([activeAreas(), practiceSections()]);
  if (!areas.some((a) => a.id === topic.area.id)) areas.push(topic.area);
  return (
    <div>
      <PageHeader
        title={`修改课题：${topic.title}`}
        actions={
          <Link href={`/research/${topic.id}`} className="link text-sm">
            返回课题
          </Link>
        }
      />
      {problem ? (
        <Notice tone="warning">{problem}</Notice>
      ) : (
        <Card>
          <TopicForm
            topic={{ id: topic.id, version: topic.version }}
            initial={{
              title: topic.title,
              question: topic.question,
              areaId: topic.area.id,
              leadId: topic.lead.id,
              memberIds: topic.members.map((m) => m.user.id),
              dueAt: toDateTimeLocal(topic.dueAt),
            }}
            areas={areas}
            sections={sections.filter((s) => s.users.length > 0)}
          />
        </Card>
      )}
    </div>
  );
}
