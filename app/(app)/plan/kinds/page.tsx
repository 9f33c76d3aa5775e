import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { planKinds } from "@/lib/plan/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { KindRow, NewKindForm } from "@/components/plan/kind-forms";

export const metadata: Metadata = { title: "条目类型" };

export default async function PlanKindsPage() {
  await requirePermission("plan.manage");
  const kinds = await planKinds();
  return (
    <div className="space-y-4">
      <PageHeader
        title="工作要点条目类型"
        description="工作要点由各类条目组成（如主线、突破、工作、工程）。勾选“可归入项目”的类型，其条目可供选题和项目归入（如各项工程）"
        actions={
          <Link href="/plan" className={buttonClass("secondary")}>
            返回工作要点
          </Link>
        }
      />
      <Card title="新增类型">
        <NewKindForm />
      </Card>
      <Card title="类型列表">
        <div className="divide-y divide-stone-100">
          {kinds.map((kind) => (
            <KindRow key={kind.id} kind={{ ...kind, count: kind._count.items }} />
          ))}
        </div>
      </Card>
    </div>
  );
}
