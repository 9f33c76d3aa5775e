import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { allSectors } from "@/lib/sectors/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { NewSectorForm, SectorRow } from "@/components/sectors/sector-forms";

export const metadata: Metadata = { title: "党组织领域" };

export default async function SectorsPage() {
  await requirePermission("sectors.configure");
  const sectors = await allSectors();
  return (
    <div className="space-y-4">
      <PageHeader
        title="党组织领域"
        description="项目申报时选择所服务的领域；“所属组别”相同的领域可一并筛选（如“两新”组织＝非公企业＋社会组织）。停用的领域不再可选，已选的项目保留"
      />
      <Card title="新增领域">
        <NewSectorForm />
      </Card>
      <Card title="领域列表">
        <div className="divide-y divide-stone-100">
          {sectors.map((sector) => (
            <SectorRow key={sector.id} sector={{ ...sector, count: sector._count.projects }} />
          ))}
        </div>
      </Card>
    </div>
  );
}
