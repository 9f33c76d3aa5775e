// The words of the reference topic catalogue (参考选题): 四个着眼, 四个确保, the claim modes. Pure, and free of the
// topic and claim state tables (lib/topics/states.ts), so that a form needing only these names — the proposal
// form's topic summary, the topic form — does not carry those tables to the browser.
import type { ClaimMode, TopicFocus, TopicTier } from "@/lib/generated/prisma/enums";

/** 四个着眼 (seed 000). */
export const FOCUS_LABELS: Record<TopicFocus, string> = { KEY: "重点领域", DIFFICULT: "难点领域", HOT: "热点领域" };
export const TOPIC_FOCUSES = Object.keys(FOCUS_LABELS) as TopicFocus[];

/** 四个确保 (seed 000). */
export const TIER_LABELS: Record<TopicTier, string> = {
  ROUTINE: "常规工作求规范",
  KEY_WORK: "重点工作出亮点",
  FEATURE: "特色工作创品牌",
  INNOVATION: "创新工作出精品",
};
export const TOPIC_TIERS = Object.keys(TIER_LABELS) as TopicTier[];

export const CLAIM_MODE_LABELS: Record<ClaimMode, string> = { OPEN: "自主认领", BIDDING: "招投标", ASSIGNED: "发包" };
export const CLAIM_MODES = Object.keys(CLAIM_MODE_LABELS) as ClaimMode[];
/** What the unit list of a topic means under each claim mode. */
export const TOPIC_UNITS_LABEL: Record<ClaimMode, string> = { OPEN: "建议承担单位", BIDDING: "建议投标单位", ASSIGNED: "发包单位" };
