// A cadre's record of the year (干部实践记录), as carried by a 创新性人才 nomination and weighed by the ranking. Pure.
// The record is a list of sections (四个一, 调查研究课题, 学习, 盘点销号, 个人投标): each has its figures in words and,
// if it counts, a score (0..100) with a weight; the record's score is the weighted mean of the sections that have
// one (recordScore). 四个一, research and learning count with weight 1 each; the ledger and bids are shown only.
// The published words of all this are RECORD_RULES (with the ranking formula, lib/awards/ranking.ts).
import type { PracticeKind, PracticeStatus, WindowKind } from "@/lib/generated/prisma/enums";
import { KIND_LABELS, SLOTS } from "@/lib/practice/periods";

export type RecordFigure = { label: string; value: string };

/** One part of a cadre's record: a table of rows (optional), figures in words, and its score if it counts. */
export type CadreRecordSection = {
  key: string;
  label: string;
  head?: string[];
  rows?: { label: string; cells: (string | number)[] }[];
  figures: RecordFigure[];
  /** 0..100, or null when nothing of this section could be owed yet (it then does not count). */
  score: number | null;
  /** The section's share in the record's score (relative to the other sections that have a score). */
  weight: number;
  /** How the score is computed, in words (published with the ranking formula). */
  rule: string;
};

export type KindFigures = { kind: PracticeKind; label: string; due: number; onTime: number; late: number; accepted: number; outstanding: number };

export type PracticeSection = CadreRecordSection & {
  key: "practice";
  kinds: KindFigures[];
  /** 破解难题 accepted by the head. */
  problemsCracked: number;
  /** The names of the 典型 established (accepted). */
  exemplars: string[];
};

export type CadreRecord = { userId: string; year: number; sections: CadreRecordSection[]; score: number | null };

export type RecordItem = { kind: PracticeKind; period: number; status: PracticeStatus; late: boolean; title: string };

export const PRACTICE_RULE =
  "四个一：当年截止时间已过（或已提前提交）的事项为应交事项；按时提交并经科室负责人认可的计 1 项，逾期提交后认可的计 0.5 项，未提交、退回未改或待审核的不计；得分 = 计分项数 ÷ 应交项数 × 100。尚无应交事项的不计分。";

const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100 + 0;

/** Submitted means sent and not sent back: waiting for the head or accepted. A returned item is owed again. */
const isDone = (status: PracticeStatus) => status === "SUBMITTED" || status === "ACCEPTED";

/**
 * The 四个一 section of one cadre's year at `now`: per kind, the items owed (due date passed, or sent early),
 * sent on time, sent late, accepted and still outstanding; the 难题 cracked and the 典型 established; the score.
 */
export function practiceSection(items: RecordItem[], dues: Map<WindowKind, Date>, now: Date): PracticeSection {
  const kinds: KindFigures[] = (Object.keys(KIND_LABELS) as PracticeKind[]).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    due: 0,
    onTime: 0,
    late: 0,
    accepted: 0,
    outstanding: 0,
  }));
  let points = 0;
  for (const slot of SLOTS) {
    const item = items.find((i) => i.kind === slot.kind && i.period === slot.period);
    const done = item ? isDone(item.status) : false;
    const owed = dues.get(slot.window)!.getTime() <= now.getTime() || done;
    if (!owed) continue;
    const figures = kinds.find((k) => k.kind === slot.kind)!;
    figures.due++;
    if (!done) {
      figures.outstanding++;
      continue;
    }
    if (item!.late) figures.late++;
    else figures.onTime++;
    if (item!.status === "ACCEPTED") {
      figures.accepted++;
      points += item!.late ? 0.5 : 1;
    }
  }
  const due = kinds.reduce((a, k) => a + k.due, 0);
  const accepted = (kind: PracticeKind) => items.filter((i) => i.kind === kind && i.status === "ACCEPTED");
  const exemplars = accepted("EXEMPLAR").map((i) => i.title);
  const problemsCracked = accepted("PROBLEM").length;
  const score = due === 0 ? null : round2((100 * points) / due);
  return {
    key: "practice",
    label: "四个一",
    head: ["事项", "应交", "按时提交", "逾期提交", "已认可", "未交"],
    rows: kinds.map((k) => ({ label: k.label, cells: [k.due, k.onTime, k.late, k.accepted, k.outstanding] })),
    figures: [
      { label: "破解难题", value: problemsCracked ? `${problemsCracked} 个` : "暂无" },
      { label: "树立典型", value: exemplars.length ? exemplars.join("、") : "暂无" },
      { label: "四个一得分", value: score === null ? "尚无应交事项" : `${score.toFixed(2)} 分` },
    ],
    kinds,
    problemsCracked,
    exemplars,
    score,
    weight: 1,
    rule: PRACTICE_RULE,
  };
}

/** The record's score: the weighted mean of the sections that have a score, or null when none has. */
export function recordScore(sections: Pick<CadreRecordSection, "score" | "weight">[]): number | null {
  const scored = sections.filter((s) => s.score !== null && s.weight > 0);
  const weight = scored.reduce((a, s) => a + s.weight, 0);
  if (weight === 0) return null;
  return round2(scored.reduce((a, s) => a + s.score! * s.weight, 0) / weight);
}

export function cadreRecord(userId: string, year: number, sections: CadreRecordSection[]): CadreRecord {
  return { userId, year, sections, score: recordScore(sections) };
}

// The other parts of a cadre's year (issue 18 point 5). Research and learning count with weight 1 each when they
// have anything to count; the ledger and won bids are shown as figures and do not count (a problem owned is not a
// merit, and a won bid already shows in the project it leads).

export const RESEARCH_RULE =
  "调查研究：所牵头或参与课题的对策建议中，经县委领导标记的，采纳计 1 条、部分采纳计 0.5 条、未采纳不计；得分 = 计分条数 ÷ 已标记条数 × 100。尚无标记的不计分。";
export const LEARNING_RULE = "学习：组工讲坛出勤率与业务考试及格率的平均（只有一项时取该项）× 100。当年尚未举办讲坛、也未参加考试的不计分。";

const percent = (rate: number | null) => (rate === null ? "—" : `${round2(rate * 100)}%`);

export type ResearchFigures = {
  led: number;
  member: number;
  finished: number;
  proposals: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  unmarked: number;
  rate: number | null;
};

export function researchSection(r: ResearchFigures): CadreRecordSection {
  const marked = r.adopted + r.partly + r.notAdopted;
  const score = marked === 0 ? null : round2((100 * (r.adopted + 0.5 * r.partly)) / marked);
  return {
    key: "research",
    label: "调查研究课题",
    figures: [
      { label: "牵头课题", value: `${r.led} 项` },
      { label: "参与课题", value: `${r.member} 项` },
      { label: "已结题", value: `${r.finished} 项` },
      {
        label: "对策建议",
        value: r.proposals ? `${r.proposals} 条（采纳 ${r.adopted}、部分采纳 ${r.partly}、未采纳 ${r.notAdopted}、待标记 ${r.unmarked}）` : "暂无",
      },
      { label: "采纳率", value: percent(r.rate) },
    ],
    score,
    weight: 1,
    rule: RESEARCH_RULE,
  };
}

export type LearningFigures = {
  sessionsHeld: number;
  attended: number;
  attendanceRate: number | null;
  examsTaken: number;
  examsPassed: number;
  reflections: number;
};

export function learningSection(l: LearningFigures): CadreRecordSection {
  const parts = [l.attendanceRate, l.examsTaken ? l.examsPassed / l.examsTaken : null].filter((x): x is number => x !== null);
  const score = parts.length === 0 ? null : round2((100 * parts.reduce((a, x) => a + x, 0)) / parts.length);
  return {
    key: "learning",
    label: "学习（组工讲坛、业务考试、心得体会）",
    figures: [
      { label: "组工讲坛出勤", value: l.sessionsHeld ? `${l.attended}/${l.sessionsHeld}（${percent(l.attendanceRate)}）` : "当年尚未举办" },
      { label: "业务考试", value: l.examsTaken ? `参加 ${l.examsTaken} 次，及格 ${l.examsPassed} 次` : "暂无" },
      { label: "心得体会", value: `${l.reflections} 篇` },
    ],
    score,
    weight: 1,
    rule: LEARNING_RULE,
  };
}

/** How the record's score is made from its sections, in words (kept in step with recordScore and the weights above). */
export const RECORD_SCORE_RULE =
  "干部实践记录得分 = 四个一、调查研究、学习三项中当年已有得分各项的平均（各项权重相同，尚无得分的项不参与平均）；三项均无得分的，当年实践记录不计分。盘点销号、个人投标只列示，不计分。";

/** The record's rules as published with the ranking formula: the averaging, then each counting section's score. */
export const RECORD_RULES: readonly string[] = [RECORD_SCORE_RULE, PRACTICE_RULE, RESEARCH_RULE, LEARNING_RULE];

export function ledgerSection(l: { owned: number; open: number; overdue: number; clearedInYear: number }): CadreRecordSection {
  return {
    key: "ledger",
    label: "盘点销号",
    figures: [
      { label: "负责的遗留问题", value: `${l.owned} 个` },
      { label: "当年销号", value: `${l.clearedInYear} 个` },
      { label: "在办 / 逾期", value: `${l.open} / ${l.overdue}` },
    ],
    score: null,
    weight: 0,
    rule: "盘点销号：列示负责与销号情况，不计分。",
  };
}

export function bidsSection(won: { code: string; title: string }[], made: number): CadreRecordSection {
  return {
    key: "bids",
    label: "个人投标",
    figures: [
      { label: "投标", value: `${made} 次` },
      { label: "中标选题", value: won.length ? won.map((t) => `${t.code} ${t.title}`).join("、") : "暂无" },
    ],
    score: null,
    weight: 0,
    rule: "个人投标：列示投标与中标选题，不计分（中标后牵头的项目另行评价）。",
  };
}
