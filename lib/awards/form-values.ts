// The campaign form's starting values: defaults for a new campaign, or a campaign's stored settings.
import type { Campaign, AwardTier } from "@/lib/generated/prisma/client";
import type { Criterion } from "@/lib/hearings/scoring";
import { endOfBusinessDay, formatDate, startOfBusinessDay, toDateTimeLocal } from "@/lib/time";
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

/** Days a new campaign's nominations run when the year has no 评比表彰推荐 window. */
export const DEFAULT_NOMINATION_DAYS = 14;

type NominationWindow = { startsAt: Date | null; endsAt: Date } | null | undefined;

/**
 * A new campaign's nomination period: the year's 评比表彰推荐 window when it has one (saving the campaign writes the
 * window, decision 0046, so starting from anything else would silently move the year's deadline), otherwise whole
 * Beijing days: from 00:00 today to 23:59 of the 14th day after (decision 0087).
 */
export function defaultNominationPeriod(window: NominationWindow, now = new Date()): { startsAt: Date; endsAt: Date } {
  const today = formatDate(now);
  const startsAt = window?.startsAt ?? startOfBusinessDay(today)!;
  if (window) return { startsAt, endsAt: window.endsAt };
  return { startsAt, endsAt: endOfDay(formatDate(new Date(now.getTime() + DEFAULT_NOMINATION_DAYS * 86_400_000))) };
}

/** 23:59 Beijing time of that day: the minute a deadline typed as a date closes. */
export function endOfDay(isoDate: string): Date {
  return new Date(endOfBusinessDay(isoDate)!.getTime() - 60_000);
}

export function newCampaignValues(year: number, reviewerIds: string[], window: NominationWindow = null, now = new Date()): CampaignValues {
  const period = defaultNominationPeriod(window, now);
  return {
    year,
    title: `${year}年度组织工作改革创新评比表彰`,
    nominationStartsAt: toDateTimeLocal(period.startsAt),
    nominationEndsAt: toDateTimeLocal(period.endsAt),
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
