// Demo: a topic of this year open to individual cadres (个人投标), three bids by demo cadres, a defence scored by
// three reviewers, and the award to one of them, who leads the project (seed 003: “招投标”“发包”考出年轻干部).
import "server-only";
import { db } from "@/lib/db/client";
import { parseBusinessDateTime } from "@/lib/time";
import { rubricFor } from "@/lib/hearings/service";
import { createTopicRecord, publishCatalogueRecord } from "@/lib/topics/service";
import { arrangeDefenceRecord, awardPersonBidsRecord, closeDefenceRecord, scoreDefenceRecord, submitPersonBidRecord } from "@/lib/topics/person-bids";

const at = (value: string) => parseBusinessDateTime(value)!;

const BIDS = [
  {
    username: "staff2",
    approach: "以“实绩档案”为抓手，把年轻干部在重点工作一线的表现逐项记实，破解“凭印象识人”的问题。",
    steps: "1. 3月制定记实办法；2. 4—6月在两个乡镇试点；3. 7—9月全县推开；4. 10月总结评估。",
    expectedResults: "形成年轻干部实绩档案100份以上，为选拔使用提供量化依据。",
  },
  {
    username: "staff",
    approach: "建立“擂台比武”机制，组织年轻干部围绕基层治理难题公开答辩、现场比拼。",
    steps: "1. 3月征集难题清单；2. 4月组织报名；3. 5月、9月各举办一次擂台；4. 11月结果运用。",
    expectedResults: "每年发现一批想干事、能干事的年轻干部，擂台结果纳入年度考核。",
  },
  {
    username: "unit",
    approach: "在乡镇推行年轻干部“领题攻坚”，一人一题，限时破解村级集体经济薄弱问题。",
    steps: "1. 3月确定攻坚题目；2. 4—10月驻村攻坚，每月报告进展；3. 11月验收评比。",
    expectedResults: "全镇薄弱村集体经济收入全部达到5万元以上。",
  },
];

export async function seedPersonBids(year: number) {
  const yearRow = await db.year.findUniqueOrThrow({ where: { year } });
  const users = await db.user.findMany({
    where: { username: { in: ["staff", "admin", "reviewer", "reviewer3", "reviewer4", ...BIDS.map((b) => b.username)] } },
  });
  const user = (username: string) => users.find((u) => u.username === username)!;
  const by = (username: string, when: string) => {
    const u = user(username);
    return { actor: { id: u.id, username: u.username, name: u.name }, ip: null, now: at(when) };
  };
  const reviewers = ["reviewer", "reviewer3", "reviewer4"].map(user);
  await db.$transaction(
    async (tx) => {
      const topic = await createTopicRecord(
        tx,
        {
          yearId: yearRow.id,
          sourceIds: [],
          title: "年轻干部“考出来”选拔机制探索",
          description: "通过招投标方式，把优秀的、想干事、能干事、有潜质的年轻干部考出来。面向部机关干部和各单位干部个人投标，中标人牵头实施，答辩择优确定。",
          category: "CADRE",
          aspectId: null,
          focus: "KEY",
          tier: "INNOVATION",
          claimMode: "BIDDING",
          claimClosesAt: at(`${year}-02-28 17:30`),
          unitIds: [],
          openToPersons: true,
        },
        by("staff", `${year}-02-01 09:00`),
      );
      await publishCatalogueRecord(tx, { yearId: yearRow.id, expected: 1 }, by("admin", `${year}-02-02 09:00`));
      const bids = [];
      for (const [index, bid] of BIDS.entries()) {
        const bidder = user(bid.username);
        bids.push(
          await submitPersonBidRecord(
            tx,
            { topicId: topic.id, approach: bid.approach, steps: bid.steps, expectedResults: bid.expectedResults },
            bidder,
            by(bid.username, `${year}-02-${String(10 + index * 3).padStart(2, "0")} 15:00`),
          ),
        );
      }
      await arrangeDefenceRecord(
        tx,
        { topicId: topic.id, heldAt: at(`${year}-03-05 09:00`), place: "县委组织部三楼会议室", reviewerIds: reviewers.map((r) => r.id) },
        by("admin", `${year}-03-01 10:00`),
      );
      const { criteria: rubric } = await rubricFor(tx, yearRow.id);
      // The first bidder defends best, the third least well; each reviewer a little differently.
      for (const [b, bid] of bids.entries()) {
        for (const [r, reviewer] of reviewers.entries()) {
          const share = [0.9, 0.8, 0.7][b] - r * 0.03;
          const values = Object.fromEntries(rubric.map((c) => [c.key, Math.round(c.max * share * 10) / 10]));
          await scoreDefenceRecord(tx, { bidId: bid.id, values, comment: null }, reviewer.id, by(reviewer.username, `${year}-03-05 11:00`));
        }
      }
      await closeDefenceRecord(tx, { topicId: topic.id, version: 0 }, by("admin", `${year}-03-05 12:00`));
      const current = await tx.topic.findUniqueOrThrow({ where: { id: topic.id } });
      await awardPersonBidsRecord(
        tx,
        {
          topicId: topic.id,
          version: current.version,
          decisions: bids.map((bid, index) => ({
            bidId: bid.id,
            awarded: index === 0,
            reason: index === 0 ? "答辩第一名，思路清楚，步骤可行。" : "答辩排名靠后，建议在本单位工作中继续探索。",
          })),
        },
        by("admin", `${year}-03-06 10:00`),
      );
    },
    { timeout: 120_000 },
  );
}
