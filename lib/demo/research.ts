// Demo: a plausible year of 调查研究课题 (seed 004: "用心选好了15项调查研究课题"), made through the module's services:
// fifteen topics over the four default areas, led by the sections' cadres; most researched, reported, closed by
// the section head and marked by the county leader, a few still being researched or just set. The journeys make
// their own topics (tests/e2e/research.spec.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { parseBusinessDateTime } from "@/lib/time";
import { createTopicRecord, markProposalRecord, reviewTopicRecord, saveReportRecord, startTopicRecord, submitReportRecord } from "@/lib/research/service";
import type { ProposalMark } from "@/lib/generated/prisma/enums";

const at = (text: string) => parseBusinessDateTime(text)!;

type Spec = { title: string; area: string; question: string; problems: string; analysis: string; proposals: string[] };

const TOPICS: Spec[] = [
  {
    title: "科级干部选拔任用工作满意度调查",
    area: "research_area_cadres",
    question: "干部群众对近两年科级干部选任工作的认可度如何，哪些环节意见集中？",
    problems: "民主推荐环节参与面偏窄，部分单位推荐对象“论资排辈”。\n考察谈话了解情况不够深入，个别考察材料千人一面。",
    analysis: "推荐范围由各单位自定，缺少统一规范；考察组成员多为临时抽调，考察方法单一。",
    proposals: ["制定民主推荐参与人员范围的统一规定", "推行差异化考察谈话提纲", "建立考察材料质量评估和反馈制度"],
  },
  {
    title: "年轻干部成长路径研究",
    area: "research_area_cadres",
    question: "35岁以下年轻干部在成长中遇到哪些制约，如何加快培养？",
    problems: "年轻干部基层一线历练不足，岗位交流渠道不畅。",
    analysis: "部门之间交流壁垒较多，缺少系统的跟踪培养机制。",
    proposals: ["建立优秀年轻干部库并动态调整", "每年选派年轻干部到乡镇和信访、招商一线挂职", "实行年轻干部成长导师制"],
  },
  {
    title: "干部容错纠错机制落实情况调研",
    area: "research_area_cadres",
    question: "容错纠错机制为何“好制度难落地”？",
    problems: "干部对容错情形不清楚，申请容错的案例极少。",
    analysis: "容错认定程序繁琐，部门之间责任边界不清，干部顾虑较多。",
    proposals: ["编印容错纠错典型案例汇编", "简化容错认定程序，明确办理时限"],
  },
  {
    title: "软弱涣散村党组织整顿成效研究",
    area: "research_area_grassroots",
    question: "整顿后的村党组织如何防止“反弹”？",
    problems: "部分村整顿后班子战斗力提升不明显，集体经济仍然薄弱。",
    analysis: "整顿重形式、轻长效，驻村帮扶力量撤出后缺少持续跟踪。",
    proposals: ["建立整顿村“回头看”制度", "整顿村与强村结对共建", "将集体经济增收纳入整顿验收标准"],
  },
  {
    title: "“两新”组织党建覆盖质量调研",
    area: "research_area_grassroots",
    question: "非公企业和社会组织党组织“建而不活”的原因是什么？",
    problems: "部分企业党组织活动流于形式，党建与生产经营“两张皮”。",
    analysis: "党建指导员力量不足，出资人对党建认识不到位。",
    proposals: ["选派专职党建指导员联系规模以上企业", "开展“党建强、发展强”示范企业创建"],
  },
  {
    title: "社区党组织服务群众能力研究",
    area: "research_area_grassroots",
    question: "城市社区党组织如何更好地联系服务群众？",
    problems: "社区工作者事务性负担重，联系群众时间少。",
    analysis: "职能部门将工作下沉社区但资源未随之下沉。",
    proposals: ["清理规范社区承担的工作事项", "推行在职党员到社区报到服务积分管理", "建设小区党支部和楼栋党小组"],
  },
  {
    title: "流动党员教育管理调研",
    area: "research_area_grassroots",
    question: "外出务工党员如何做到“离乡不离党”？",
    problems: "流出党员底数不清，部分党员长期不参加组织生活。",
    analysis: "流入地与流出地衔接不畅，线上教育手段运用不足。",
    proposals: ["建立流动党员信息台账并每季度更新", "在务工集中地设立流动党员党支部"],
  },
  {
    title: "乡镇领导班子民主生活会质量调研",
    area: "research_area_leadership",
    question: "民主生活会批评与自我批评如何“辣味”更足？",
    problems: "相互批评避重就轻，整改措施针对性不强。",
    analysis: "会前谈心谈话不充分，会后整改缺少跟踪问效。",
    proposals: ["会前由组织部门列出问题清单", "建立整改事项销号制度并纳入年度考核"],
  },
  {
    title: "领导班子学习制度执行情况调研",
    area: "research_area_leadership",
    question: "理论学习中心组学习如何避免“念文件”？",
    problems: "学习形式单一，研讨交流质量不高。",
    analysis: "学习计划缺少问题导向，学习成果运用不足。",
    proposals: ["推行专题研讨“一人一题”", "建立学习成果转化台账", "每年评选优秀调研成果"],
  },
  {
    title: "县直部门领导班子结构优化研究",
    area: "research_area_leadership",
    question: "县直部门班子年龄、专业结构存在哪些短板？",
    problems: "部分班子年龄梯次不合理，经济管理专业背景干部偏少。",
    analysis: "干部调配统筹不够，专业型干部储备不足。",
    proposals: ["建立班子结构分析研判制度", "定向选调经济管理专业人才"],
  },
  {
    title: "返乡创业人才引进留用调研",
    area: "research_area_talent",
    question: "如何吸引和留住返乡创业人才？",
    problems: "返乡人才创业融资难，政策知晓度不高。",
    analysis: "扶持政策分散在多个部门，缺少统一服务窗口。",
    proposals: ["设立返乡创业人才服务专窗", "设立返乡创业担保贷款风险补偿金", "评选“返乡创业之星”"],
  },
  {
    title: "乡土人才培育机制研究",
    area: "research_area_talent",
    question: "乡土人才在乡村振兴中作用发挥如何？",
    problems: "乡土人才认定标准不一，带动作用发挥不充分。",
    analysis: "培育、评价、激励环节衔接不够。",
    proposals: ["出台乡土人才认定评价办法", "建设乡土人才工作室"],
  },
  {
    title: "专业技术人才服务基层情况调研",
    area: "research_area_talent",
    question: "教育、卫生专业技术人才为何“下不去、留不住”？",
    problems: "基层专业技术人才流失率较高。",
    analysis: "职称评聘、待遇保障向基层倾斜不够。",
    proposals: ["职称评聘向乡镇一线倾斜", "落实基层专业技术人才津贴"],
  },
  {
    title: "村级后备力量培养调研",
    area: "research_area_grassroots",
    question: "村级后备力量“选不出、留不住”的症结在哪里？",
    problems: "",
    analysis: "",
    proposals: [],
  },
  {
    title: "机关党建与业务融合研究",
    area: "research_area_leadership",
    question: "机关党建如何与业务工作同频共振？",
    problems: "",
    analysis: "",
    proposals: [],
  },
];

/** How far each topic got: most closed and marked, a few reported, being researched or just set. */
function stageOf(index: number): "set" | "researching" | "reported" | "closed" {
  if (index >= 13) return index === 13 ? "researching" : "set";
  if (index === 10 || index === 12) return "reported";
  return "closed";
}

const MARK_CYCLE: ProposalMark[] = ["ADOPTED", "ADOPTED", "PARTLY", "ADOPTED", "NOT_ADOPTED", "PARTLY"];
const NOTES: Record<ProposalMark, string> = { ADOPTED: "同意，请抓紧落实", PARTLY: "先行试点，总结后推开", NOT_ADOPTED: "条件尚不成熟，暂缓" };

export async function seedResearch(year: number) {
  const [admin, leader, sections] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { username: "admin" } }),
    db.user.findUniqueOrThrow({ where: { username: "leader" } }),
    db.unit.findMany({
      where: { type: "SECTION", headId: { not: null } },
      orderBy: { sortOrder: "asc" },
      include: { users: { where: { active: true, roles: { has: "COUNTY_STAFF" } }, orderBy: { username: "asc" } } },
    }),
  ]);
  const cadres = sections.flatMap((s) => s.users.filter((u) => u.id !== s.headId).map((u) => ({ ...u, section: s })));
  const actorOf = (user: { id: string; username: string; name: string }, now: Date) => ({
    actor: { id: user.id, username: user.username, name: user.name },
    ip: null,
    now,
  });
  let markIndex = 0;
  for (const [index, spec] of TOPICS.entries()) {
    const lead = cadres[index % cadres.length];
    const member = cadres[(index + 3) % cadres.length];
    const month = 3 + (index % 8);
    const dueAt = at(`${year}-${String(month + 2).padStart(2, "0")}-28 17:30`);
    const topic = await db.$transaction((tx) =>
      createTopicRecord(
        tx,
        { year, title: spec.title, question: spec.question, areaId: spec.area, leadId: lead.id, memberIds: member.id === lead.id ? [] : [member.id], dueAt },
        actorOf(admin, at(`${year}-02-20 10:00`)),
      ),
    );
    const stage = stageOf(index);
    if (stage === "set") continue;
    let version = (await db.$transaction((tx) => startTopicRecord(tx, { id: topic.id, version: 0 }, lead.id, actorOf(lead, at(`${year}-03-01 09:00`)))))
      .version;
    if (!spec.problems) continue;
    version = (
      await db.$transaction((tx) =>
        saveReportRecord(tx, { id: topic.id, version, problems: spec.problems, analysis: spec.analysis, proposals: spec.proposals }, lead.id),
      )
    ).version;
    if (stage === "researching") continue;
    const submittedAt = at(`${year}-${String(month + 2).padStart(2, "0")}-20 16:00`);
    version = (await db.$transaction((tx) => submitReportRecord(tx, { id: topic.id, version }, lead.id, actorOf(lead, submittedAt)))).version;
    if (stage === "reported") continue;
    const head = await db.user.findUniqueOrThrow({ where: { id: lead.section.headId! } });
    const reviewedAt = new Date(submittedAt.getTime() + 5 * 86_400_000);
    await db.$transaction((tx) =>
      reviewTopicRecord(tx, { id: topic.id, version, accept: true, comment: "报告扎实，予以结题" }, head, actorOf(head, reviewedAt)),
    );
    const proposals = await db.researchProposal.findMany({ where: { topicId: topic.id }, orderBy: { seq: "asc" } });
    for (const proposal of proposals) {
      // The last proposal of every fourth closed topic is still waiting for the leader.
      if (index % 4 === 1 && proposal.seq === proposals.length) continue;
      const mark = MARK_CYCLE[markIndex++ % MARK_CYCLE.length];
      await db.$transaction((tx) =>
        markProposalRecord(
          tx,
          { proposalId: proposal.id, version: proposal.version, mark, note: NOTES[mark], leaderName: null },
          leader,
          actorOf(leader, new Date(reviewedAt.getTime() + 3 * 86_400_000)),
        ),
      );
    }
  }
}
