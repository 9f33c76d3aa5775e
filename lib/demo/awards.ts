// Demo year-end campaigns, run through the same services the app's actions use: 2025 from opening to the
// decision (each step at a date in late 2025), and 2026 open for nominations at seeding time.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { endOfBusinessDay, formatDate, parseBusinessDateTime, startOfBusinessDay, toDateTimeLocal } from "@/lib/time";
import { campaignSchema } from "@/lib/awards/schemas";
import { DEFAULT_WEIGHTS } from "@/lib/awards/ranking";
import { NOMINABLE_STATES } from "@/lib/awards/phase";
import { adjustAwardRecord, announceRecord, createCampaignRecord, decideRecord, rankCampaignRecord, type By } from "@/lib/awards/campaigns";
import { nominateRecord, saveJuryScoreRecord } from "@/lib/awards/nominations";
import { createObjectionRecord, handleObjectionRecord } from "@/lib/awards/objections";
import { unitTree } from "@/lib/hearings/service";
import { unitConflict } from "@/lib/hearings/assignment";
import { ORGANIZATION_DEPARTMENT } from "@/lib/demo/data";

const DAY = 86_400_000;
const at = (value: string) => parseBusinessDateTime(value)!;

type Actor = By["actor"];
type UnitUser = Actor & { unitId: string; unitName: string };

const CRITERIA = [
  { key: "novelty", label: "创新程度", weight: 40, max: 10 },
  { key: "effect", label: "实际成效", weight: 40, max: 10 },
  { key: "spread", label: "推广价值", weight: 20, max: 10 },
];

const TIERS = [
  { category: "WORK", level: "COUNTY", name: "一等奖", quota: 2 },
  { category: "WORK", level: "COUNTY", name: "二等奖", quota: 3 },
  { category: "WORK", level: "COUNTY", name: "三等奖", quota: 5 },
  { category: "WORK", level: "DEPARTMENT", name: "一等奖", quota: 1 },
  { category: "WORK", level: "DEPARTMENT", name: "二等奖", quota: 2 },
  { category: "PERSON", level: "COUNTY", name: "十佳", quota: 10 },
  { category: "PERSON", level: "DEPARTMENT", name: "优秀", quota: 3 },
] as const;

/** Fictional people and deeds; `unit` is where they work (a township, a department or a section of the department). */
const PEOPLE = [
  {
    unit: "柳河镇",
    name: "周海燕",
    title: "柳河镇党委副书记、组织委员",
    deeds:
      "牵头推行流动党员“离乡不离党”工作法，在外出务工集中地建立流动党员联络站 3 个，全镇 126 名流动党员全部纳入组织管理，组织生活参加率由不足四成提高到九成以上，相关做法在全县推广。",
  },
  {
    unit: "白沙镇",
    name: "梁文博",
    title: "白沙镇党建办主任",
    deeds:
      "推动无职党员设岗定责，设置政策宣传、矛盾调解、环境监督等 8 类岗位，全镇 300 余名无职党员按岗履责，年底由群众评议，党员作用发挥明显，群众满意度测评达到 96%。",
  },
  {
    unit: "县教育局",
    name: "孙佩琳",
    title: "县教育局机关党委专职副书记",
    deeds: "探索学校党组织领导的校长负责制配套机制，制定议事规则和决策清单，指导 42 所中小学完成章程修订，党组织把方向、管大局、保落实的作用得到有效发挥。",
  },
  {
    unit: "云岭乡",
    name: "何建军",
    title: "云岭乡党委组织委员",
    deeds: "扎根山区一线九年，推行“党支部+合作社”发展模式，帮助 6 个薄弱村发展中药材种植，村集体经济收入全部超过 10 万元，培养村级后备力量 18 名。",
  },
  {
    unit: "组织科",
    name: "陈思远",
    title: "县委组织部组织科科长",
    deeds:
      "统筹全县组织工作改革创新项目管理，建立项目申报、听证、季度报告和督查的全流程机制，推动项目管理由“材料评比”转向“实绩评价”，年内组织听证 2 次，督查项目 60 余个。",
  },
  {
    unit: "干部科",
    name: "刘雅婷",
    title: "县委组织部干部科副科长",
    deeds:
      "建立干部实绩档案，把重大任务、急难险重工作中的表现记入档案并作为选任的重要依据，全年为 120 余名干部建立实绩档案，推动形成重实干、重实绩的用人导向。",
  },
];

const STATEMENTS = [
  "项目思路清晰、措施扎实，年内按节点完成各项任务，群众认可度高，形成了可复制推广的制度成果。",
  "针对基层党建突出问题大胆探索，机制创新特色鲜明，实施成效经督查核实，推荐参评。",
  "项目实施以来，党员作用发挥更加明显，相关做法被县委组织部简报刊发，具有较强的示范价值。",
];

/** A juror's marks for the i-th entry: stronger entries first, a little spread between jurors, one decimal. */
function marks(i: number, juror: number) {
  const base = 9.4 - i * 0.35 + ((juror * 7 + i * 3) % 5) * 0.1 - 0.2;
  const clamp = (n: number) => Math.max(5, Math.min(10, Math.round(n * 10) / 10));
  return { novelty: clamp(base), effect: clamp(base - 0.3 + (juror % 2) * 0.2), spread: clamp(base - 0.5) };
}

async function unitUsers(): Promise<UnitUser[]> {
  const users = await db.user.findMany({ where: { active: true, roles: { has: "UNIT_USER" } }, include: { unit: true }, orderBy: { username: "asc" } });
  return users.map((u) => ({ id: u.id, username: u.username, name: u.name, unitId: u.unitId, unitName: u.unit.name }));
}

async function campaignInput(year: number, starts: Date, ends: Date, jurorIds: string[]) {
  return campaignSchema.parse({
    year,
    title: `${year}年度组织工作改革创新评比表彰`,
    nominationStartsAt: toDateTimeLocal(starts),
    nominationEndsAt: toDateTimeLocal(ends),
    workQuotaPerUnit: 1,
    personQuotaPerUnit: 1,
    criteria: CRITERIA,
    weights: DEFAULT_WEIGHTS,
    tiers: TIERS,
    jurorIds,
    announcementDays: 5,
  });
}

/** The demo reviewers who sit on the jury: reviewer, reviewer3, reviewer4, and any other reviewer of a county department. */
async function jurors() {
  const reviewers = await db.user.findMany({ where: { active: true, roles: { has: "REVIEWER" } }, include: { unit: true }, orderBy: { username: "asc" } });
  // reviewer2 sits at the county itself (every township's parent) and reviewer5 in a township: they would have to sit out too often.
  return reviewers.filter((r) => ["reviewer", "reviewer3", "reviewer4"].includes(r.username) || r.unit.type === "DEPARTMENT");
}

/** Units with a unit user and a nominable project of the year, townships first, then departments, in the county's order. */
async function nominators(yearId: string, exclude: Set<string>, count: number, townshipShare: number) {
  const users = await unitUsers();
  const projects = await db.project.findMany({
    // The department that runs the campaign does not commend its own projects at county level.
    where: { yearId, state: { in: [...NOMINABLE_STATES] }, unit: { type: { in: ["TOWNSHIP", "DEPARTMENT"] }, name: { not: ORGANIZATION_DEPARTMENT } } },
    select: { id: true, title: true, unitId: true, unit: { select: { type: true, sortOrder: true } } },
    orderBy: [{ state: "asc" }, { createdAt: "asc" }],
  });
  const picked: { user: UnitUser; projectId: string; type: string; sortOrder: number }[] = [];
  for (const project of projects) {
    if (exclude.has(project.unitId) || picked.some((p) => p.user.unitId === project.unitId)) continue;
    const user = users.find((u) => u.unitId === project.unitId && u.username !== "unit") ?? users.find((u) => u.unitId === project.unitId);
    if (user) picked.push({ user, projectId: project.id, type: project.unit.type, sortOrder: project.unit.sortOrder });
  }
  picked.sort((a, b) => (a.type === b.type ? a.sortOrder - b.sortOrder : a.type === "TOWNSHIP" ? -1 : 1));
  const townships = picked.filter((p) => p.type === "TOWNSHIP").slice(0, Math.ceil(count * townshipShare));
  return [...townships, ...picked.filter((p) => p.type === "DEPARTMENT").slice(0, count - townships.length)];
}

/** The actor nominating a person: the unit's user, or for the department's sections the staff member working there. */
async function actorOfUnit(unitName: string): Promise<UnitUser | null> {
  const user = await db.user.findFirst({
    where: { active: true, unit: { name: unitName }, roles: { hasSome: ["UNIT_USER", "COUNTY_STAFF", "COUNTY_ADMIN"] } },
    include: { unit: true },
    orderBy: { username: "asc" },
  });
  return user ? { id: user.id, username: user.username, name: user.name, unitId: user.unitId, unitName: user.unit.name } : null;
}

async function seed2025(adminActor: Actor, jurorRows: Awaited<ReturnType<typeof jurors>>) {
  const year = await db.year.findUnique({ where: { year: 2025 } });
  if (!year) return;
  const byAdmin = (when: string): By => ({ actor: adminActor, ip: null, now: at(when) });
  const input = await campaignInput(
    2025,
    at("2025-11-01 09:00"),
    at("2025-11-20 18:00"),
    jurorRows.map((j) => j.id),
  );
  const campaign = await db.$transaction((tx) => createCampaignRecord(tx, input, byAdmin("2025-10-27 09:30")));
  const jurorUnits = new Set(jurorRows.map((j) => j.unitId));
  const works = await nominators(year.id, jurorUnits, 12, 0.65);
  const tree = await unitTree(db);

  await db.$transaction(
    async (tx) => {
      for (const [i, { user, projectId }] of works.entries()) {
        await nominateRecord(
          tx,
          {
            campaignId: campaign.id,
            category: "WORK",
            projectId,
            personName: null,
            personTitle: null,
            deeds: null,
            ledProjectIds: [],
            statement: STATEMENTS[i % STATEMENTS.length],
          },
          { unitId: user.unitId },
          { actor: user, ip: null, now: at(`2025-11-${String(3 + (i % 10)).padStart(2, "0")} 10:00`) },
        );
      }
      for (const [i, person] of PEOPLE.entries()) {
        const actor = await actorOfUnit(person.unit);
        if (!actor) continue;
        const led = await tx.project.findFirst({
          where: { unitId: actor.unitId, yearId: year.id, state: { in: [...NOMINABLE_STATES] } },
          select: { id: true },
        });
        await nominateRecord(
          tx,
          {
            campaignId: campaign.id,
            category: "PERSON",
            personName: person.name,
            personTitle: person.title,
            deeds: person.deeds,
            ledProjectIds: led ? [led.id] : [],
            statement: "该同志政治坚定、敢于创新，推动的工作在全县有示范带动作用，推荐参评创新性人才。",
          },
          { unitId: actor.unitId },
          { actor, ip: null, now: at(`2025-11-${String(5 + i).padStart(2, "0")} 15:00`) },
        );
      }
      const entries = await tx.nomination.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
      for (const [j, juror] of jurorRows.entries()) {
        for (const entry of entries) {
          if (unitConflict(juror.unitId, entry.unitId, tree)) continue;
          // Earlier entries of a category score higher, so the list has a clear order.
          const i = entries.filter((e) => e.category === entry.category).indexOf(entry);
          await saveJuryScoreRecord(tx, { nominationId: entry.id, values: marks(i, j), comment: null, submit: true }, juror.id, {
            actor: juror,
            ip: null,
            now: at(`2025-11-${24 + j} 16:00`),
          });
        }
      }
      await rankCampaignRecord(tx, { campaignId: campaign.id, version: await versionOf(tx, campaign.id) }, byAdmin("2025-12-01 10:00"));

      // The 部务会 takes one project off the list; its place in 三等奖 stays open for the objection below.
      const third = await tx.nomination.findFirst({ where: { campaignId: campaign.id, tier: { name: "三等奖" } }, orderBy: { score: "asc" } });
      if (third) {
        await adjustAwardRecord(
          tx,
          { nominationId: third.id, version: third.version, tierId: null, reason: "部务会研究：该项目已获评市级表彰，本年度不重复表彰" },
          byAdmin("2025-12-02 15:00"),
        );
      }
      await announceRecord(tx, { campaignId: campaign.id, version: await versionOf(tx, campaign.id) }, byAdmin("2025-12-03 09:00"));

      const second = await tx.nomination.findFirst({
        where: { campaignId: campaign.id, tier: { name: "二等奖", level: "COUNTY" } },
        orderBy: { score: "asc" },
      });
      const person = await tx.nomination.findFirst({
        where: { campaignId: campaign.id, category: "PERSON", tierId: { not: null } },
        orderBy: { score: "desc" },
      });
      const dismissed = await createObjectionRecord(
        tx,
        {
          campaignId: campaign.id,
          nominationId: person?.id,
          content: "听说该同志所在乡镇的流动党员联络站只是挂了牌子，平时没有活动，事迹材料可能有夸大，请组织上核实。",
          contactName: "郑先生",
          contactPhone: "13700001234",
        },
        { ip: null, now: at("2025-12-05 10:20") },
      );
      const upheld = second
        ? await createObjectionRecord(
            tx,
            {
              campaignId: campaign.id,
              nominationId: second.id,
              content: "该项目第三季度才开始实施，年底前只在一个村试点，成效材料中“全镇推开”的说法与实际不符，建议核实后调整奖次。",
              contactName: "吴女士",
              contactPhone: "0910-6281234",
            },
            { ip: null, now: at("2025-12-08 16:05") },
          )
        : null;
      // The service stamps objections when they are written; these arrived during the 2025 period.
      await tx.objection.update({ where: { id: dismissed.id }, data: { createdAt: at("2025-12-05 10:20") } });
      if (upheld) await tx.objection.update({ where: { id: upheld.id }, data: { createdAt: at("2025-12-08 16:05") } });

      const staff = await tx.user.findUniqueOrThrow({ where: { username: "staff" }, select: { id: true, username: true, name: true } });
      const byStaff = (when: string): By => ({ actor: staff, ip: null, now: at(when) });
      await handleObjectionRecord(
        tx,
        {
          id: dismissed.id,
          version: 0,
          upheld: false,
          investigation: "经调阅联络站活动台账、走访 12 名流动党员核实，联络站每月开展活动，台账与实际相符。",
          answer: "经核实，反映的问题不属实，维持拟表彰意见。感谢您对组织工作的监督。",
          effect: "none",
        },
        byStaff("2025-12-10 11:00"),
      );
      if (upheld && second) {
        const room = await tx.awardTier.findFirstOrThrow({ where: { campaignId: campaign.id, category: "WORK", level: "COUNTY", name: "三等奖" } });
        await handleObjectionRecord(
          tx,
          {
            id: upheld.id,
            version: 0,
            upheld: true,
            investigation: "经查阅季度报告并实地走访，该项目 7 月启动，年底前在 2 个村试点，尚未全镇推开，申报材料表述不准确。",
            answer: "异议部分属实，经部务会研究，该项目由二等奖调整为三等奖。",
            effect: "change",
            tierId: room.id,
          },
          byStaff("2025-12-11 15:30"),
        );
      }
      await decideRecord(
        tx,
        { campaignId: campaign.id, version: await versionOf(tx, campaign.id), decisionNumber: "明组发〔2025〕36号" },
        byAdmin("2025-12-26 10:00"),
      );
    },
    { timeout: 120_000 },
  );
  // The 2025 campaign's notifications were read long ago.
  await db.notification.updateMany({ where: { kind: "award", link: { startsWith: `/awards/${campaign.id}` }, readAt: null }, data: { readAt: new Date() } });
}

const versionOf = async (tx: Tx, id: string) => (await tx.campaign.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

/** 2026: nominations open now; a few units have nominated already, not the townships the end-to-end tests nominate from. */
async function seed2026(adminActor: Actor, jurorRows: Awaited<ReturnType<typeof jurors>>) {
  const year = await db.year.findUnique({ where: { year: 2026 } });
  if (!year) return;
  const now = Date.now();
  const input = await campaignInput(
    2026,
    // Whole Beijing days, like the year's windows: from 00:00 yesterday to 23:59 in 20 days (not the seed's clock time).
    startOfBusinessDay(formatDate(new Date(now - DAY)))!,
    new Date(endOfBusinessDay(formatDate(new Date(now + 20 * DAY)))!.getTime() - 60_000),
    jurorRows.map((j) => j.id),
  );
  const campaign = await db.$transaction((tx) => createCampaignRecord(tx, input, { actor: adminActor, ip: null }));
  const reserved = await db.unit.findMany({
    where: { OR: [{ name: { in: ["城关镇", "柳河镇", "青石镇"] } }, { id: { in: jurorRows.map((j) => j.unitId) } }] },
    select: { id: true },
  });
  const early = await nominators(year.id, new Set(reserved.map((u) => u.id)), 3, 1);
  await db.$transaction(async (tx) => {
    for (const [i, { user, projectId }] of early.entries()) {
      await nominateRecord(
        tx,
        {
          campaignId: campaign.id,
          category: "WORK",
          projectId,
          personName: null,
          personTitle: null,
          deeds: null,
          ledProjectIds: [],
          statement: STATEMENTS[i % STATEMENTS.length],
        },
        { unitId: user.unitId },
        { actor: user, ip: null },
      );
    }
  });
}

export async function seedAwards() {
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true, username: true, name: true } });
  const jurorRows = await jurors();
  if (jurorRows.length < 3) return;
  await seed2025(admin, jurorRows);
  await seed2026(admin, jurorRows);
}
