import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { allAspects } from "@/lib/suggestions/queries";
import { CATEGORY_LABELS, SUGGESTION_CATEGORIES } from "@/lib/suggestions/catalog";
import { Card, PageHeader } from "@/components/ui/page";
import { AspectRow, NewAspectForm } from "@/components/suggestions/aspect-forms";

export const metadata: Metadata = { title: "建议方面设置" };

export default async function AspectsPage() {
  await requirePermission("suggestions.configure");
  const aspects = await allAspects();
  return (
    <div className="space-y-4">
      <PageHeader title="建议方面设置" description="四大类下的具体方面；停用的方面不再出现在建议表单中，已有建议保留" />
      <Card title="新增方面">
        <NewAspectForm />
      </Card>
      {SUGGESTION_CATEGORIES.map((category) => (
        <Card key={category} title={CATEGORY_LABELS[category]}>
          <div className="divide-y divide-stone-100">
            {aspects
              .filter((aspect) => aspect.category === category)
              .map((aspect) => (
                <AspectRow key={aspect.id} aspect={{ ...aspect, count: aspect._count.suggestions }} />
              ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
