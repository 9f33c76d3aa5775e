import Link from "next/link";
import { formatDateTime } from "@/lib/time";
import { slotParam } from "@/lib/practice/periods";
import type { SlotView } from "@/lib/practice/queries";
import { DataTable } from "@/components/ui/page";
import { Countdown } from "@/components/ui/countdown";
import { PracticeBadge } from "@/components/practice/cell-badge";

/** A cadre's seven items of a year: due dates, states, countdowns; each opens its page. */
export function YearItems({ year, slots, now, cadreId, own }: { year: number; slots: SlotView[]; now: Date; cadreId: string; own: boolean }) {
  return (
    <DataTable headers={["事项", "内容", "截止时间", "状态", ""]}>
      {slots.map((slot) => (
        <tr key={slotParam(slot)} data-testid="practice-item">
          <td className="whitespace-nowrap font-medium">{slot.label}</td>
          <td className="min-w-40">{slot.item?.title || <span className="text-stone-500">未填写</span>}</td>
          <td className="whitespace-nowrap">
            {formatDateTime(slot.due)}
            {(slot.cell === "due" || slot.cell === "returned") && (
              <span className="ml-2 text-xs">
                <Countdown deadline={slot.due.toISOString()} serverNow={now.toISOString()} />
              </span>
            )}
          </td>
          <td className="whitespace-nowrap">
            <PracticeBadge cell={slot.cell} late={slot.item?.late} />
          </td>
          <td>
            {(slot.cell !== "upcoming" || slot.item) && (
              <Link
                href={`/practice/${year}/${slotParam(slot)}${own ? "" : `?cadre=${cadreId}`}`}
                className="link whitespace-nowrap"
                aria-label={`${slot.label}${own && slot.cell !== "submitted" && slot.cell !== "accepted" ? "填写" : "查看"}`}
              >
                {own && slot.cell !== "submitted" && slot.cell !== "accepted" ? "填写" : "查看"}
              </Link>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
