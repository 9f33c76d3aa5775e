// The county dashboard's 四个一 panel: four small queries whatever the number of cadres (the year's deadlines, the
// cadres' count, the items grouped by kind / period / state, and the first cadres with an overdue item). Counts
// are shown to every county reader; the late cadres' names only to readers of every cadre (decision 0089).
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { practiceDues } from "@/lib/practice/service";
import { cadreWhere } from "@/lib/practice/queries";
import { practiceCell, SLOTS } from "@/lib/practice/periods";
import { practiceKindRates } from "@/lib/dashboard/practice-rates";
import { readsAllCadres, type Reader } from "@/lib/learning/reach";

export const LATE_CADRES_SHOWN = 10;

export async function practicePanel(viewer: Reader, year: number, now: Date) {
  const names = readsAllCadres(viewer);
  const dues = await practiceDues(db, year);
  const dueSlots = SLOTS.filter((s) => dues.get(s.window)!.getTime() <= now.getTime());
  // A cadre is late when some item whose due date passed was never sent (a draft, or nothing): the grid's 逾期.
  const lateWhere: Prisma.UserWhereInput | null = dueSlots.length
    ? {
        AND: [
          cadreWhere(),
          { OR: dueSlots.map((s) => ({ practiceItems: { none: { year, kind: s.kind, period: s.period, status: { not: "DRAFT" as const } } } })) },
        ],
      }
    : null;
  const [cadres, groups, lateTotal, late] = await Promise.all([
    db.user.count({ where: cadreWhere() }),
    db.practiceItem.groupBy({ by: ["kind", "period", "status", "late"], where: { year, user: cadreWhere() }, _count: { _all: true } }),
    lateWhere ? db.user.count({ where: lateWhere }) : 0,
    lateWhere && names
      ? db.user.findMany({
          where: lateWhere,
          orderBy: [{ unit: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }],
          take: LATE_CADRES_SHOWN,
          select: {
            id: true,
            name: true,
            unit: { select: { name: true } },
            practiceItems: { where: { year }, select: { kind: true, period: true, status: true } },
          },
        })
      : [],
  ]);
  const rates = practiceKindRates(
    groups.map((g) => ({ kind: g.kind, period: g.period, status: g.status, late: g.late, count: g._count._all })),
    cadres,
    dueSlots,
  );
  const lateCadres = late.map((c) => ({
    id: c.id,
    name: c.name,
    unitName: c.unit.name,
    overdue: dueSlots
      .filter((s) => {
        const item = c.practiceItems.find((i) => i.kind === s.kind && i.period === s.period) ?? null;
        return practiceCell({ item, year, kind: s.kind, period: s.period, due: dues.get(s.window)! }, now) === "overdue";
      })
      .map((s) => s.short),
  }));
  return { year, cadres, rates, lateTotal, lateCadres, names };
}

export type PracticePanelData = Awaited<ReturnType<typeof practicePanel>>;
