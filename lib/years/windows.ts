// The windows and deadlines of a programme year, and their defaults. Pure.
import { WindowKind } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";

export { WindowKind };

export const WINDOW_KINDS = Object.values(WindowKind) as WindowKind[];

export const WINDOW_LABELS: Record<WindowKind, { label: string; hint: string }> = {
  SUGGESTION: { label: "建言献策", hint: "征集意见建议" },
  TOPIC_CLAIM: { label: "选题认领与招投标", hint: "单位认领参考选题、投标" },
  PROPOSAL: { label: "项目申报", hint: "提交创新项目申报书" },
  HEARING: { label: "听证审定", hint: "听证会评审与部务会审定" },
  REPORT_Q1: { label: "第一季度进展报送", hint: "一季度结束后 10 日内" },
  REPORT_Q2: { label: "第二季度进展报送", hint: "二季度结束后 10 日内" },
  REPORT_Q3: { label: "第三季度进展报送", hint: "三季度结束后 10 日内" },
  REPORT_Q4: { label: "第四季度进展报送", hint: "四季度结束后 10 日内" },
  NOMINATION: { label: "评比表彰推荐", hint: "单位推荐创新性工作和创新性人才" },
  EVALUATION: { label: "年终评比", hint: "评审、公示与表彰决定" },
  PRACTICE_R1: { label: "四个一：第一季度调研报告", hint: "组工干部一季度专题调研报告" },
  PRACTICE_R2: { label: "四个一：第二季度调研报告", hint: "组工干部二季度专题调研报告" },
  PRACTICE_R3: { label: "四个一：第三季度调研报告", hint: "组工干部三季度专题调研报告" },
  PRACTICE_R4: { label: "四个一：第四季度调研报告", hint: "组工干部四季度专题调研报告" },
  PRACTICE_P1: { label: "四个一：上半年破解难题", hint: "组工干部上半年破解一道工作难题" },
  PRACTICE_P2: { label: "四个一：下半年破解难题", hint: "组工干部下半年破解一道工作难题" },
  PRACTICE_E: { label: "四个一：树立典型", hint: "组工干部全年树立一个典型" },
};

type Window = { kind: WindowKind; startsAt: Date | null; endsAt: Date };

const at = (year: number, month: number, day: number, time: string) =>
  parseBusinessDateTime(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} ${time}`)!;

/** Defaults from the annual cycle (docs/modules.md, 年度); deadlines fall at 23:59 Beijing time. */
export function defaultWindows(year: number): Window[] {
  const end = (y: number, m: number, d: number) => at(y, m, d, "23:59");
  const start = (y: number, m: number, d: number) => at(y, m, d, "00:00");
  const lastOfFebruary = new Date(Date.UTC(year, 2, 0)).getUTCDate();
  return [
    { kind: "SUGGESTION", startsAt: start(year, 1, 1), endsAt: end(year, 1, 31) },
    { kind: "TOPIC_CLAIM", startsAt: start(year, 2, 1), endsAt: end(year, 2, lastOfFebruary) },
    { kind: "PROPOSAL", startsAt: start(year, 2, 1), endsAt: end(year, 3, 31) },
    { kind: "HEARING", startsAt: start(year, 3, 15), endsAt: end(year, 4, 30) },
    { kind: "REPORT_Q1", startsAt: start(year, 4, 1), endsAt: end(year, 4, 10) },
    { kind: "REPORT_Q2", startsAt: start(year, 7, 1), endsAt: end(year, 7, 10) },
    { kind: "REPORT_Q3", startsAt: start(year, 10, 1), endsAt: end(year, 10, 10) },
    { kind: "REPORT_Q4", startsAt: start(year + 1, 1, 1), endsAt: end(year + 1, 1, 10) },
    { kind: "NOMINATION", startsAt: start(year, 11, 15), endsAt: end(year, 12, 10) },
    { kind: "EVALUATION", startsAt: start(year, 12, 10), endsAt: end(year, 12, 31) },
    // 四个一: bare deadlines, the 10th day after the quarter / half-year / year (lib/practice/periods.ts).
    { kind: "PRACTICE_R1", startsAt: null, endsAt: end(year, 4, 10) },
    { kind: "PRACTICE_R2", startsAt: null, endsAt: end(year, 7, 10) },
    { kind: "PRACTICE_R3", startsAt: null, endsAt: end(year, 10, 10) },
    { kind: "PRACTICE_R4", startsAt: null, endsAt: end(year + 1, 1, 10) },
    { kind: "PRACTICE_P1", startsAt: null, endsAt: end(year, 7, 10) },
    { kind: "PRACTICE_P2", startsAt: null, endsAt: end(year + 1, 1, 10) },
    { kind: "PRACTICE_E", startsAt: null, endsAt: end(year + 1, 1, 10) },
  ];
}

export type WindowState = "upcoming" | "open" | "closed";
export function windowState(window: { startsAt: Date | null; endsAt: Date }, now: Date): WindowState {
  if (now.getTime() >= window.endsAt.getTime()) return "closed";
  if (window.startsAt && now.getTime() < window.startsAt.getTime()) return "upcoming";
  return "open";
}
