// 乡镇组织委员例会纪要.
import { officialDate } from "@/lib/time";
import { chineseNumber, issuerOf, type Block, type OfficialDoc } from "./model";

type Meeting = {
  id: string;
  heldOn: Date;
  host: string;
  place: string;
  attendees: string;
  problems: string | null;
  followUps: string | null;
  shares: { practice: string; unit: { name: string }; project: { title: string } | null }[];
};

export function townshipMinutesDocument(county: string, meeting: Meeting): OfficialDoc {
  const day = officialDate(meeting.heldOn);
  const sections: { heading: string; blocks: Block[] }[] = [
    {
      heading: "各乡镇交流的做法",
      blocks: meeting.shares.map((share, i) => ({
        kind: "item",
        title: `（${chineseNumber(i + 1)}）${share.unit.name}`,
        paragraphs: [`${share.practice}${share.project ? `（项目：“${share.project.title}”）` : ""}`],
      })),
    },
    ...(meeting.problems ? [{ heading: "查询的问题", blocks: [{ kind: "paragraph", text: meeting.problems } as Block] }] : []),
    ...(meeting.followUps ? [{ heading: "跟进事项", blocks: [{ kind: "paragraph", text: meeting.followUps } as Block] }] : []),
  ];
  const title = `${county}乡镇组织委员例会纪要`;
  return {
    type: "township-minutes",
    id: meeting.id,
    issuer: issuerOf(county),
    title,
    subtitle: `（${day}）`,
    label: "例会纪要",
    date: meeting.heldOn,
    fileName: `${title}（${day}）`,
    blocks: [
      {
        kind: "paragraph",
        text: `${day}，${meeting.host}在${meeting.place}主持召开乡镇组织委员例会。参会人员：${meeting.attendees}。会议通过多媒体演示、文稿交流、谈体会等方式，交流了各乡镇组织工作创新举措，查找问题，提出创新做法。现纪要如下。`,
      },
      ...sections.flatMap((section, index): Block[] => [{ kind: "heading", text: `${chineseNumber(index + 1)}、${section.heading}` }, ...section.blocks]),
    ],
  };
}
