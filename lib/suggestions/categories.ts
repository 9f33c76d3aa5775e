// The four categories of suggestions and topics (建言献策 4大类) and their default aspects. Pure, and free of the
// triage state table, so that a form needing only the category names does not carry that table to the browser.
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";

export const CATEGORY_LABELS: Record<SuggestionCategory, string> = {
  CADRE: "干部工作",
  PARTY_BUILDING: "基层党建",
  TALENT: "人才工作",
  SELF_BUILDING: "自身建设",
};
export const SUGGESTION_CATEGORIES = Object.keys(CATEGORY_LABELS) as SuggestionCategory[];

/** Seed 001: "4大类16个方面". The admin may rename, add and retire aspects. */
export const DEFAULT_ASPECTS: Record<SuggestionCategory, string[]> = {
  CADRE: ["干部选拔任用", "干部考核评价", "干部教育培训", "干部监督管理"],
  PARTY_BUILDING: ["农村党建", "城市社区党建", "机关和“两新”组织党建", "党员队伍建设"],
  TALENT: ["人才引进", "人才培养", "人才激励", "人才服务"],
  SELF_BUILDING: ["思想作风建设", "业务能力建设", "制度机制建设", "机关文化建设"],
};

/** The longest suggestion, in characters. */
export const CONTENT_MAX = 2000;
