import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getMeeting } from "@/lib/township-meetings/queries";
import { countyName } from "@/lib/topics/queries";
import { officialDate } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { OfficialDocument } from "@/components/documents/official-document";

export const metadata: Metadata = { title: "例会纪要" };

const NUMERALS = "一二三四五六七八九十";
/** 1 → 一, 12 → 十二, 23 → 二十三: the (一)(二) numbering of official documents. */
function chinese(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? NUMERALS[tens - 1] : ""}十${n % 10 ? NUMERALS[(n % 10) - 1] : ""}`;
}

export default async function TownshipMeetingMinutesPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("meetings.view");
  const meeting = await getMeeting((await params).id);
  if (!meeting) notFound();
  const county = await countyName();
  const day = officialDate(meeting.heldOn);
  const sections = [
    { heading: "各乡镇交流的做法", shares: true },
    ...(meeting.problems ? [{ heading: "查询的问题", text: meeting.problems }] : []),
    ...(meeting.followUps ? [{ heading: "跟进事项", text: meeting.followUps }] : []),
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印纪要" />
        <Link href={`/township-meetings/${meeting.id}`} className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      <OfficialDocument
        county={county}
        label="例会纪要"
        date={meeting.heldOn}
        title={
          <>
            {county}乡镇组织委员例会纪要
            <span className="mt-1 block text-[16px] font-normal">（{day}）</span>
          </>
        }
      >
        <p className="official-body">
          {day}，{meeting.host}在{meeting.place}主持召开乡镇组织委员例会。参会人员：{meeting.attendees}。会议通过多媒体演示、文稿交流、谈体会等方式，交流了各乡镇组织工作创新举措，查找问题，提出创新做法。现纪要如下。
        </p>
        {sections.map((section, index) => (
          <section key={section.heading}>
            <h2 className="official-heading">
              {chinese(index + 1)}、{section.heading}
            </h2>
            {"shares" in section
              ? meeting.shares.map((share, i) => (
                  <p key={share.id} className="official-body official-item">
                    （{chinese(i + 1)}）<span className="official-item-title">{share.unit.name}</span>：{share.practice}
                    {share.project && `（项目：“${share.project.title}”）`}
                  </p>
                ))
              : <p className="official-body">{section.text}</p>}
          </section>
        ))}
      </OfficialDocument>
    </div>
  );
}
