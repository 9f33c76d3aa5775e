// Where a campaign stands, from its stored status and the server clock. Pure.
import { CAMPAIGN_MACHINE } from "@/lib/awards/states";
import type { AwardCategory, AwardLevel, CampaignStatus, UnitType } from "@/lib/generated/prisma/enums";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export type CampaignPhase = "NOT_STARTED" | "NOMINATING" | "SCORING" | "ANNOUNCED" | "ANNOUNCEMENT_OVER" | "DECIDED";

/** The phases' names, from the one state table (lib/awards/states.ts). */
export const PHASE_LABELS = Object.fromEntries(Object.entries(CAMPAIGN_MACHINE.states).map(([phase, spec]) => [phase, spec.label])) as Record<
  CampaignPhase,
  string
>;

export const CATEGORY_LABELS: Record<AwardCategory, string> = { WORK: "创新性工作", PERSON: "创新性人才" };
export const LEVEL_LABELS: Record<AwardLevel, string> = { DEPARTMENT: "部机关", COUNTY: "全县党务干部" };
export const GROUPS: { category: AwardCategory; level: AwardLevel }[] = [
  { category: "WORK", level: "COUNTY" },
  { category: "WORK", level: "DEPARTMENT" },
  { category: "PERSON", level: "COUNTY" },
  { category: "PERSON", level: "DEPARTMENT" },
];

type Campaign = { status: CampaignStatus; nominationStartsAt: Date; nominationEndsAt: Date; announcementEndsAt: Date | null };

/** The stored status a campaign has in each phase (the phase adds the clock to it; see campaignPhase). */
export const STORED_STATUS: Record<CampaignPhase, CampaignStatus> = {
  NOT_STARTED: "OPEN",
  NOMINATING: "OPEN",
  SCORING: "OPEN",
  ANNOUNCED: "ANNOUNCED",
  ANNOUNCEMENT_OVER: "ANNOUNCED",
  DECIDED: "DECIDED",
};

/** The stored statuses of a group of the campaign table, for a query (`announced` gives 公示中 and 已表彰). */
export function storedStatuses(group: (typeof CAMPAIGN_MACHINE.groupNames)[number]): CampaignStatus[] {
  return [...new Set(CAMPAIGN_MACHINE.group(group).map((phase) => STORED_STATUS[phase]))];
}

export function campaignPhase(campaign: Campaign, now: Date): CampaignPhase {
  if (campaign.status === "DECIDED") return "DECIDED";
  if (campaign.status === "ANNOUNCED") return campaign.announcementEndsAt && now >= campaign.announcementEndsAt ? "ANNOUNCEMENT_OVER" : "ANNOUNCED";
  if (now < campaign.nominationStartsAt) return "NOT_STARTED";
  return now < campaign.nominationEndsAt ? "NOMINATING" : "SCORING";
}

/** The department's own sections nominate at the 部机关 level, townships and county departments county-wide. */
export function levelOfUnit(type: UnitType): AwardLevel | null {
  if (type === "SECTION") return "DEPARTMENT";
  if (type === "TOWNSHIP" || type === "DEPARTMENT") return "COUNTY";
  return null;
}

/** Projects approved and not terminated may be nominated: approved, in progress or completed. */
export const NOMINABLE_STATES = PROJECT_MACHINE.group("approvedStanding");
