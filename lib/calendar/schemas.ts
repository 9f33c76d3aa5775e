import { z, requiredText } from "@/lib/validation";
import { parseBusinessDateTime } from "@/lib/time";

const dateField = z
  .string({ error: "请选择日期" })
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseBusinessDateTime(value) !== null, "请选择日期（如 2026-10-01）");

export const setCalendarDaySchema = z.object({
  date: dateField,
  working: z.enum(["off", "work"], { error: "请选择休息或上班" }).transform((value) => value === "work"),
  note: requiredText("说明", 60),
});

export const removeCalendarDaySchema = z.object({ date: dateField });
