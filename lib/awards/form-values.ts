// The campaign form's starting values: defaults for a new campaign, or a campaign's stored settings.
import type { Campaign, AwardTier } from "@/lib/generated/prisma/client";
import type { Criterion } from "@/lib/hearings/scoring";
import { toDateTimeLocal } from "@/lib/time";
import { DEFAULT_WEIGHTS, type Weights } from "@/lib/awards/ranking";
import { DEFAULT_CRITERIA, DEFAULT_TIERS } from "@/lib/awards/defaults";
import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";

export type CampaignValues = {
  year: number;
  title: string;
  nominationStartsAt: string;
  nominationEndsAt: string;
  workQuotaPerUnit: number;
  personQuotaPerUnit: number;
  criteria: Criterion[];
  weights: Weights;
  tiers: { category: AwardCategory; level: AwardLevel; name: string; quota: number | string }[];
  jurorIds: string[];
  announcementDays: number;
};

export function newCampaignValues(year: number, reviewerIds: string[], now = new Date()): CampaignValues {
  return {
    year,
    title: `${year}年度组织工作改革创新评比表彰`,
    nominationStartsAt: toDateTimeLocal(now),
    nominationEndsAt: toDateTimeLocal(new Date(now.getTime() + 14 * 86_400_000)),
    workQuotaPerUnit: 2,
    personQuotaPerUnit: 1,
    criteria: DEFAULT_CRITERIA,
    weights: DEFAULT_WEIGHTS,
    tiers: DEFAULT_TIERS,
    jurorIds: reviewerIds,
    announcementDays: 5,
  };
}

export function storedCampaignValues(campaign: Campaign & { year: { year: number }; tiers: AwardTier[]; jurors: { userId: string }[] }): CampaignValues {
  return {
    year: campaign.year.year,
    title: campaign.title,
    nominationStartsAt: toDateTimeLocal(campaign.nominationStartsAt),
    nominationEndsAt: toDateTimeLocal(campaign.nominationEndsAt),
    workQuotaPerUnit: campaign.workQuotaPerUnit,
    personQuotaPerUnit: campaign.personQuotaPerUnit,
    criteria: campaign.criteria as unknown as Criterion[],
    weights: campaign.weights as unknown as Weights,
    tiers: campaign.tiers.map(({ category, level, name, quota }) => ({ category, level, name, quota })),
    jurorIds: campaign.jurors.map((j) => j.userId),
    announcementDays: campaign.announcementDays,
  };
}
