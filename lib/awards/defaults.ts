// What a new campaign starts with; the admin changes any of it before opening.
import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import type { Criterion } from "@/lib/hearings/scoring";

export const DEFAULT_CRITERIA: Criterion[] = [
  { key: "novelty", label: "创新性（理念、思路、方法的突破）", weight: 30, max: 10 },
  { key: "effect", label: "实效性（解决问题、群众认可）", weight: 30, max: 10 },
  { key: "replicable", label: "示范推广价值", weight: 20, max: 10 },
  { key: "standard", label: "规范性（制度化、可持续）", weight: 20, max: 10 },
];

export const DEFAULT_TIERS: { category: AwardCategory; level: AwardLevel; name: string; quota: number }[] = [
  { category: "WORK", level: "COUNTY", name: "一等奖", quota: 2 },
  { category: "WORK", level: "COUNTY", name: "二等奖", quota: 4 },
  { category: "WORK", level: "COUNTY", name: "三等奖", quota: 6 },
  { category: "WORK", level: "DEPARTMENT", name: "一等奖", quota: 1 },
  { category: "WORK", level: "DEPARTMENT", name: "二等奖", quota: 2 },
  { category: "PERSON", level: "COUNTY", name: "十佳", quota: 10 },
  { category: "PERSON", level: "DEPARTMENT", name: "优秀", quota: 3 },
];
