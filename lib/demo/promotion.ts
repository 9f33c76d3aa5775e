// Demo promotion: marks 品牌 / 精品 / 示范 on finished and running projects, and adoptions between the county's
// units and of other (fictional) counties' practices, written through the same services the app uses.
import "server-only";
import { db } from "@/lib/db/client";
import type { PromotionMark } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";
import { ORGANIZATION_DEPARTMENT } from "@/lib/demo/data";
import { createAdoptionRecord, markProjectRecord, revokeMarkRecord } from "@/lib/promotion/service";

const DAY = 86_400_000;
const at = (value: string) => parseBusinessDateTime(value)!;

/** Why a practice was held up, by a word of its name (the practices of the seeds). */
const REASONS: [string, string][] = [
  ["入党积极分子", "每村至少培养一名入党积极分子，破解了农村党员队伍后继乏人的难题，发展对象结构明显优化，做法可复制。"],
  ["设岗定责", "无职党员按岗履责、年底评议，“有岗无责”“有责无评”的问题得到解决，群众认可度高。"],
  ["双定双评双述", "村干部定目标、定责任，群众评、组织评，年中年底两次述职，考评结果与报酬挂钩，机制完整。"],
  ["一委两制三服务", "党委统筹、两项制度保障、三类服务到户，形成了可推广的乡镇党建工作机制。"],
  ["离乡不离党", "流动党员建组织、定联络、常活动，外出党员组织生活正常化，经验在全县推开。"],
  ["服务承诺", "党员公开承诺、亮诺践诺、群众评诺，服务事项办结率高，群众满意度持续提升。"],
  ["三级四方", "县、镇、社区三级联动，驻区单位、物业、业委会、居民四方共建，社区治理难题化解成效明显。"],
  ["五有两保", "村级组织有场所、有人员、有经费、有制度、有活动，保运转、保服务，基础保障扎实。"],
  ["积分制", "党员积分量化管理、定期公示，党员作用发挥可衡量、可比较，做法简便易行。"],
];
const FALLBACK = "部务会研究认定：思路新、措施实、成效好，形成了制度成果和典型案例，具有示范推广价值。";

const reasonFor = (title: string) => REASONS.find(([word]) => title.includes(word))?.[1] ?? FALLBACK;
const practiceScore = (title: string) => (REASONS.some(([word]) => title.includes(word)) ? 0 : 1);

/** Which marks each year gets, in order of the chosen projects. */
const PLAN: { year: number; states: ("COMPLETED" | "IN_PROGRESS")[]; marks: PromotionMark[]; decided: string }[] = [
  { year: 2024, states: ["COMPLETED"], marks: ["BRAND", "QUALITY", "QUALITY", "DEMONSTRATION"], decided: "2025-01-16" },
  { year: 2025, states: ["COMPLETED"], marks: ["DEMONSTRATION", "BRAND", "DEMONSTRATION", "QUALITY", "DEMONSTRATION"], decided: "2026-01-14" },
  // state group allowed: the demo's own scenario, not a rule.
  { year: 2026, states: ["IN_PROGRESS", "COMPLETED"], marks: ["DEMONSTRATION", "DEMONSTRATION"], decided: "2026-09-22" },
];

const HOW = [
  "参照其做法制定本单位实施方案，先在 2 个村（科室）试点，再全面推开。",
  "学习其工作台账和评议办法，结合本单位党员分布情况调整了岗位设置。",
  "组织支部书记实地观摩学习，把其“清单化”做法用到本单位日常管理中。",
  "借鉴其考评指标体系，删减了不适合本单位的指标，增加了群众评议分值。",
];
const RESULTS = [
  "覆盖全部支部，形成制度文件 1 份，党员参与率提高到 90% 以上。",
  "试点村群众满意度测评提高 12 个百分点，已在全镇推开。",
  "半年内解决群众反映问题 40 余件，相关做法被县委组织部简报刊发。",
  "党员作用发挥更加明显，年底评议优秀等次党员占比提高。",
];

const OUTSIDE = [
  {
    sourceName: "村级事务“红色代办”",
    sourcePlace: "外省望川县",
    how: "每个村民小组选一名党员任代办员，群众事务一站代办。",
    result: "半年代办事项 300 余件，群众少跑腿。",
  },
  {
    sourceName: "党员“设岗亮户”",
    sourcePlace: "邻市岚溪县",
    how: "党员家庭挂牌亮户，公开承诺事项和联系方式。",
    result: "党员亮身份、作表率，邻里纠纷明显减少。",
  },
  { sourceName: "“支部联建”强村富民", sourcePlace: "外省桐岭县", how: "强村与弱村支部结对联建，共建产业项目。", result: "结对村集体经济收入均超过 10 万元。" },
];

type Candidate = { id: string; title: string; unitId: string };

/**
 * One project of the featured township (its user then sees adopters of its own work), then practices of the
 * seeds from units not yet marked, so the library shows many units.
 */
function pick(candidates: Candidate[], count: number, featuredUnitId: string | undefined, usedUnits: Set<string>): Candidate[] {
  const sorted = [...candidates].sort((a, b) => practiceScore(a.title) - practiceScore(b.title));
  const own = sorted.find((project) => project.unitId === featuredUnitId && !usedUnits.has(project.unitId));
  const chosen = own ? [own] : [];
  for (const project of sorted) {
    if (chosen.length >= count) break;
    if (usedUnits.has(project.unitId) || chosen.some((c) => c.unitId === project.unitId)) continue;
    chosen.push(project);
  }
  for (const project of chosen) usedUnits.add(project.unitId);
  return chosen;
}

export async function seedPromotion() {
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true, username: true, name: true } });
  const clerks = await db.user.findMany({
    where: { roles: { has: "UNIT_USER" }, unit: { type: { in: ["TOWNSHIP", "DEPARTMENT"] }, name: { not: ORGANIZATION_DEPARTMENT } } },
    orderBy: { username: "asc" },
    select: { id: true, username: true, name: true, unitId: true },
  });
  const featured = clerks.find((clerk) => clerk.username === "unit");
  const marked: { id: string; unitId: string; decidedOn: Date }[] = [];
  const usedUnits = new Set<string>();

  await db.$transaction(
    async (tx) => {
      for (const plan of PLAN) {
        const candidates = await tx.project.findMany({
          where: { year: { year: plan.year }, state: { in: plan.states } },
          orderBy: [{ title: "asc" }, { id: "asc" }],
          select: { id: true, title: true, unitId: true },
        });
        const decidedOn = at(plan.decided);
        for (const [index, project] of pick(candidates, plan.marks.length, featured?.unitId, usedUnits).entries()) {
          await markProjectRecord(
            tx,
            { projectId: project.id, mark: plan.marks[index], decidedOn, reason: reasonFor(project.title) },
            { actor: admin, ip: null, now: new Date(decidedOn.getTime() + 9 * 3_600_000) },
          );
          marked.push({ id: project.id, unitId: project.unitId, decidedOn });
        }
      }
      // One mark taken back, kept for the record.
      const first = await tx.projectMark.findFirst({ where: { projectId: marked[marked.length - 3]?.id }, orderBy: { createdAt: "asc" } });
      if (first)
        await revokeMarkRecord(
          tx,
          { id: first.id, revokeReason: "复核发现部分成效数据统计口径不一致，撤销认定，待核实后重新申报。" },
          { actor: admin, ip: null, now: at("2026-10-12 10:00") },
        );

      const sources = marked.filter((project) => project.id !== first?.projectId);
      const adopters = clerks.filter((clerk) => clerk.username !== "unit2").filter((_, index) => index % 4 === 1);
      const ordered = [...(featured ? [featured] : []), ...clerks.filter((clerk) => clerk.username === "unit2"), ...adopters];
      let made = 0;
      for (let i = 0; made < 15 && i < ordered.length * 3; i++) {
        const clerk = ordered[i % ordered.length];
        const source = sources[(i * 3 + Math.floor(i / ordered.length)) % sources.length];
        if (!source || source.unitId === clerk.unitId) continue;
        const adoptedOn = at(
          new Date(Math.min(source.decidedOn.getTime() + (40 + ((i * 37) % 160)) * DAY, at("2026-11-05").getTime()) + 8 * 3_600_000).toISOString().slice(0, 10),
        );
        await createAdoptionRecord(
          tx,
          { sourceProjectId: source.id, sourceName: null, sourcePlace: null, adoptedOn, how: HOW[i % HOW.length], result: RESULTS[i % RESULTS.length] },
          { actor: clerk, ip: null, unitId: clerk.unitId, now: new Date(adoptedOn.getTime() + 10 * 3_600_000) },
        );
        made++;
      }
      for (const [index, practice] of OUTSIDE.entries()) {
        const clerk = ordered[(index * 5) % ordered.length];
        const adoptedOn = at(`2026-0${4 + index * 2}-18`);
        await createAdoptionRecord(
          tx,
          { sourceProjectId: undefined, ...practice, adoptedOn },
          { actor: clerk, ip: null, unitId: clerk.unitId, now: new Date(adoptedOn.getTime() + 10 * 3_600_000) },
        );
      }
    },
    { timeout: 120_000 },
  );
}
