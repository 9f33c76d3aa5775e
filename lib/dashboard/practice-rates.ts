// The county dashboard's 四个一 panel: completion per item kind among the items whose due date has passed. Pure.
import type { PracticeKind, PracticeStatus } from "@/lib/generated/prisma/enums";
import { KIND_LABELS, type Slot } from "@/lib/practice/periods";
import { percent } from "@/lib/dashboard/rates";

export type PracticeGroup = { kind: PracticeKind; period: number; status: PracticeStatus; late: boolean; count: number };
export type KindRate = { kind: PracticeKind; label: string; due: number; done: number; onTime: number; accepted: number; rate: number | null };

export const PRACTICE_RATE_DEFINITION =
  "完成率 = 截止时间已过的事项中已提交（待审核或已认可；退回未改的不算）的项数 ÷ 应交项数；应交项数 = 在岗组工干部人数 × 已过截止时间的事项数。按时 = 截止前提交。";

/** Per kind (调研报告, 破解难题, 树立典型): owed, sent (waiting or accepted), sent on time, accepted, and the rate. */
export function practiceKindRates(groups: PracticeGroup[], cadres: number, dueSlots: Pick<Slot, "kind" | "period">[]): KindRate[] {
  return (Object.keys(KIND_LABELS) as PracticeKind[]).map((kind) => {
    const slots = dueSlots.filter((s) => s.kind === kind);
    const of = groups.filter((g) => g.kind === kind && slots.some((s) => s.period === g.period) && (g.status === "SUBMITTED" || g.status === "ACCEPTED"));
    const sum = (rows: PracticeGroup[]) => rows.reduce((a, g) => a + g.count, 0);
    const due = cadres * slots.length;
    const done = sum(of);
    return {
      kind,
      label: KIND_LABELS[kind],
      due,
      done,
      onTime: sum(of.filter((g) => !g.late)),
      accepted: sum(of.filter((g) => g.status === "ACCEPTED")),
      rate: due === 0 ? null : percent(done, due),
    };
  });
}
