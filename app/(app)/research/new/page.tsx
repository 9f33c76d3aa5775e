import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { activeAreas } from "@/lib/research/queries";
import { practiceSections } from "@/lib/practice/queries";
import { yearChoice } from "@/lib/years/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { TopicForm } from "@/components/research/topic-form";

export const metadata: Metadata = { title: "设立调研课题" };

export default async function NewResearchTopicPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("research.manage");
  const asked = Number((await searchParams).year);
  const { year } = await yearChoice(Number.isInteger(asked) ? asked : undefined);
  if (!year) return <PageHeader title="设立调研课题" description="尚未建立年度，请先在年度安排中新建" />;
  const [areas, sections] = await Promise.all([activeAreas(), practiceSections()]);
  return (
    <div>
      <PageHeader
        title={`设立调研课题（${year.year} 年度）`}
        description="牵头人和成员为部机关各科室的组工干部；设立后通知他们"
        actions={
          <Link href={`/research?year=${year.year}`} className="link text-sm">
            返回课题列表
          </Link>
        }
      />
      <Card>
        <TopicForm
          year={year.year}
          initial={{ title: "", question: "", areaId: "", leadId: "", memberIds: [], dueAt: `${year.year}-11-30T17:30` }}
          areas={areas}
          sections={sections.filter((s) => s.users.length > 0)}
        />
      </Card>
    </div>
  );
}
