// 参考选题目录: the year's published topics, by category.
import { catalogueTitle } from "@/lib/topics/export";
import { CATEGORY_LABELS, SUGGESTION_CATEGORIES } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, FOCUS_LABELS, TIER_LABELS, TOPIC_UNITS_LABEL } from "@/lib/topics/rules";
import type { publishedCatalogue } from "@/lib/topics/queries";
import { formatDateTime } from "@/lib/time";
import { chineseNumber, issuerOf, type Block, type OfficialDoc } from "./model";

type Topic = Awaited<ReturnType<typeof publishedCatalogue>>[number];
export type CatalogueTopic = Pick<
  Topic,
  "id" | "code" | "title" | "description" | "category" | "focus" | "tier" | "claimMode" | "claimClosesAt" | "publishedAt"
> & {
  aspect: { name: string } | null;
  units: { unit: { name: string } }[];
};

export function catalogueDocument(county: string, year: number, topics: CatalogueTopic[]): OfficialDoc {
  const title = catalogueTitle(county, year);
  const issuedAt = topics.reduce<Date | null>(
    (latest, topic) => (topic.publishedAt && (!latest || topic.publishedAt > latest) ? topic.publishedAt : latest),
    null,
  );
  const groups = SUGGESTION_CATEGORIES.map((category) => ({ category, topics: topics.filter((topic) => topic.category === category) })).filter(
    (group) => group.topics.length > 0,
  );
  const blocks: Block[] =
    topics.length === 0
      ? [{ kind: "paragraph", text: `${year} 年度参考选题尚未发布。` }]
      : [
          {
            kind: "paragraph",
            text: `为推进全${county.slice(-1)}组织工作改革创新，现将${year}年度组织工作改革创新项目参考选题印发各乡镇党委、县直各部门党组织，请结合实际认领、投标或承接，按时申报创新项目。本目录共${topics.length}个选题。`,
          },
          ...groups.flatMap((group, groupIndex): Block[] => [
            { kind: "heading", text: `${chineseNumber(groupIndex + 1)}、${CATEGORY_LABELS[group.category]}（${group.topics.length}个）` },
            ...group.topics.map((topic, index): Block => {
              const meta = [
                `着眼领域：${FOCUS_LABELS[topic.focus]}`,
                `目标层次：${TIER_LABELS[topic.tier]}`,
                ...(topic.aspect ? [`方面：${topic.aspect.name}`] : []),
                `认领方式：${CLAIM_MODE_LABELS[topic.claimMode]}`,
                ...(topic.units.length > 0 ? [`${TOPIC_UNITS_LABEL[topic.claimMode]}：${topic.units.map((unit) => unit.unit.name).join("、")}`] : []),
                `认领截止：${formatDateTime(topic.claimClosesAt)}`,
              ].join("；");
              return { kind: "item", title: `${index + 1}. ${topic.title}（${topic.code}）`, paragraphs: [topic.description], meta };
            }),
          ]),
        ];
  return { type: "catalogue", id: String(year), issuer: issuerOf(county), title, label: title, date: issuedAt, fileName: title, blocks };
}
