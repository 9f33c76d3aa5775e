// The list shared by the 公示 and the 表彰决定: 一、创新性工作 →（全县党务干部）→ 一等奖（2项）→ 1. names. Pure.
import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { awardeeName, CHINESE_ORDINALS, groupByTier } from "@/lib/awards/documents";
import { LEVEL_LABELS } from "@/lib/awards/phase";
import type { Block } from "./model";

type Tier = { id: string; category: AwardCategory; level: AwardLevel; name: string; rank: number };
type Entry = {
  tierId: string | null;
  category: AwardCategory;
  level: AwardLevel;
  personName: string | null;
  personTitle: string | null;
  unit: { name: string };
  project: { title: string } | null;
};

export function awardListBlocks(tiers: Tier[], entries: Entry[]): Block[] {
  const groups = groupByTier(tiers, entries);
  if (groups.length === 0) return [{ kind: "paragraph", text: "（无）" }];
  return groups.flatMap((group, index): Block[] => [
    { kind: "heading", text: `${CHINESE_ORDINALS[index]}、${group.label}` },
    ...group.levels.flatMap((level): Block[] => [
      { kind: "subheading", text: `（${LEVEL_LABELS[level.level]}）` },
      ...level.tiers.flatMap(({ tier, entries: awarded }): Block[] => [
        { kind: "subheading", text: `${tier.name}（${awarded.length}${group.category === "WORK" ? "项" : "名"}）` },
        { kind: "list", items: awarded.map(awardeeName) },
      ]),
    ]),
  ]);
}
