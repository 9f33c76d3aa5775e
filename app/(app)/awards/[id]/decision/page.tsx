import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { decidedAwards } from "@/lib/awards/queries";
import { decisionTitle } from "@/lib/awards/documents";
import { countyName } from "@/lib/topics/queries";
import { idSchema } from "@/lib/validation";
import { OfficialDocument } from "@/components/documents/official-document";
import { AwardList } from "@/components/awards/award-list";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "表彰决定" };

// The decision is the public outcome: every reader of awards sees all of it; only decided campaigns have one.
export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("awards.view");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const campaign = await decidedAwards(id.data);
  if (!campaign || !campaign.decidedAt) notFound();
  const county = await countyName();
  const year = campaign.year.year;
  const title = decisionTitle(county, year);
  const works = campaign.nominations.filter((n) => n.category === "WORK").length;
  const people = campaign.nominations.length - works;
  const own = seesWholeCounty(user.roles) ? [] : campaign.nominations.filter((n) => n.unitId === user.unitId);
  const shortCounty = county.slice(-1);
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <a href={`/awards/${campaign.id}/export`} className={buttonClass("secondary")}>
          下载 Excel 名单
        </a>
        {seesWholeCounty(user.roles) && (
          <Link href={`/awards/${campaign.id}/certificates`} className={buttonClass("secondary")}>
            荣誉证书
          </Link>
        )}
        {own.map((n) => (
          <Link key={n.id} href={`/awards/${campaign.id}/certificates/${n.id}`} className={buttonClass("secondary")}>
            本单位证书：{n.project?.title ?? n.personName}
          </Link>
        ))}
        <Link href={`/awards/${campaign.id}`} className={buttonClass("secondary")}>
          返回评比表彰
        </Link>
      </div>
      <OfficialDocument county={county} title={title} label={title} date={campaign.decidedAt} number={campaign.decisionNumber}>
        <p className="official-body indent-0">各乡镇党委，县直各部门党组（党委），部机关各科室：</p>
        <p className="official-body">
          {year}年，全{shortCounty}各级党组织和广大党务干部坚持问题导向，围绕干部工作、基层党建、人才工作和组织部门自身建设，积极探索组织工作改革创新，涌现出一批特色鲜明、成效明显的创新项目和勇于探索、敢于担当的先进个人。为树立鲜明导向，激励担当作为，经单位推荐、评委评审、综合排序和公示，部务会研究，决定对
          {works}项组织工作改革创新先进项目和{people}名创新性人才予以表彰。
        </p>
        <AwardList tiers={campaign.tiers} entries={campaign.nominations} />
        <p className="official-body mt-4">
          希望受表彰的先进集体和先进个人珍惜荣誉、戒骄戒躁，在新的起点上再接再厉、再创佳绩。全{shortCounty}各级党组织和广大党务干部要以先进为榜样，聚焦组织工作重点难点问题，大胆探索、务求实效，推动改革创新成果转化为制度机制，为全{shortCounty}组织工作高质量发展作出新的更大贡献。
        </p>
      </OfficialDocument>
    </div>
  );
}
