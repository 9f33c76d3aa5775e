// The words of the campaign's documents (公示, 表彰决定, 荣誉证书) and the grouping they share. Pure.
import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { CATEGORY_LABELS, GROUPS, LEVEL_LABELS } from "@/lib/awards/phase";

export const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八"];

export function announcementTitle(year: number) {
  return `关于${year}年度组织工作改革创新评比表彰拟表彰对象的公示`;
}

export function decisionTitle(county: string, year: number) {
  return `中共${county}委组织部关于表彰${year}年度组织工作改革创新先进集体和先进个人的决定`;
}

/** announcementEndsAt is the exclusive midnight after the period; people read the last day of it. */
export function lastDayOf(endsAt: Date) {
  return new Date(endsAt.getTime() - 1);
}

type Tier = { id: string; category: AwardCategory; level: AwardLevel; name: string; rank: number };
type Entry = { tierId: string | null; category: AwardCategory; level: AwardLevel };

export type TierGroup<E> = { category: AwardCategory; level: AwardLevel; tiers: { tier: Tier; entries: E[] }[] };

/** Category → level → tier → entries, in the documents' order; empty tiers and levels are left out. */
export function groupByTier<E extends Entry>(tiers: Tier[], entries: E[]) {
  const byCategory = new Map<AwardCategory, TierGroup<E>[]>();
  for (const { category, level } of GROUPS) {
    const groupTiers = tiers
      .filter((t) => t.category === category && t.level === level)
      .sort((a, b) => a.rank - b.rank)
      .map((tier) => ({ tier, entries: entries.filter((e) => e.tierId === tier.id) }))
      .filter((t) => t.entries.length > 0);
    if (groupTiers.length === 0) continue;
    byCategory.set(category, [...(byCategory.get(category) ?? []), { category, level, tiers: groupTiers }]);
  }
  return [...byCategory.entries()].map(([category, levels]) => ({ category, label: CATEGORY_LABELS[category], levels }));
}

type Awardee = {
  category: AwardCategory;
  level: AwardLevel;
  personName: string | null;
  personTitle: string | null;
  unit: { name: string };
  project: { title: string } | null;
};

/** How an entry is named in lists: the unit and its project, or the person with their post. */
export function awardeeName(entry: Awardee) {
  if (entry.category === "WORK") return `${entry.unit.name}：${entry.project?.title ?? ""}`;
  return `${entry.personName}（${entry.personTitle ?? entry.unit.name}）`;
}

/** The certificate's addressee and sentence. */
export function certificateText(entry: Awardee, tierName: string, year: number) {
  if (entry.category === "WORK") {
    return {
      to: `${entry.unit.name}：`,
      body: `你单位“${entry.project?.title ?? ""}”被评为${year}年度组织工作改革创新评比${CATEGORY_LABELS.WORK}${tierName}。`,
    };
  }
  return {
    to: `${entry.personName}同志：`,
    body: `你被评为${year}年度${LEVEL_LABELS[entry.level]}${CATEGORY_LABELS.PERSON}${tierName}。`,
  };
}
