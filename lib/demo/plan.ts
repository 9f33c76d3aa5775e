// The demo county's work plan for the current year, in the shape of seed 002 ("突出一条主线、实现三个突破、推进五项工作、
// 实施六项工程"), made through the plan's services and published; the year's topics and submitted projects are then
// placed under its six programmes by the words of their titles (about one in ten left for the admin to place).
import "server-only";
import { db } from "@/lib/db/client";
import { addItemRecord, createPlanRecord, placeRecord, transitionPlanRecord } from "@/lib/plan/service";

type Item = { kind: string; title: string; goals?: string; section?: string; children?: Item[] };

export const DEMO_THEME = "组织工作“创新发展年”";

const PREAMBLE =
  "以思想的大解放开创组织工作新局面。创新发展组织工作理念，创新谋划组织工作思路，创新探索党组织设置方式，创新完善组织工作机制，创新丰富组织工作载体，使组织工作不断推出新亮点、取得新突破、展示新形象。";

export const DEMO_PROGRAMMES = ["素质提升工程", "创新发展工程", "精品示范工程", "基础强化工程", "信息畅通工程", "服务保障工程"] as const;

const PLAN: Item[] = [
  {
    kind: "板块",
    title: "突出一条主线",
    children: [
      {
        kind: "主线",
        title: "开展组织工作“创新发展年”活动",
        goals: "把“创新发展年”活动作为全年组织工作的总载体，各项工作、各个行业都有紧扣主题、内容丰富的载体和抓手，呈现百花齐放的工作态势。",
        section: "办公室",
      },
    ],
  },
  {
    kind: "板块",
    title: "实现三个突破",
    children: [
      {
        kind: "突破",
        title: "在组织工作创新发展上有新的突破",
        goals: "强化发展、大局、创新、开放、人才、服务六个理念，破解工作中不符合不适应新形势要求的突出问题。",
        section: "组织科",
      },
      {
        kind: "突破",
        title: "在彰显组织工作亮点上有新的突破",
        goals: "每个乡镇、每个部门至少培育一个特色鲜明的创新品牌，年内评选一批精品项目。",
        section: "组织科",
      },
      {
        kind: "突破",
        title: "在发挥组织工作服务保证作用上有新的突破",
        goals: "突出“四个围绕”：围绕项目建设、新农村建设、和谐社会建设、服务基层服务群众发挥作用。",
        section: "干部科",
      },
    ],
  },
  {
    kind: "板块",
    title: "推进五项工作",
    children: [
      {
        kind: "工作",
        title: "在理论武装党员干部头脑上有新加强",
        goals: "坚持学习、学习、再学习，把学习当作工作的第一动力，完善调训轮训、学时学分制度。",
        section: "党员教育中心",
      },
      {
        kind: "工作",
        title: "在建设高素质领导班子、干部队伍和人才队伍上有新进展",
        goals: "围绕科学发展选干部、配班子、建队伍、聚人才；完善人才培养、定向帮带、跟踪管理制度。",
        section: "干部科",
      },
      {
        kind: "工作",
        title: "在推进党内民主建设、深化干部人事制度改革上有新突破",
        goals: "坚持和完善干部推荐票决、竞争上岗、任职试用期等制度；推进党务公开，建立党内情况通报制和重大决策征求意见制。",
        section: "干部监督科",
      },
      {
        kind: "工作",
        title: "在加强党的基层组织和党员队伍建设上有新成效",
        goals: "把党组织建在产业链上、专业协会中、小区楼院里，扩大“两新”组织覆盖面，创建流动党员党组织。",
        section: "基层党建办公室",
      },
      {
        kind: "工作",
        title: "在提高组织部门自身建设上有新举措",
        goals: "开展“五比五创”活动，建设一流队伍、提供一流服务、创出一流业绩、树立一流形象。",
        section: "办公室",
      },
    ],
  },
  {
    kind: "板块",
    title: "实施六项工程",
    children: [
      {
        kind: "工程",
        title: "素质提升工程",
        goals: "分级分类培训党员干部，全年轮训村（社区）党组织书记一遍，党员干部学时学分达标率 100%。",
        section: "党员教育中心",
      },
      {
        kind: "工程",
        title: "创新发展工程",
        goals: "组织各单位申报实施改革创新项目，推行听证审定和季度督查，全年立项项目按期推进率不低于 90%。",
        section: "组织科",
      },
      { kind: "工程", title: "精品示范工程", goals: "培育“党建精品示范社区”“一村一品”等示范点，年内认定品牌、精品、示范项目并在全县推广。", section: "组织科" },
      {
        kind: "工程",
        title: "基础强化工程",
        goals: "深化“三建一创”“无职党员设岗定责”，整顿后进党组织，村级活动场所规范化建设全覆盖。",
        section: "基层党建办公室",
      },
      { kind: "工程", title: "信息畅通工程", goals: "用好农村远程教育站点和组工信息平台，全员信息制度落实到每个科室，重要信息按月报送。", section: "信息中心" },
      { kind: "工程", title: "服务保障工程", goals: "构建县、乡、村三级党员服务网络，推行“党员服务承诺制”，打造“群众满意工程”。", section: "人才工作科" },
    ],
  },
];

const BY_WORD: [RegExp, (typeof DEMO_PROGRAMMES)[number]][] = [
  [/培训|学习|教育|素质|学院|讲堂|书记/, "素质提升工程"],
  [/信息|网络|远程|数字|智慧|平台|积分/, "信息畅通工程"],
  [/服务|群众|帮扶|承诺|代办|流动|关怀/, "服务保障工程"],
  [/示范|品牌|精品|一村一品|社区/, "精品示范工程"],
  [/支部|基层|阵地|党员|村|网格|“两新”|非公/, "基础强化工程"],
  [/创新|改革|机制|制度|干部|人才/, "创新发展工程"],
];

/** The demo's programme for a title: by its words, else by a stable hash; about one in ten gets none. */
export function demoProgramme(title: string): (typeof DEMO_PROGRAMMES)[number] | null {
  let hash = 0;
  for (const char of title) hash = (hash * 31 + char.charCodeAt(0)) % 9973;
  if (hash % 10 === 0) return null;
  return BY_WORD.find(([pattern]) => pattern.test(title))?.[1] ?? DEMO_PROGRAMMES[hash % DEMO_PROGRAMMES.length];
}

export async function seedPlan(yearNumber: number) {
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true, username: true, name: true } });
  const by = { actor: admin, ip: null };
  const year = await db.year.findUniqueOrThrow({ where: { year: yearNumber } });
  const kinds = new Map((await db.planItemKind.findMany()).map((kind) => [kind.name, kind.id]));
  const sections = new Map((await db.unit.findMany({ where: { type: "SECTION" }, select: { id: true, name: true } })).map((s) => [s.name, s.id]));
  const programmes = new Map<string, string>();
  await db.$transaction(
    async (tx) => {
      const plan = await createPlanRecord(tx, { yearId: year.id, theme: DEMO_THEME, preamble: PREAMBLE }, by);
      const add = async (items: Item[], parentId: string | null) => {
        for (const item of items) {
          const created = await addItemRecord(
            tx,
            {
              planId: plan.id,
              parentId,
              kindId: kinds.get(item.kind)!,
              title: item.title,
              goals: item.goals ?? null,
              sectionId: item.section ? (sections.get(item.section) ?? null) : null,
            },
            by,
          );
          if (item.kind === "工程") programmes.set(item.title, created.id);
          if (item.children) await add(item.children, created.id);
        }
      };
      await add(PLAN, null);
      const current = await tx.workPlan.findUniqueOrThrow({ where: { id: plan.id } });
      await transitionPlanRecord(tx, { id: plan.id, version: current.version, transition: "publish" }, by);
    },
    { timeout: 60_000 },
  );
  const topics = await db.topic.findMany({ where: { yearId: year.id, status: { not: "WITHDRAWN" } }, select: { id: true, title: true, version: true } });
  const projects = await db.project.findMany({
    where: { yearId: year.id, OR: [{ state: { not: "DRAFT" } }, { submittedAt: { not: null } }] },
    select: { id: true, title: true, version: true },
  });
  await db.$transaction(
    async (tx) => {
      for (const topic of topics) {
        const name = demoProgramme(topic.title);
        if (name) await placeRecord(tx, { target: "topic", id: topic.id, version: topic.version, programmeId: programmes.get(name)! }, by);
      }
      for (const project of projects) {
        const name = demoProgramme(project.title);
        if (name) await placeRecord(tx, { target: "project", id: project.id, version: project.version, programmeId: programmes.get(name)! }, by);
      }
    },
    { timeout: 120_000 },
  );
}
