import type { PromotionMark } from "@/lib/generated/prisma/enums";
import { MARK_LABELS } from "@/lib/promotion/labels";
import { formatDate } from "@/lib/time";
import { Badge } from "@/components/ui/page";

const TONES: Record<PromotionMark, "amber" | "blue" | "green"> = { BRAND: "amber", QUALITY: "blue", DEMONSTRATION: "green" };

export function MarkBadge({ mark }: { mark: PromotionMark }) {
  return <Badge tone={TONES[mark]}>{MARK_LABELS[mark]}</Badge>;
}

/** The awards of a project, as "2025年度评比表彰：优秀创新项目". */
export function awardText(nomination: { tier: { name: string } | null; campaign: { title: string } }) {
  return `${nomination.campaign.title}：${nomination.tier?.name ?? ""}`;
}

type Adopter = { id: string; adoptedOn: Date; how: string; result: string; unit: { name: string } };

export function AdopterList({ adopters }: { adopters: Adopter[] }) {
  if (adopters.length === 0) return <p className="text-sm text-stone-500">尚无单位记录借鉴。</p>;
  return (
    <ul className="space-y-3 text-sm" aria-label="借鉴单位">
      {adopters.map((adopter) => (
        <li key={adopter.id} className="space-y-1 border-l-2 border-emerald-200 pl-3">
          <div className="font-medium text-stone-800">
            {adopter.unit.name}
            <span className="ml-2 text-xs font-normal text-stone-500">{formatDate(adopter.adoptedOn)} 借鉴</span>
          </div>
          <div className="break-words whitespace-pre-wrap">做法：{adopter.how}</div>
          <div className="break-words whitespace-pre-wrap">成效：{adopter.result}</div>
        </li>
      ))}
    </ul>
  );
}
