// Demo 乡镇组织委员例会: one a month, 3–6 townships sharing practices from the seeds, linked to their projects.
import "server-only";
import { Faker, base, zh_CN } from "@faker-js/faker";
import { db } from "@/lib/db/client";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import { createMeetingRecord } from "@/lib/township-meetings/service";
import { SHAREABLE_STATES, shareableYears } from "@/lib/township-meetings/rules";

const PRACTICES = [
  "“一村一名入党积极分子”计划：每村确定一名 35 岁以下培养对象，镇党委委员一对一联系，每季度汇报思想和工作。",
  "“双定双评双述”：年初定目标、定责任，年中群众评、党员评，年底村干部述职、述廉，评议结果与报酬挂钩。",
  "“一委两制三服务”：镇党委统揽，实行干部包村制和责任追究制，为群众、为企业、为基层服务。",
  "无职党员设岗定责：按政策宣传、矛盾调解、环境卫生等设岗，党员认岗领责，每月在支部主题党日亮岗述职。",
  "“三级四方”共建：镇、社区、小区三级联动，社区党组织、业委会、物业、共建单位四方每月联席议事。",
  "村级组织“五有两保”：有场所、有牌子、有制度、有台账、有活动，保运转经费、保干部报酬。",
  "流动党员党组织：在外出务工集中地建立流动党员党支部，微信群每月过组织生活，回乡时集中上党课。",
  "党员服务承诺制：党员年初公开承诺为群众办一至三件实事，年底兑现情况张榜公示，群众打分。",
  "农村党员“一册一线”管理：党员一人一册记实，镇村两级一条服务热线，问题三日内回应。",
  "党员积分制管理：学习、履职、志愿服务计分，积分与评先评优挂钩，连续两季度末位的谈话提醒。",
];
// How a township presents its own project, in the seed's words: 多媒体演示、文稿交流、谈体会.
const PRESENTATIONS = [
  "多媒体演示了试点村的做法和阶段成效，展示了台账和群众评议结果。",
  "文稿交流了实施方案、推进步骤和下一步打算，提出需要县里协调的事项。",
  "谈了推进中的体会：书记抓、抓书记，镇村两级同步推进，先试点后推开。",
  "介绍了制度文件和考评办法，已在全镇推开，群众满意度明显提升。",
];
const PROBLEMS = [
  "部分村入党积极分子培养对象年龄偏大，35 岁以下人选难找。",
  "外出务工党员组织生活参加率不高，线上学习难以核实。",
  "无职党员设岗后个别岗位职责不清，存在“挂名不履职”现象。",
  "村级活动场所“五有”基本达标，但运转经费到位不及时。",
  "群众评议村干部时参与人数偏少，评议结果代表性不足。",
  "个别乡镇创新做法台账材料多、实际成效总结少。",
];
const FOLLOW_UPS = [
  "组织科下月例会前汇总各乡镇入党积极分子培养情况，形成通报。",
  "基层党建办公室牵头制定流动党员线上组织生活记实办法，月底前征求乡镇意见。",
  "各乡镇组织委员本月内对无职党员岗位逐一核实，调整不履职的岗位。",
  "组织科会同县财政局落实村级组织运转经费拨付时间表。",
  "下次例会请交流做法较好的乡镇作重点发言，其他乡镇对照查找差距。",
];

const pad = (n: number) => String(n).padStart(2, "0");

/** One meeting a month for each year up to today, recorded by the staff account through the app's service. */
export async function seedTownshipMeetings(years: number[]) {
  // Its own generator, so adding meetings does not change the random draws of the demo data seeded after it.
  const faker = new Faker({ locale: [zh_CN, base], seed: 2025 });
  const staff = await db.user.findFirst({ where: { username: "staff" }, select: { id: true, username: true, name: true, unit: { select: { name: true } } } });
  if (!staff) return;
  const townships = await db.unit.findMany({
    where: { type: "TOWNSHIP", active: true },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, users: { where: { roles: { has: "UNIT_USER" } }, select: { name: true }, take: 1 } },
  });
  const projects = await db.project.findMany({
    where: { state: { in: SHAREABLE_STATES }, unit: { type: "TOWNSHIP" } },
    select: { id: true, title: true, unitId: true, year: { select: { year: true } } },
  });
  const today = formatDate(new Date());
  const attendees = `${townships.map((t) => t.users[0]?.name ?? `${t.name}组织委员`).join("、")}（各乡镇组织委员）；列席：县委组织部组织科、基层党建办公室有关同志`;
  let latest: string | null = null;
  let turn = 0;
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const planned = `${year}-${pad(month)}-${pad(8 + (month % 4) * 3)}`;
      if (planned.slice(0, 7) > today.slice(0, 7)) break;
      const day = planned > today ? today : planned;
      const heldOn = parseBusinessDateTime(day)!;
      const count = 3 + faker.number.int(3);
      const sharing = Array.from({ length: count }, (_, i) => townships[(turn + i) % townships.length]);
      turn += count;
      const shares = sharing.map((township) => {
        const own = projects.filter((p) => p.unitId === township.id && shareableYears(year).includes(p.year.year));
        const project = own.length > 0 && faker.number.int(9) < 7 ? faker.helpers.arrayElement(own) : null;
        const practice = project ? `${project.title}：${faker.helpers.arrayElement(PRESENTATIONS)}` : faker.helpers.arrayElement(PRACTICES);
        return { unitId: township.id, practice, projectId: project?.id ?? null };
      });
      const place = month % 3 === 0 ? `${sharing[0].name}党群服务中心` : "县委组织部三楼会议室";
      const meeting = await db.$transaction((tx) =>
        createMeetingRecord(
          tx,
          {
            heldOn,
            place,
            host: `${staff.name}（${staff.unit.name}）`,
            attendees,
            problems: faker.helpers.arrayElements(PROBLEMS, { min: 1, max: 2 }).join("\n"),
            followUps: faker.number.int(4) === 0 ? null : faker.helpers.arrayElements(FOLLOW_UPS, { min: 1, max: 2 }).join("\n"),
            shares,
          },
          { actor: staff, ip: null, now: new Date(heldOn.getTime() + 17 * 3_600_000) },
        ),
      );
      latest = meeting.id;
    }
  }
  // The townships have long read the notices of past meetings; only the latest one is new to them.
  await db.notification.updateMany({
    where: { kind: "township_meeting", link: { not: `/township-meetings/${latest}` }, readAt: null },
    data: { readAt: new Date() },
  });
}
