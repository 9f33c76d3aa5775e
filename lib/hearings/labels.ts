// The words of hearings and decisions. Pure.
import { HearingKind, HearingLevel, RankAggregate, Verdict } from "@/lib/generated/prisma/enums";

export { HearingKind, HearingLevel, RankAggregate, Verdict };

export const HEARING_KIND_LABELS: Record<HearingKind, string> = { HEARING: "听证会", FORUM: "座谈会" };
export const HEARING_LEVEL_LABELS: Record<HearingLevel, string> = { SECTION: "科室", DEPARTMENT: "部务", COUNTY: "县级" };
/** The aggregate that ranks the year's hearing results (chosen with the rubric). */
export const RANK_AGGREGATE_LABELS: Record<RankAggregate, string> = { TRIMMED_MEAN: "去极值平均分", NORMALIZED_MEAN: "标准化平均分" };
export const VERDICT_LABELS: Record<Verdict, string> = { APPROVE: "立项", REVISE: "修改后再审", REJECT: "不予立项" };
/** The title of the notice a unit receives for each decision. */
export const NOTICE_TITLES: Record<Verdict, string> = { APPROVE: "立项通知", REVISE: "修改意见通知", REJECT: "不予立项通知" };
