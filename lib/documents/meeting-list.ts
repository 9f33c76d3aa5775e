// 部务会审定结果: the meeting's decisions as one table.
import { VERDICT_LABELS } from "@/lib/hearings/labels";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";
import { issuerOf, type OfficialDoc } from "./model";

type Meeting = {
  id: string;
  number: string;
  heldAt: Date;
  attendees: string;
  year: { year: number };
  decisions: { verdict: Verdict; opinion: string; project: { id: string; title: string; unit: { name: string } } }[];
};

export function meetingListDocument(county: string, meeting: Meeting): OfficialDoc {
  const title = `部务会（${meeting.number}）创新项目审定结果`;
  return {
    type: "meeting-list",
    id: meeting.id,
    issuer: issuerOf(county),
    title,
    label: "部务会审定结果",
    date: meeting.heldAt,
    fileName: title,
    blocks: [
      {
        kind: "paragraph",
        text: `${formatDateTime(meeting.heldAt)}，部务会对${meeting.year.year}年度组织工作改革创新申报项目进行了审定。参会人员：${meeting.attendees}。`,
      },
      {
        kind: "table",
        label: "审定结果",
        columns: ["序号", "项目名称", "申报单位", "审定结果", "审定意见"],
        center: [0, 3],
        rows: meeting.decisions.map((d, i) => [
          String(i + 1),
          { text: d.project.title, href: `/projects/${d.project.id}` },
          d.project.unit.name,
          VERDICT_LABELS[d.verdict],
          d.opinion,
        ]),
        empty: "尚未记录审定结果",
      },
    ],
  };
}
