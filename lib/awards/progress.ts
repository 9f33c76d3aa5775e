// Where one nomination stands, for its step bar: its own table (NOMINATION_MACHINE: 已推荐 / 已撤回) followed by
// the campaign's phases that the nomination goes through after the window closes (CAMPAIGN_MACHINE: 评审中 →
// 公示中 → 公示期满 → 已表彰). Who holds it now and the deadline the holder works to come from the same phase.
// Pure (issue 20 point 2).
import type { CampaignPhase } from "@/lib/awards/phase";
import { CAMPAIGN_MACHINE, NOMINATION_MACHINE, type NominationState } from "@/lib/awards/states";
import type { StepView } from "@/lib/states/machine";

/** The campaign phases a nomination passes through once made (the window's own phase is the nomination's step). */
const AFTER_NOMINATING = CAMPAIGN_MACHINE.steps.findIndex((step) => step.includes("SCORING"));

export function nominationProgress(state: NominationState, phase: CampaignPhase): StepView[] {
  const own = NOMINATION_MACHINE.progress(state);
  // A withdrawn nomination goes no further: its bar is its own step.
  if (state === "WITHDRAWN") return own;
  const campaign = CAMPAIGN_MACHINE.progress(phase);
  const past = campaign.slice(AFTER_NOMINATING).some((step) => step.status !== "todo");
  return [...own.map((step): StepView => (past ? { ...step, status: "done", tone: "green" } : step)), ...campaign.slice(AFTER_NOMINATING)];
}

export type Stage = { holder?: string; deadline?: { label: string; at: Date } };

/** Who acts on a nomination now, and by when. */
export function nominationStage(state: NominationState, phase: CampaignPhase, campaign: { nominationEndsAt: Date; announcementEndsAt: Date | null }): Stage {
  if (state === "WITHDRAWN") return {};
  if (phase === "NOT_STARTED" || phase === "NOMINATING") {
    return { holder: "推荐单位（推荐截止前可以撤回）", deadline: { label: "推荐截止", at: campaign.nominationEndsAt } };
  }
  const holder = CAMPAIGN_MACHINE.states[phase].holder;
  if (phase === "ANNOUNCED" && campaign.announcementEndsAt) return { holder, deadline: { label: "公示截止", at: campaign.announcementEndsAt } };
  return { holder };
}
