// Demo 现场会 / 经验交流会 / 理论研讨会: two past events (a 现场会 on a township project's site with its minutes, an
// 经验交流会 with materials submitted, selected and compiled) and a coming 理论研讨会 with its invitations out, all
// through the services the app uses, each step at a plausible moment.
import "server-only";
import { db } from "@/lib/db/client";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import { inLibrary } from "@/lib/promotion/library";
import { createAdoptionRecord } from "@/lib/promotion/service";
import {
  archiveEventRecord,
  confirmAttendanceRecord,
  createEventRecord,
  publishEventRecord,
  recordMinutesRecord,
  saveSubmissionRecord,
  selectSubmissionRecord,
} from "@/lib/events/service";
import { PROJECT_MACHINE } from "@/lib/projects/states";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A day `days` from today (negative: past) at hh:mm, Beijing time. */
const dayAt = (days: number, time: string) => parseBusinessDateTime(`${formatDate(new Date(Date.now() + days * DAY))} ${time}`)!;

const MATERIALS = [
  {
    title: "坚持“三个注重”推动无职党员设岗定责落到实处",
    body: "一、注重按需设岗。围绕政策宣传、矛盾调解、环境整治、关爱帮扶等村级事务，按照“一岗一责”原则设置岗位 12 类。\n二、注重认岗履责。党员根据自身特长自愿认岗，支部审核公示，每月主题党日亮岗述职。\n三、注重评议激励。年底由党员群众对履岗情况评议打分，评议结果与评先评优挂钩。全镇 326 名无职党员全部上岗，群众满意度达 96%。",
  },
  {
    title: "建好流动党员“线上支部”让离乡党员不离党",
    body: "我镇外出务工党员 87 人，分布在 6 个省市。针对组织生活难参加的问题，我们在务工集中地建立流动党员党支部 2 个，建立微信群按月开展“线上组织生活”。\n党员回乡期间集中上党课、过组织生活，外出党员参加组织生活率由 41% 提高到 92%。",
  },
  {
    title: "以积分制管理激发农村党员内生动力",
    body: "我们把党员学习教育、履职尽责、志愿服务等量化为积分项目，实行月记录、季公示、年评定。\n积分结果作为评先评优、发展党员推荐的重要依据，连续两个季度排名靠后的由支部书记谈话提醒。",
  },
  {
    title: "“三级四方”联动破解老旧小区治理难题",
    body: "针对老旧小区无物业、管理难的问题，建立街道、社区、小区三级党组织联动机制，推动社区党组织、业委会、物业企业、共建单位四方每月联席议事。\n今年以来共解决停车难、环境脏乱等问题 43 件。",
  },
];

/** Staff plan and run the three events; the townships answer; one adoption names the 现场会. */
export async function seedEvents() {
  const staff = await db.user.findFirst({ where: { username: "staff" }, select: { id: true, username: true, name: true, unitId: true } });
  if (!staff) return;
  const by = (now: Date) => ({ actor: { id: staff.id, username: staff.username, name: staff.name }, ip: null, now });
  const townships = await db.unit.findMany({
    where: { type: "TOWNSHIP", active: true },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      name: true,
      users: { where: { roles: { has: "UNIT_USER" }, active: true }, orderBy: { username: "asc" }, select: { id: true, username: true, name: true }, take: 1 },
    },
  });
  const departments = await db.unit.findMany({
    where: { type: "DEPARTMENT", active: true, name: { in: ["县委党校", "县教育局", "县民政局"] } },
    select: { id: true, name: true },
  });
  const clerkOf = (unitId: string) => {
    const user = townships.find((t) => t.id === unitId)?.users[0];
    return user ? { actor: { id: user.id, username: user.username, name: user.name }, ip: null, unitId } : null;
  };
  // Township projects of the case library are what a 现场会 shows; the site is the first of them.
  const shown = await db.project.findMany({
    where: { AND: [inLibrary, { unit: { type: "TOWNSHIP" } }, { state: { in: PROJECT_MACHINE.group("started") } }] },
    orderBy: [{ year: { year: "desc" } }, { title: "asc" }],
    take: 3,
    select: { id: true, title: true, unitId: true, unit: { select: { name: true } } },
  });
  if (shown.length === 0 || townships.length < 6) return;
  const site = shown[0];
  const siteTownship = townships.find((t) => t.id === site.unitId)!;
  const qingshi = townships.find((t) => t.name === "青石镇") ?? townships[1];
  const invitedTownships = [...new Map([qingshi, ...townships.slice(0, 7)].map((t) => [t.id, t])).values()];
  const attendee = (name: string) => `${name}（党委副书记）、${name.slice(0, 1)}某（组织委员）`;

  // 1. A 现场会 about three months ago at the site project's township, with its minutes, archived.
  const visitStart = dayAt(-90, "09:00");
  const visit = await db.$transaction((tx) =>
    createEventRecord(
      tx,
      {
        kind: "SITE_VISIT",
        title: `全县农村基层党建创新现场会（${siteTownship.name}）`,
        startsAt: visitStart,
        place: `${siteTownship.name}党群服务中心`,
        siteProjectId: site.id,
        hostUnitId: site.unitId,
        agenda: `观摩“${site.title}”项目现场\n${siteTownship.name}介绍做法和成效\n与会乡镇交流借鉴打算\n县委常委、组织部部长讲话`,
        submissionDeadline: null,
        noticeNumber: `明组通〔${visitStart.getFullYear()}〕21号`,
        projectIds: shown.map((p) => p.id),
        unitIds: invitedTownships.map((t) => t.id).filter((id) => id !== site.unitId),
      },
      by(new Date(visitStart.getTime() - 14 * DAY)),
    ),
  );
  await db.$transaction((tx) => publishEventRecord(tx, { id: visit.id, version: 0 }, by(new Date(visitStart.getTime() - 12 * DAY))));
  for (const township of invitedTownships.filter((t) => t.id !== site.unitId)) {
    const clerk = clerkOf(township.id);
    if (!clerk) continue;
    await db.$transaction((tx) =>
      confirmAttendanceRecord(
        tx,
        { eventId: visit.id, version: 0, attendees: attendee(clerk.actor.name) },
        { ...clerk, now: new Date(visitStart.getTime() - 5 * DAY) },
      ),
    );
  }
  await db.$transaction((tx) =>
    recordMinutesRecord(
      tx,
      {
        id: visit.id,
        version: 1,
        minutes: `与会人员实地观摩了${siteTownship.name}“${site.title}”项目现场，查看了工作台账和群众评议记录。\n${siteTownship.name}党委介绍了项目的起因、主要做法和阶段成效。\n与会乡镇结合本地实际交流了借鉴打算。\n会议要求：各乡镇要对照现场会展示的做法，找准结合点，一个月内制定借鉴方案。`,
        followUps: "各乡镇一个月内向组织科报送借鉴方案；组织科三个月后组织回头看。",
      },
      by(new Date(visitStart.getTime() + 8 * HOUR)),
    ),
  );
  await db.$transaction((tx) => archiveEventRecord(tx, { id: visit.id, version: 2 }, by(new Date(visitStart.getTime() + 20 * DAY))));
  // One township copied the site's practice afterwards and names the meeting.
  const adopter = invitedTownships.find((t) => t.id !== site.unitId && t.id !== qingshi.id);
  const adopterClerk = adopter ? clerkOf(adopter.id) : null;
  if (adopterClerk) {
    const adoptedOn = dayAt(-60, "00:00");
    await db.$transaction((tx) =>
      createAdoptionRecord(
        tx,
        {
          sourceProjectId: site.id,
          sourceName: null,
          sourcePlace: null,
          eventId: visit.id,
          adoptedOn,
          how: `参加现场会后，参照${siteTownship.name}的做法制定本镇方案，先在 3 个村试点。`,
          result: "试点村党员全部认岗，群众评议满意率 95%。",
        },
        { ...adopterClerk, now: new Date(adoptedOn.getTime() + 10 * HOUR) },
      ),
    );
  }

  // 2. An 经验交流会 about six weeks ago: four townships submitted 交流材料, three selected for the 汇编.
  const exchangeStart = dayAt(-42, "14:30");
  const speakers = townships.slice(2, 6);
  const exchange = await db.$transaction((tx) =>
    createEventRecord(
      tx,
      {
        kind: "EXCHANGE",
        title: "全县组织工作改革创新经验交流会",
        startsAt: exchangeStart,
        place: "县委组织部三楼会议室",
        siteProjectId: null,
        hostUnitId: staff.unitId,
        agenda: "四个乡镇交流发言\n与会单位讨论\n县委组织部副部长点评",
        submissionDeadline: new Date(exchangeStart.getTime() - 7 * DAY),
        noticeNumber: null,
        projectIds: shown.slice(1).map((p) => p.id),
        unitIds: [...speakers.map((t) => t.id), qingshi.id, ...departments.map((d) => d.id)].filter((id, i, all) => all.indexOf(id) === i),
      },
      by(new Date(exchangeStart.getTime() - 30 * DAY)),
    ),
  );
  await db.$transaction((tx) => publishEventRecord(tx, { id: exchange.id, version: 0 }, by(new Date(exchangeStart.getTime() - 28 * DAY))));
  const submissions: { id: string; version: number }[] = [];
  for (const [index, township] of speakers.entries()) {
    const clerk = clerkOf(township.id);
    if (!clerk) continue;
    const when = new Date(exchangeStart.getTime() - (12 - index) * DAY);
    await db.$transaction((tx) =>
      confirmAttendanceRecord(tx, { eventId: exchange.id, version: 0, attendees: attendee(clerk.actor.name) }, { ...clerk, now: when }),
    );
    const material = MATERIALS[index % MATERIALS.length];
    const submitted = await db.$transaction((tx) =>
      saveSubmissionRecord(
        tx,
        { eventId: exchange.id, version: null, intent: "submit", title: material.title, author: clerk.actor.name, body: material.body },
        { ...clerk, now: when },
      ),
    );
    submissions.push(submitted);
  }
  for (const [index, submission] of submissions.entries()) {
    await db.$transaction((tx) =>
      selectSubmissionRecord(
        tx,
        { id: submission.id, version: submission.version, decision: index < 3 ? "select" : "reject" },
        by(new Date(exchangeStart.getTime() - 2 * DAY)),
      ),
    );
  }
  await db.$transaction((tx) =>
    recordMinutesRecord(
      tx,
      {
        id: exchange.id,
        version: 1,
        minutes: `${speakers.map((t) => t.name).join("、")}作了交流发言，分别介绍了无职党员设岗定责、流动党员管理、党员积分制管理和小区治理的做法。\n与会单位围绕做法的适用条件和推广路径进行了讨论。\n会议认为，交流的做法针对性强、可复制，选取其中 3 篇编入交流材料汇编印发全县学习。`,
        followUps: "组织科两周内印发交流材料汇编；各单位结合实际研究借鉴，在季度报告中报告借鉴情况。",
      },
      by(new Date(exchangeStart.getTime() + 6 * HOUR)),
    ),
  );

  // 3. A 理论研讨会 three weeks ahead: the notice is out, papers due in two weeks; 青石镇 is invited.
  const seminarStart = dayAt(21, "09:00");
  const seminar = await db.$transaction((tx) =>
    createEventRecord(
      tx,
      {
        kind: "SEMINAR",
        title: "组织工作改革创新理论研讨会",
        startsAt: seminarStart,
        place: "县委党校报告厅",
        siteProjectId: null,
        hostUnitId: departments.find((d) => d.name === "县委党校")?.id ?? staff.unitId,
        agenda: "优秀论文作者交流发言\n专家点评\n县委组织部部长总结讲话",
        submissionDeadline: dayAt(14, "17:00"),
        noticeNumber: `明组通〔${seminarStart.getFullYear()}〕35号`,
        projectIds: [],
        unitIds: [...townships.slice(0, 8).map((t) => t.id), qingshi.id, ...departments.map((d) => d.id)].filter((id, i, all) => all.indexOf(id) === i),
      },
      by(dayAt(-3, "10:00")),
    ),
  );
  await db.$transaction((tx) => publishEventRecord(tx, { id: seminar.id, version: 0 }, by(dayAt(-2, "09:30"))));
  const early = clerkOf(townships[0].id);
  if (early && early.unitId !== qingshi.id) {
    await db.$transaction((tx) =>
      confirmAttendanceRecord(tx, { eventId: seminar.id, version: 0, attendees: attendee(early.actor.name) }, { ...early, now: dayAt(-1, "11:00") }),
    );
  }
}
