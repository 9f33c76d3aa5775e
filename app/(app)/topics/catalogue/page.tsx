import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { countyName, publishedCatalogue } from "@/lib/topics/queries";
import { catalogueTitle } from "@/lib/topics/export";
import { CATEGORY_LABELS, SUGGESTION_CATEGORIES } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, FOCUS_LABELS, TIER_LABELS, TOPIC_UNITS_LABEL } from "@/lib/topics/rules";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { z } from "@/lib/validation";
import { PrintButton } from "@/components/ui/print-button";
import { OfficialDocument } from "@/components/documents/official-document";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "参考选题目录" };

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六"];


export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("topics.view");
  const asked = z.coerce.number().int().optional().catch(undefined).parse((await searchParams).year);
  const { year } = await yearChoice(asked);
  if (!year) return <p>尚未设置年度。</p>;
  const [county, topics] = await Promise.all([countyName(), publishedCatalogue(year.id)]);
  const title = catalogueTitle(county, year.year);
  const issuedAt = topics.reduce<Date | null>((latest, topic) => (topic.publishedAt && (!latest || topic.publishedAt > latest) ? topic.publishedAt : latest), null);
  const groups = SUGGESTION_CATEGORIES.map((category) => ({ category, topics: topics.filter((topic) => topic.category === category) })).filter((group) => group.topics.length > 0);
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <a href={`/topics/export?year=${year.year}`} className={buttonClass("secondary")}>
          下载 Excel
        </a>
        <Link href={`/topics?year=${year.year}`} className={buttonClass("secondary")}>
          返回选题列表
        </Link>
      </div>
      <OfficialDocument county={county} title={title} label={title} date={issuedAt}>
        {topics.length === 0 ? (
          <p className="official-body">{year.year} 年度参考选题尚未发布。</p>
        ) : (
          <>
            <p className="official-body">
              为推进全{county.slice(-1)}组织工作改革创新，现将{year.year}年度组织工作改革创新项目参考选题印发各乡镇党委、县直各部门党组织，请结合实际认领、投标或承接，按时申报创新项目。本目录共{topics.length}个选题。
            </p>
            {groups.map((group, groupIndex) => (
              <section key={group.category}>
                <h2 className="official-heading">
                  {CHINESE_ORDINALS[groupIndex]}、{CATEGORY_LABELS[group.category]}（{group.topics.length}个）
                </h2>
                <ol>
                  {group.topics.map((topic, index) => (
                    <li key={topic.id} className="official-item">
                      <h3 className="official-item-title">
                        {index + 1}. {topic.title}（{topic.code}）
                      </h3>
                      <p className="official-body">{topic.description}</p>
                      <p className="official-meta">
                        着眼领域：{FOCUS_LABELS[topic.focus]}；目标层次：{TIER_LABELS[topic.tier]}
                        {topic.aspect && `；方面：${topic.aspect.name}`}；认领方式：{CLAIM_MODE_LABELS[topic.claimMode]}
                        {topic.units.length > 0 && `；${TOPIC_UNITS_LABEL[topic.claimMode]}：${topic.units.map((unit) => unit.unit.name).join("、")}`}；认领截止：
                        {formatDateTime(topic.claimClosesAt)}
                      </p>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </>
        )}
      </OfficialDocument>
    </div>
  );
}
