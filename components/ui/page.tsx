import { type ReactNode, useId } from "react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LabelOptions } from "@/components/ui/field";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-stone-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-stone-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function Card({ title, children, className = "" }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-stone-200 bg-white p-4 shadow-sm ${className}`}>
      {title && <h2 className="mb-3 text-base font-semibold text-stone-800">{title}</h2>}
      {children}
    </section>
  );
}

export function Badge({ children, tone = "stone" }: { children: ReactNode; tone?: "stone" | "green" | "red" | "amber" | "blue" }) {
  const tones = {
    stone: "bg-stone-100 text-stone-700",
    green: "bg-emerald-100 text-emerald-800",
    red: "bg-red-100 text-red-800",
    amber: "bg-amber-100 text-amber-800",
    blue: "bg-sky-100 text-sky-800",
  };
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${tones[tone]}`}>{children}</span>;
}

/** Page links that keep the current filters. */
/** Previous / next links of a list paged in the database; `param` names the page in the URL where a page has two lists. */
export function Pagination({
  total,
  page,
  pageSize,
  params,
  param = "page",
  label = "分页",
}: {
  total: number;
  page: number;
  pageSize: number;
  params: Record<string, string | undefined>;
  param?: string;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const search = new URLSearchParams(Object.entries({ ...params, [param]: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `?${search.toString()}`;
  };
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm text-stone-600">
      <span>
        共 {total} 条，第 {page}/{pages} 页
      </span>
      <span className="flex gap-3">
        {page > 1 ? (
          <Link className="link" href={href(page - 1)}>
            上一页
          </Link>
        ) : (
          <span className="text-stone-500">上一页</span>
        )}
        {page < pages ? (
          <Link className="link" href={href(page + 1)}>
            下一页
          </Link>
        ) : (
          <span className="text-stone-500">下一页</span>
        )}
      </span>
    </nav>
  );
}

export function EmptyRow({ colSpan, children = "没有符合条件的记录" }: { colSpan: number; children?: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="py-8 text-center text-stone-500">
        {children}
      </td>
    </tr>
  );
}

/** A header as a CSS string literal (quotes, backslashes and line breaks escaped). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/\n/g, " ")}"`;
}

/**
 * A list's table. On a phone each row becomes a card, its cells one under another with their column's name before
 * them (the first column, the key field, in bold): `globals.css` `.table-cards`, and the names from `headers`
 * through a style scoped to this table. Wider than the screen otherwise, it scrolls inside its own box, never the page.
 */
export function DataTable({ headers, children, fold }: { headers: ReactNode[]; children: ReactNode; fold?: boolean }) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const labels = headers
    .map((header, index) =>
      typeof header === "string" && header ? `[data-cards="${id}"] td:nth-child(${index + 1})::before{content:${cssString(header)}}` : "",
    )
    .join("");
  return (
    <div
      className={`overflow-x-auto rounded-lg border border-stone-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent ${fold ? "fold-table" : ""}`}
    >
      {labels && <style>{`@media (max-width: 639px){${labels}}`}</style>}
      <table className="table table-cards" data-cards={id}>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * On a phone, a long list or DataTable (class `fold-list` on the <ul>, `fold` on the DataTable) shows its first five
 * rows; this toggle, placed right after it, shows the rest (CSS only: `globals.css` hides the rows while it is closed).
 * Nothing folds at a desk.
 */
export function FoldToggle({ total, shown = 5 }: { total: number; shown?: number }) {
  if (total <= shown) return null;
  return (
    <details className="fold-toggle group mt-2 text-sm">
      <summary className="link cursor-pointer list-none">
        <span className="group-open:hidden">展开其余 {total - shown} 项</span>
        <span className="hidden group-open:inline">收起</span>
      </summary>
    </details>
  );
}

/** The filter bar above a list: a GET form, so filters live in the address and survive a reload. */
export function FilterBar({ children, submitLabel = "筛选" }: { children: ReactNode; submitLabel?: string }) {
  return (
    <form className="mb-3 flex flex-wrap items-end gap-2" role="search">
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        {submitLabel}
      </button>
    </form>
  );
}

export function SavedNotice({ show }: { show: unknown }) {
  if (!show) return null;
  return (
    <div role="status" className="mb-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      已保存。
    </div>
  );
}

/** A filter of a list: one value from a labelled set, or all of them. */
export function FilterSelect({
  name,
  label,
  all,
  labels,
  value,
  width = "w-32",
}: {
  name: string;
  label: string;
  all: string;
  labels: Record<string, string>;
  value?: string;
  width?: string;
}) {
  return (
    <select name={name} defaultValue={value ?? ""} aria-label={label} className={`input ${width}`}>
      <LabelOptions labels={labels} empty={all} />
    </select>
  );
}
