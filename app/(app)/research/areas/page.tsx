import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { allAreas } from "@/lib/research/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { AreaRow, NewAreaForm } from "@/components/research/area-forms";

export const metadata: Metadata = { title: "调研领域" };

export default async function ResearchAreasPage() {
  await requirePermission("research.manage");
  const areas = await allAreas();
  return (
    <div className="space-y-4">
      <PageHeader
        title="调研领域"
        description="设立调研课题时选择的领域。停用的领域不再可选，已用它的课题保留"
        actions={
          <Link href="/research" className="link text-sm">
            返回调查研究课题
          </Link>
        }
      />
      <Card title="新增领域">
        <NewAreaForm />
      </Card>
      <Card title="领域列表">
        <div className="divide-y divide-stone-100">
          {areas.map((area) => (
            <AreaRow key={area.id} area={{ ...area, count: area._count.topics }} />
          ))}
        </div>
      </Card>
    </div>
  );
}
