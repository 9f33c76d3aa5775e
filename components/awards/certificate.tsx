import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { certificateText } from "@/lib/awards/documents";
import { officialDate } from "@/lib/time";

type Awardee = {
  category: AwardCategory;
  level: AwardLevel;
  personName: string | null;
  personTitle: string | null;
  unit: { name: string };
  project: { title: string } | null;
};

/** One 荣誉证书, sized for an A4 landscape sheet (see .certificate in globals.css). */
export function Certificate({
  entry,
  tierName,
  year,
  county,
  date,
  label,
}: {
  entry: Awardee;
  tierName: string;
  year: number;
  county: string;
  date: Date;
  label: string;
}) {
  const text = certificateText(entry, tierName, year);
  return (
    <article className="certificate" aria-label={label}>
      <div className="certificate-frame">
        <h1 className="certificate-title">荣誉证书</h1>
        <p className="certificate-to">{text.to}</p>
        <p className="certificate-body">{text.body}</p>
        <p className="certificate-body">特发此证，以资鼓励。</p>
        <footer className="certificate-footer">
          <p>中共{county}委组织部</p>
          <p>{officialDate(date)}</p>
        </footer>
      </div>
    </article>
  );
}
