// Server-rendered SVG charts of the dashboards. Each <svg> is one picture (role="img") whose label and
// <title> say its numbers in words; the numbers themselves, with their links, sit next to it as text.
// The links are plain <a>: a county page holds well over a hundred of them, and next/link would hydrate and
// prefetch each one.
import { barLengths, describeChart, stackSegments } from "@/lib/dashboard/rates";

export type ChartItem = { label: string; value: number; href?: string; color?: string };

export const PALETTE = ["#b91c1c", "#0369a1", "#047857", "#b45309", "#6d28d9", "#be185d", "#0f766e", "#4d7c0f", "#57534e", "#1d4ed8"];
const colorOf = (item: ChartItem, index: number) => item.color ?? PALETTE[index % PALETTE.length];

/** Horizontal bars with their labels and values drawn in; scales to the width of its box. */
export function BarChart({
  title,
  items,
  unit = "个",
  max,
  format = (v: number) => String(v),
}: {
  title: string;
  items: ChartItem[];
  unit?: string;
  max?: number;
  format?: (value: number) => string;
}) {
  const label = describeChart(title, items, unit);
  const rowHeight = 22;
  const labelWidth = 96;
  const barSpace = 180;
  const lengths = barLengths(
    items.map((i) => i.value),
    barSpace,
    max,
  );
  const height = Math.max(rowHeight, items.length * rowHeight);
  return (
    <svg viewBox={`0 0 ${labelWidth + barSpace + 44} ${height}`} className="h-auto w-full max-w-md" role="img" aria-label={label}>
      <title>{label}</title>
      {items.map((item, index) => (
        <g key={item.label} transform={`translate(0 ${index * rowHeight})`}>
          <text x={labelWidth - 6} y={rowHeight / 2 + 4} textAnchor="end" fontSize="12" fill="#44403c">
            {item.label}
          </text>
          <rect x={labelWidth} y={4} width={lengths[index]} height={rowHeight - 8} rx={2} fill={colorOf(item, index)} />
          <text x={labelWidth + lengths[index] + 4} y={rowHeight / 2 + 4} fontSize="12" fill="#1c1917">
            {format(item.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** One bar split into parts (e.g. a year's projects by state); `height` makes it a mini bar in a table row. */
export function StackedBar({
  title,
  items,
  unit = "个",
  width = 300,
  height = 18,
}: {
  title: string;
  items: ChartItem[];
  unit?: string;
  width?: number;
  height?: number;
}) {
  const label = describeChart(title, items, unit);
  const segments = stackSegments(
    items.map((i) => i.value),
    width,
  );
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" style={{ maxWidth: width }} role="img" aria-label={label} preserveAspectRatio="none">
      <title>{label}</title>
      <rect x={0} y={0} width={width} height={height} fill="#f5f5f4" />
      {items.map((item, index) =>
        segments[index].width > 0 ? (
          <rect key={item.label} x={segments[index].x} y={0} width={segments[index].width} height={height} fill={colorOf(item, index)} />
        ) : null,
      )}
    </svg>
  );
}

/** Small columns side by side (a sparkline of counts per year in a table row). */
export function MiniBars({
  title,
  items,
  unit = "个",
  width = 84,
  height = 22,
}: {
  title: string;
  items: ChartItem[];
  unit?: string;
  width?: number;
  height?: number;
}) {
  const label = describeChart(title, items, unit);
  const gap = 2;
  const columnWidth = items.length ? (width - gap * (items.length - 1)) / items.length : width;
  const lengths = barLengths(
    items.map((i) => i.value),
    height - 2,
  );
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} className="inline-block align-middle">
      <title>{label}</title>
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} stroke="#d6d3d1" />
      {items.map((item, index) => (
        <rect
          key={item.label}
          x={index * (columnWidth + gap)}
          y={height - 1 - lengths[index]}
          width={columnWidth}
          height={lengths[index]}
          fill={index === items.length - 1 ? "#b91c1c" : "#a8a29e"}
        />
      ))}
    </svg>
  );
}

/** The numbers of a chart as text, each linking to the list behind it; a coloured key when the chart uses colours. */
export function NumberList({ items, keyed = false, label }: { items: ChartItem[]; keyed?: boolean; label: string }) {
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {items.map((item, index) => (
        <li key={item.label} className="flex items-center gap-1">
          {keyed && <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: colorOf(item, index) }} />}
          <span className="text-stone-600">{item.label}</span>
          {item.href ? (
            <a href={item.href} className="link font-medium" aria-label={`${item.label} ${item.value}`}>
              {item.value}
            </a>
          ) : (
            <span className="font-medium">{item.value}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A done/total progress bar with its words. */
export function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  const words = `${label}：已完成 ${done} 项，共 ${total} 项`;
  const width = 200;
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return (
    <svg viewBox={`0 0 ${width} 10`} className="h-2.5 w-full max-w-xs" role="img" aria-label={words} preserveAspectRatio="none">
      <title>{words}</title>
      <rect x={0} y={0} width={width} height={10} rx={5} fill="#e7e5e4" />
      {filled > 0 && <rect x={0} y={0} width={filled} height={10} rx={5} fill="#047857" />}
    </svg>
  );
}
