import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { activeAspects } from "@/lib/suggestions/queries";
import { claimableUnits, getTopic } from "@/lib/topics/queries";
import { toDateTimeLocal } from "@/lib/time";
import { TopicForm } from "@/components/topics/topic-form";
import { PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "修改选题" };

export default async function EditTopicPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("topics.manage");
  const topic = await getTopic(user, (await params).id);
  if (!topic) return notFoundAudited(user, { entityType: "Topic", id: (await params).id });
  if (topic.status === "WITHDRAWN") return <p>该选题已撤回，不能修改。</p>;
  const [aspects, units] = await Promise.all([activeAspects(), claimableUnits()]);
  return (
    <div>
      <PageHeader
        title={`修改选题 ${topic.code}`}
        description={topic.status === "PUBLISHED" ? "该选题已发布：修改须填写理由，修改记录对各单位可见" : "草稿可直接修改"}
      />
      <TopicForm
        aspects={aspects}
        units={units}
        topic={{ id: topic.id, version: topic.version, published: topic.status === "PUBLISHED" }}
        initial={{
          title: topic.title,
          description: topic.description,
          category: topic.category,
          aspectId: topic.aspectId,
          focus: topic.focus,
          tier: topic.tier,
          claimMode: topic.claimMode,
          claimClosesAt: toDateTimeLocal(topic.claimClosesAt),
          openToPersons: topic.openToPersons,
          unitIds: topic.units.map((unit) => unit.unitId),
        }}
      />
    </div>
  );
}
