// 表彰决定: the public outcome of a decided campaign, for every reader of awards.
import { decisionTitle } from "@/lib/awards/documents";
import { awardListBlocks } from "./award-list";
import { issuerOf, type OfficialDoc } from "./model";

type Campaign = Parameters<typeof awardListBlocks>[0] extends infer T
  ? { id: string; decidedAt: Date | null; decisionNumber: string | null; year: { year: number }; tiers: T; nominations: Parameters<typeof awardListBlocks>[1] }
  : never;

export function awardDecisionDocument(county: string, campaign: Campaign): OfficialDoc {
  const year = campaign.year.year;
  const title = decisionTitle(county, year);
  const works = campaign.nominations.filter((n) => n.category === "WORK").length;
  const people = campaign.nominations.length - works;
  const short = county.slice(-1);
  return {
    type: "award-decision",
    id: campaign.id,
    issuer: issuerOf(county),
    number: campaign.decisionNumber,
    title,
    label: title,
    date: campaign.decidedAt,
    fileName: title,
    blocks: [
      { kind: "paragraph", indent: false, text: "各乡镇党委，县直各部门党组（党委），部机关各科室：" },
      {
        kind: "paragraph",
        text: `${year}年，全${short}各级党组织和广大党务干部坚持问题导向，围绕干部工作、基层党建、人才工作和组织部门自身建设，积极探索组织工作改革创新，涌现出一批特色鲜明、成效明显的创新项目和勇于探索、敢于担当的先进个人。为树立鲜明导向，激励担当作为，经单位推荐、评委评审、综合排序和公示，部务会研究，决定对${works}项组织工作改革创新先进项目和${people}名创新性人才予以表彰。`,
      },
      ...awardListBlocks(campaign.tiers, campaign.nominations),
      {
        kind: "paragraph",
        text: `希望受表彰的先进集体和先进个人珍惜荣誉、戒骄戒躁，在新的起点上再接再厉、再创佳绩。全${short}各级党组织和广大党务干部要以先进为榜样，聚焦组织工作重点难点问题，大胆探索、务求实效，推动改革创新成果转化为制度机制，为全${short}组织工作高质量发展作出新的更大贡献。`,
      },
    ],
  };
}
