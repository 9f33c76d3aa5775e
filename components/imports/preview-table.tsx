// The rows of an import: row number, the cells as read, and ✓ or each problem with its column.
import type { RowOutcome } from "@/lib/imports/types";
import { DataTable } from "@/components/ui/page";

export function ImportRowsTable({ columns, rows, label }: { columns: string[]; rows: RowOutcome[]; label: string }) {
  return (
    <section aria-label={label}>
      <DataTable headers={["行号", ...columns, "检查结果"]}>
        {rows.map((row) => (
          <tr key={row.row} data-row={row.row} className={row.problems.length ? "bg-red-50/60" : undefined}>
            <td className="whitespace-nowrap">第 {row.row} 行</td>
            {row.cells.map((cell, index) => (
              <td key={index} className="max-w-64 truncate" title={cell}>
                {cell || "—"}
              </td>
            ))}
            <td>
              {row.problems.length === 0 ? (
                <span className="text-emerald-700">✓ 可以导入</span>
              ) : (
                <ul className="space-y-0.5 text-red-700">
                  {row.problems.map((problem, index) => (
                    <li key={index}>
                      {problem.column ? `【${problem.column}】` : ""}
                      {problem.message}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
