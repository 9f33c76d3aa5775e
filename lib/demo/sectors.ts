// The party-organisation sectors of the demo projects, read from the practice's title (no random draw,
// so the rest of the demo data stays as it was). The ids are the defaults the sectors migration inserts.
const BY_WORD: [RegExp, string][] = [
  [/社区|网格/, "sector_community"],
  [/流动|离乡/, "sector_mobile"],
  [/“两新”|非公/, "sector_nonpublic"],
  [/“两新”|社会组织/, "sector_social"],
  [/组工|机关|干部/, "sector_organ"],
  [/学校|大学生/, "sector_school"],
  [/村|农村|合作社|乡土|返乡/, "sector_rural"],
];
const FALLBACK = ["sector_rural", "sector_community", "sector_organ"];

export function demoSectorIds(title: string): string[] {
  const ids = [...new Set(BY_WORD.filter(([pattern]) => pattern.test(title)).map(([, id]) => id))];
  if (ids.length > 0) return ids.slice(0, 3);
  // A title with no telling word: one of the common sectors, by a stable hash of the title.
  let hash = 0;
  for (const char of title) hash = (hash * 31 + char.charCodeAt(0)) % 9973;
  return [FALLBACK[hash % FALLBACK.length]];
}
