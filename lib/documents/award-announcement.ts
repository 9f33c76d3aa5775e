// 拟表彰对象公示: public, like its page (no account needed).
import { announcementTitle, lastDayOf } from "@/lib/awards/documents";
import { officialDate } from "@/lib/time";
import { awardListBlocks } from "./award-list";
import { issuerOf, type OfficialDoc } from "./model";

type Campaign = {
  id: string;
  announcedAt: Date;
  announcementEndsAt: Date;
  announcementDays: number;
  year: { year: number };
  tiers: Parameters<typeof awardListBlocks>[0];
  nominations: Parameters<typeof awardListBlocks>[1];
};

export function awardAnnouncementDocument(county: string, campaign: Campaign): OfficialDoc {
  const year = campaign.year.year;
  const title = announcementTitle(year);
  return {
    type: "award-announcement",
    id: campaign.id,
    issuer: issuerOf(county),
    title,
    label: title,
    date: campaign.announcedAt,
    fileName: title,
    blocks: [
      {
        kind: "paragraph",
        text: `根据${year}年度组织工作改革创新评比表彰工作安排，经单位推荐、评委评审、综合排序和部务会研究，拟对以下${campaign.nominations.length}个先进集体和先进个人予以表彰，现予以公示。`,
      },
      ...awardListBlocks(campaign.tiers, campaign.nominations),
      {
        kind: "paragraph",
        text: `公示期为 ${campaign.announcementDays} 个工作日，自${officialDate(campaign.announcedAt)}至${officialDate(lastDayOf(campaign.announcementEndsAt))}。`,
      },
      {
        kind: "paragraph",
        text: "公示期间，对公示对象有异议的，可通过本页“提出异议”栏目反映，也可来信来访向县委组织部反映。反映问题应实事求是、具体明确，并留下联系人和联系电话，以便调查核实和答复。",
      },
    ],
  };
}
