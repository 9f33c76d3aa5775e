// Demo catalogue: about 30 topics a year, drawn from the practices named in the seeds, with claims.
import "server-only";
import type { Faker } from "@faker-js/faker";
import { db } from "@/lib/db/client";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import type { ClaimMode, SuggestionCategory, TopicFocus, TopicTier } from "@/lib/generated/prisma/enums";
import { createTopicRecord, publishCatalogueRecord } from "@/lib/topics/service";
import { answerAssignmentRecord, awardBidsRecord, submitBidRecord, takeTopicRecord } from "@/lib/topics/claims";

type Spec = [SuggestionCategory, TopicFocus, TopicTier, ClaimMode, string, string];

const SPECS: Spec[] = [
  [
    "PARTY_BUILDING",
    "KEY",
    "FEATURE",
    "OPEN",
    "一村一名入党积极分子计划",
    "每村每年重点培养一名 35 岁以下、有致富技能的青年入党积极分子，建立培养台账，解决农村党员老化、后继乏人的问题。",
  ],
  [
    "PARTY_BUILDING",
    "DIFFICULT",
    "KEY_WORK",
    "OPEN",
    "无职党员设岗定责",
    "为农村和社区无职党员设立政策宣传、矛盾调解、环境卫生等岗位，明确职责，年底评议，让每名党员有事干、有责任。",
  ],
  [
    "PARTY_BUILDING",
    "KEY",
    "INNOVATION",
    "BIDDING",
    "“一委两制三服务”乡镇党委工作机制",
    "探索乡镇党委统筹、两项制度保障、三类服务落地的工作机制，提高乡镇党委服务发展、服务群众、服务党员的能力。",
  ],
  [
    "PARTY_BUILDING",
    "HOT",
    "FEATURE",
    "OPEN",
    "流动党员党组织建设",
    "在外出务工人员集中地建立流动党员党支部，依托网络平台开展组织生活，做到流动党员离乡不离党。",
  ],
  ["PARTY_BUILDING", "KEY", "ROUTINE", "OPEN", "党员服务承诺制", "党员结合岗位公开承诺服务事项，承诺上墙、群众监督、年底评议，推动党员作用发挥常态化。"],
  [
    "PARTY_BUILDING",
    "HOT",
    "INNOVATION",
    "BIDDING",
    "“三级四方”城市社区共建",
    "街道、社区、网格三级联动，驻区单位、物业企业、业主委员会、社会组织四方参与，共建共治共享。",
  ],
  [
    "PARTY_BUILDING",
    "DIFFICULT",
    "KEY_WORK",
    "ASSIGNED",
    "村级组织“五有两保”规范化建设",
    "推动村级组织有场所、有牌子、有制度、有经费、有活动，保运转、保服务，补齐薄弱村短板。",
  ],
  ["PARTY_BUILDING", "KEY", "ROUTINE", "OPEN", "农村党员“一册一线”管理", "统一党员名册和联系服务热线，规范党员信息管理，方便乡镇汇总和动态更新。"],
  ["PARTY_BUILDING", "HOT", "FEATURE", "OPEN", "“两新”组织党建全覆盖", "在非公有制企业和社会组织中推行联合党支部、党建指导员，扩大组织覆盖和工作覆盖。"],
  [
    "PARTY_BUILDING",
    "DIFFICULT",
    "KEY_WORK",
    "BIDDING",
    "软弱涣散村党组织整顿转化",
    "对排查出的软弱涣散村党组织实行县级领导包抓、部门帮扶、限期转化，建立长效机制。",
  ],
  ["PARTY_BUILDING", "KEY", "FEATURE", "OPEN", "村级集体经济“党支部+合作社”", "以村党支部领办合作社为抓手，发展壮大村级集体经济，带动群众增收。"],
  ["PARTY_BUILDING", "HOT", "INNOVATION", "OPEN", "党员积分制管理", "对党员参加组织生活、履行义务、服务群众等情况积分量化，积分结果与评先评优挂钩。"],
  [
    "CADRE",
    "KEY",
    "KEY_WORK",
    "OPEN",
    "“双定双评双述”村干部考评",
    "村干部年初定目标、定责任，年底乡镇评、群众评，向乡镇党委和村民代表双述职，考评结果与报酬挂钩。",
  ],
  [
    "CADRE",
    "DIFFICULT",
    "INNOVATION",
    "BIDDING",
    "干部考核群众满意度测评",
    "在干部年度考核中引入服务对象满意度测评，测评结果向本人反馈，破解考核“只看材料”的问题。",
  ],
  ["CADRE", "KEY", "FEATURE", "ASSIGNED", "年轻干部一线轮岗锻炼", "选派年轻干部到信访、征地拆迁、项目建设等一线岗位轮岗锻炼，在急难险重任务中识别和培养干部。"],
  ["CADRE", "HOT", "ROUTINE", "OPEN", "干部选拔任用全程纪实", "对动议、推荐、考察、讨论决定等环节全程记录、留痕可查，提高选人用人公信度。"],
  ["CADRE", "DIFFICULT", "KEY_WORK", "OPEN", "新提拔干部试用期满考核", "对新提拔干部实行一年试用期，期满综合考核，不胜任的及时调整。"],
  ["CADRE", "KEY", "ROUTINE", "OPEN", "“组工讲坛”干部教育培训", "每周固定时间由科室负责人轮流专题讲授组织工作业务，定期闭卷考试，提升组工干部业务能力。"],
  ["CADRE", "HOT", "INNOVATION", "BIDDING", "干部实绩档案与大数据分析", "建立干部实绩电子档案，归集考核、督查、信访等数据，为精准识别干部提供依据。"],
  ["CADRE", "DIFFICULT", "FEATURE", "OPEN", "容错纠错机制", "明确容错情形和认定程序，对改革创新中出现失误的干部依规容错，激励干部担当作为。"],
  ["CADRE", "KEY", "KEY_WORK", "ASSIGNED", "领导班子运行情况分析研判", "每半年对乡镇和部门领导班子运行情况开展一次分析研判，形成研判报告和调整建议。"],
  ["TALENT", "KEY", "FEATURE", "OPEN", "乡土人才库建设", "对种养能手、能工巧匠、非遗传承人分类登记入库，给予培训、项目和资金扶持。"],
  [
    "TALENT",
    "DIFFICULT",
    "KEY_WORK",
    "BIDDING",
    "大学生村干部留任激励",
    "在职称评定、待遇保障、晋升通道上对服务期满的大学生村干部给予倾斜，解决人才流失问题。",
  ],
  ["TALENT", "HOT", "INNOVATION", "OPEN", "“创新性人才”评选表彰", "每年评选一批在组织工作改革创新中表现突出的创新性人才，在全县宣传推广。"],
  ["TALENT", "KEY", "ROUTINE", "OPEN", "人才服务“一站式”窗口", "在政务服务中心设立人才服务窗口，集中办理落户、子女入学、住房补贴等事项。"],
  ["TALENT", "HOT", "FEATURE", "ASSIGNED", "校企合作人才实训基地", "与县内骨干企业合作建立实训基地，订单式培养本地技术骨干和产业工人。"],
  ["TALENT", "DIFFICULT", "KEY_WORK", "OPEN", "返乡创业人才“领头雁”培育", "从返乡创业人员中选树一批带富能力强的“领头雁”，纳入村级后备干部培养。"],
  ["TALENT", "KEY", "INNOVATION", "BIDDING", "柔性引才“周末专家”", "通过项目合作、技术咨询等方式柔性引进县外专家，周末到县开展技术指导。"],
  ["SELF_BUILDING", "HOT", "ROUTINE", "OPEN", "部长信箱和组工网站", "开通部长信箱和组工网站，常态化收集群众意见建议，限时答复。"],
  ["SELF_BUILDING", "KEY", "FEATURE", "OPEN", "改革创新文化走廊", "在部机关建设以改革创新为主题的文化走廊，展示创新成果，营造鼓励创新的氛围。"],
  [
    "SELF_BUILDING",
    "DIFFICULT",
    "KEY_WORK",
    "OPEN",
    "“读讲干写考评”六步学习法",
    "以读书、宣讲、实践、写作、考试、评比六个环节提升组工干部综合素质，特别是写作能力。",
  ],
  [
    "SELF_BUILDING",
    "KEY",
    "INNOVATION",
    "BIDDING",
    "创新工作“风险零承担、责任零追究”承诺",
    "对按程序开展的创新性工作实行风险零承担、责任零追究，消除干部怕担责的顾虑。",
  ],
  ["SELF_BUILDING", "HOT", "KEY_WORK", "ASSIGNED", "季度督查调研制度", "每季度由督查组对创新项目开展专题督查调研，撰写调研报告，通报进展，督促整改。"],
  ["SELF_BUILDING", "KEY", "ROUTINE", "OPEN", "乡镇组织委员例会制度", "每月召开一次乡镇组织委员例会，交流创新做法，分析存在问题，部署下月工作。"],
  ["SELF_BUILDING", "DIFFICULT", "FEATURE", "OPEN", "创新项目联系点制度", "每名组工干部联系一至两个创新项目，定期指导，记录指导情况，帮助解决困难。"],
  ["PARTY_BUILDING", "HOT", "KEY_WORK", "OPEN", "党员志愿服务队", "组建政策宣传、技术服务、邻里互助等党员志愿服务队，定期开展志愿服务。"],
  ["PARTY_BUILDING", "KEY", "INNOVATION", "BIDDING", "智慧党建平台", "建设集党员管理、组织生活、学习教育、服务群众于一体的智慧党建平台。"],
  ["CADRE", "HOT", "KEY_WORK", "OPEN", "干部下基层“四访”活动", "组织机关干部走访困难群众、老党员、致富能手和信访户，帮助解决实际问题。"],
  ["TALENT", "KEY", "FEATURE", "OPEN", "“银龄人才”发挥作用", "组织退休干部、教师、医生等银龄人才参与基层治理和公益服务。"],
  ["SELF_BUILDING", "HOT", "INNOVATION", "OPEN", "组工干部“三述三评”", "组工干部年度述学、述职、述廉，接受机关内外评议，结果纳入考核。"],
  ["PARTY_BUILDING", "DIFFICULT", "ROUTINE", "OPEN", "村务监督委员会规范运行", "规范村务监督委员会的产生、职责和运行程序，加强对村级权力运行的监督。"],
  ["CADRE", "KEY", "FEATURE", "OPEN", "优秀村党组织书记专项招录", "从优秀村党组织书记中定向招录乡镇公务员和事业编制人员，拓宽村干部上升通道。"],
];

const at = (value: string) => parseBusinessDateTime(value)!;

/** One year's catalogue, drafted in January, published, claimed in February and awarded in March. */
async function seedYear(faker: Faker, year: number, specs: Spec[], actors: { staff: Actor; admin: Actor }) {
  const yearRow = await db.year.findUniqueOrThrow({ where: { year } });
  const units = await db.unit.findMany({ where: { type: { in: ["TOWNSHIP", "DEPARTMENT"] }, active: true }, select: { id: true, name: true } });
  const unitUsers = new Map(
    (await db.user.findMany({ where: { roles: { has: "UNIT_USER" } }, select: { id: true, username: true, name: true, unitId: true } })).map((user) => [
      user.unitId,
      user,
    ]),
  );
  const suggestions = await db.suggestion.findMany({ where: { yearId: yearRow.id }, select: { id: true, category: true }, orderBy: { createdAt: "asc" } });
  const closes = at(`${year}-02-28 23:59`);
  const featured = units.find((unit) => unit.name === "青石镇")!;

  const topics = await db.$transaction(
    async (tx) => {
      const created = [];
      for (const [index, [category, focus, tier, claimMode, title, description]] of specs.entries()) {
        const assigned = claimMode === "ASSIGNED" ? [index % 2 === 0 ? featured : faker.helpers.arrayElement(units), faker.helpers.arrayElement(units)] : [];
        const suggestedUnits = claimMode === "OPEN" && index % 3 === 0 ? faker.helpers.arrayElements(units, 2) : [];
        const sources =
          index % 4 === 0
            ? faker.helpers
                .arrayElements(
                  suggestions.filter((s) => s.category === category),
                  2,
                )
                .map((s) => s.id)
            : [];
        const topic = await createTopicRecord(
          tx,
          {
            yearId: yearRow.id,
            sourceIds: sources,
            title,
            description,
            category,
            aspectId: null,
            focus,
            tier,
            claimMode,
            claimClosesAt: closes,
            unitIds: [...new Set([...assigned, ...suggestedUnits].map((u) => u.id))],
          },
          { ...actors.staff, now: at(`${year}-01-${String(10 + (index % 15)).padStart(2, "0")} 10:00`) },
        );
        created.push({ topic, assigned });
      }
      await publishCatalogueRecord(tx, { yearId: yearRow.id, expected: specs.length }, { ...actors.admin, now: at(`${year}-02-01 09:00`) });
      return created;
    },
    { timeout: 120_000 },
  );

  await db.$transaction(
    async (tx) => {
      for (const { topic, assigned } of topics) {
        const by = (unitId: string, day: number) => {
          const user = unitUsers.get(unitId)!;
          return { actor: { id: user.id, username: user.username, name: user.name }, ip: null, now: at(`${year}-02-${String(day).padStart(2, "0")} 15:00`) };
        };
        if (topic.claimMode === "OPEN") {
          for (const unit of faker.helpers.arrayElements(units, faker.number.int({ min: 0, max: 3 }))) {
            await takeTopicRecord(tx, { topicId: topic.id, note: null }, unit.id, by(unit.id, 5 + faker.number.int(20)));
          }
        } else if (topic.claimMode === "BIDDING") {
          const bidders = faker.helpers.arrayElements(units, faker.number.int({ min: 2, max: 3 }));
          for (const unit of bidders) {
            await submitBidRecord(
              tx,
              {
                topicId: topic.id,
                approach: `${unit.name}结合本地实际，围绕“${topic.title}”先行试点、逐步推开：摸清底数，制定方案，建立制度，年底总结。`,
                people: `由${unit.name}党组织书记牵头，分管领导具体负责，抽调 3 名业务骨干组成工作专班。`,
                timeline: "3 月制定方案；4—6 月试点；7—10 月全面推开；11 月总结评估。",
              },
              unit.id,
              by(unit.id, 5 + faker.number.int(20)),
            );
          }
          const claims = await tx.topicClaim.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
          const fresh = await tx.topic.findUniqueOrThrow({ where: { id: topic.id } });
          await awardBidsRecord(
            tx,
            {
              topicId: topic.id,
              version: fresh.version,
              decisions: claims.map((claim, i) => ({
                claimId: claim.id,
                awarded: i === 0,
                reason: i === 0 ? "方案思路清晰、措施具体，人员和时间安排有保障。" : "方案与本单位实际结合不够紧密，建议参与其他选题。",
              })),
            },
            { ...actors.admin, now: at(`${year}-03-05 10:00`) },
          );
        } else {
          for (const [i, unit] of [...new Set(assigned)].entries()) {
            const accept = i === 0 || faker.number.int(3) > 0;
            await answerAssignmentRecord(
              tx,
              { topicId: topic.id, accept, note: accept ? null : "本单位今年承担的重点任务较多，力量不足，建议改由其他单位承担。" },
              unit.id,
              by(unit.id, 10 + i),
            );
          }
        }
      }
    },
    { timeout: 120_000 },
  );
}

type Actor = { actor: { id: string; username: string; name: string }; ip: null };

async function actorOf(username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return { actor: { id: user.id, username: user.username, name: user.name }, ip: null };
}

/**
 * Last year's and this year's catalogues (closed), plus a supplementary batch of this year still open
 * for claims, so that units have something to take up, bid for and answer in the demo.
 */
export async function seedTopics(faker: Faker, previousYear: number, currentYear: number) {
  const actors = { staff: await actorOf("staff"), admin: await actorOf("admin") };
  await seedYear(faker, previousYear, SPECS.slice(0, 30), actors);
  await seedYear(faker, currentYear, SPECS.slice(8, 38), actors);

  const yearRow = await db.year.findUniqueOrThrow({ where: { year: currentYear } });
  const featured = await db.unit.findFirstOrThrow({ where: { name: "青石镇" } });
  // Thirty days from today, at the end of the Beijing working day.
  const closes = at(`${formatDate(new Date(Date.now() + 30 * 24 * 3600 * 1000))} 17:30`);
  await db.$transaction(async (tx) => {
    const extra = SPECS.slice(38);
    const modes: ClaimMode[] = ["OPEN", "BIDDING", "ASSIGNED", "OPEN"];
    for (const [index, [category, focus, tier, , title, description]] of extra.entries()) {
      await createTopicRecord(
        tx,
        {
          yearId: yearRow.id,
          sourceIds: [],
          title,
          description,
          category,
          aspectId: null,
          focus,
          tier,
          claimMode: modes[index],
          claimClosesAt: closes,
          unitIds: modes[index] === "ASSIGNED" ? [featured.id] : [],
        },
        actors.staff,
      );
    }
    await publishCatalogueRecord(tx, { yearId: yearRow.id, expected: extra.length }, actors.admin);
  });
}
