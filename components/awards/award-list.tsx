import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { awardeeName, CHINESE_ORDINALS, groupByTier } from "@/lib/awards/documents";
import { LEVEL_LABELS } from "@/lib/awards/phase";

type Tier = { id: string; category: AwardCategory; level: AwardLevel; name: string; rank: number };
type Entry = {
  id: string;
  tierId: string | null;
  category: AwardCategory;
  level: AwardLevel;
  personName: string | null;
  personTitle: string | null;
  unit: { name: string };
  project: { title: string } | null;
};

/** The list of the 公示 and of the 表彰决定: 一、创新性工作 →（全县党务干部）→ 一等奖（2个）→ names. */
export function AwardList({ tiers, entries }: { tiers: Tier[]; entries: Entry[] }) {
  const groups = groupByTier(tiers, entries);
  if (groups.length === 0) return <p className="official-body">（无）</p>;
  return (
    <>
      {groups.map((group, index) => (
        <section key={group.category} aria-label={group.label}>
          <h2 className="official-heading">
            {CHINESE_ORDINALS[index]}、{group.label}
          </h2>
          {group.levels.map((level) => (
            <div key={level.level}>
              <h3 className="official-item-title indent-[2em]">（{LEVEL_LABELS[level.level]}）</h3>
              {level.tiers.map(({ tier, entries: awarded }) => (
                <div key={tier.id} className="official-item">
                  <p className="official-item-title indent-[2em]">
                    {tier.name}（{awarded.length}{group.category === "WORK" ? "项" : "名"}）
                  </p>
                  <ol>
                    {awarded.map((entry, n) => (
                      <li key={entry.id} className="official-body" data-entry={entry.id}>
                        {n + 1}. {awardeeName(entry)}
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
