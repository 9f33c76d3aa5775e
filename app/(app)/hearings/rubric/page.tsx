import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { rubricOf } from "@/lib/hearings/queries";
import { formatDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { RubricForm } from "@/components/hearings/meeting-forms";
import { RANK_AGGREGATE_LABELS } from "@/lib/hearings/labels";

export const metadata: Metadata = { title: "评分标准" };

export default async function RubricPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("hearings.view");
  const { year } = await yearChoice(
    z.coerce
      .number()
      .int()
      .optional()
      .catch(undefined)
      .parse((await searchParams).year),
  );
  if (!year) return <p>尚未设置年度。</p>;
  const rubric = await rubricOf(year.id);
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={`${year.year} 年度评分标准`} description="五条创新标准，各项权重合计 100%；每位专家的加权总分折算为 100 分" />
      {rubric.frozenAt && <Notice tone="warning">已于 {formatDateTime(rubric.frozenAt)} 开始评分，评分标准和排名依据已锁定。</Notice>}
      <p className="text-sm text-stone-700">
        本年度排名依据：<strong>{RANK_AGGREGATE_LABELS[rubric.rankBy]}</strong>
      </p>
      <Card>
        <RubricForm
          yearId={year.id}
          version={rubric.version}
          criteria={rubric.criteria}
          rankBy={rubric.rankBy}
          frozen={Boolean(rubric.frozenAt) || !can(user.roles, "hearings.manage")}
        />
      </Card>
    </div>
  );
}
