// The colours of a state table's states in charts, from each state's tone: a chart needs one colour per state, so
// the states of one tone take that tone's shades in table order (decision 0098). Pure.
import type { Tone } from "@/lib/states/machine";

export type Shade = { hex: string; name: string };

/** Each tone's shades, distinct enough side by side in a stacked bar; a tone with more states repeats its last. */
export const TONE_SHADES: Record<Tone, readonly Shade[]> = {
  stone: [
    { hex: "#a8a29e", name: "浅灰色" },
    { hex: "#78716c", name: "灰色" },
    { hex: "#44403c", name: "深灰色" },
  ],
  blue: [
    { hex: "#0284c7", name: "蓝色" },
    { hex: "#6d28d9", name: "紫色" },
    { hex: "#1d4ed8", name: "深蓝色" },
  ],
  amber: [
    { hex: "#f59e0b", name: "橙黄色" },
    { hex: "#d97706", name: "橙色" },
    { hex: "#b45309", name: "棕色" },
  ],
  green: [
    { hex: "#0f766e", name: "青色" },
    { hex: "#65a30d", name: "黄绿色" },
    { hex: "#047857", name: "绿色" },
  ],
  red: [
    { hex: "#b91c1c", name: "红色" },
    { hex: "#7f1d1d", name: "深红色" },
  ],
};

/** One chart colour per state of a table (any table: `{ states }` with a tone for each). */
export function stateShades<S extends string>(machine: { states: Record<S, { tone: Tone }> }): Record<S, Shade> {
  const used: Partial<Record<Tone, number>> = {};
  const result = {} as Record<S, Shade>;
  for (const [state, { tone }] of Object.entries(machine.states) as [S, { tone: Tone }][]) {
    const shades = TONE_SHADES[tone];
    const index = used[tone] ?? 0;
    used[tone] = index + 1;
    result[state] = shades[Math.min(index, shades.length - 1)];
  }
  return result;
}
