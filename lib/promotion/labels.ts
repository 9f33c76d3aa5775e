// The words of promotion (推广): the three marks and which projects may carry one. Pure.
import { PromotionMark } from "@/lib/generated/prisma/enums";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export { PromotionMark };
export const MARK_LABELS: Record<PromotionMark, string> = { BRAND: "品牌", QUALITY: "精品", DEMONSTRATION: "示范" };
export const PROMOTION_MARKS = Object.values(PromotionMark) as PromotionMark[];

/** Only a project the 部务会 approved can be held up as an example; proposals and failures cannot. */
export const MARKABLE_STATES = PROJECT_MACHINE.group("approvedStanding");

export const CASES_PAGE_SIZE = 20;
export const ADOPTIONS_PAGE_SIZE = 30;
