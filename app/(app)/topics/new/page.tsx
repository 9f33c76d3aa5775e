import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { activeAspects } from "@/lib/suggestions/queries";
import { claimableUnits, sourceSuggestions } from "@/lib/topics/queries";
import { getCurrentYear, yearChoice } from "@/lib/years/queries";
import { toDateTimeLocal } from "@/lib/time";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { z } from "@/lib/validation";
import { TopicForm } from "@/components/topics/topic-form";
import { Card, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "拟定选题" };

const paramsSchema = z.object({
  year: z.coerce.number().int().optional().catch(undefined),
  from: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat().slice(0, 50)))
    .catch([]),
});

export default async function NewTopicPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("topics.manage");
  const params = paramsSchema.parse(await searchParams);
  const [sources, aspects, units, current] = await Promise.all([sourceSuggestions(params.from), activeAspects(), claimableUnits(), getCurrentYear()]);
  const { year } = await yearChoice(params.year ?? current?.year);
  if (!year) return <p>请先在“年度安排”中设置年度。</p>;
  // The year's claim window is the natural closing date, while it is still ahead.
  const claimWindow = current?.year === year.year ? current.windows.find((window) => window.kind === "TOPIC_CLAIM") : undefined;
  const first = sources[0];
  return (
    <div>
      <PageHeader title={`拟定 ${year.year} 年度参考选题`} description="保存为草稿；管理员发布参考选题后各单位可见" />
      {sources.length > 0 && (
        <Card title={`来源建议（${sources.length} 条）`} className="mb-4 max-w-3xl">
          <ul className="space-y-2 text-sm">
            {sources.map((source) => (
              <li key={source.id}>
                <Link href={`/suggestions/${source.id}`} className="link font-mono text-xs">
                  {source.receiptNo}
                </Link>{" "}
                <span className="text-stone-500">{CATEGORY_LABELS[source.category]}</span>
                <p className="whitespace-pre-wrap text-stone-700">{source.content}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <TopicForm
        aspects={aspects}
        units={units}
        create={{ yearId: year.id, sourceIds: sources.map((source) => source.id) }}
        initial={{
          title: "",
          description: sources.map((source) => source.content).join("\n"),
          category: first?.category ?? "",
          aspectId: first?.aspectId ?? null,
          focus: "",
          tier: "",
          claimMode: "OPEN",
          openToPersons: false,
          claimClosesAt: claimWindow && claimWindow.endsAt > new Date() ? toDateTimeLocal(claimWindow.endsAt) : "",
          unitIds: [],
        }}
      />
    </div>
  );
}
