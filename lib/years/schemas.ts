import { z, idSchema, versionSchema, optionalText } from "@/lib/validation";
import { parseBusinessDateTime } from "@/lib/time";
import { WINDOW_KINDS, WINDOW_LABELS, type WindowKind } from "@/lib/years/windows";

export const createYearSchema = z.object({
  year: z.coerce.number({ error: "请填写年度" }).int("年度须为四位整数").min(2000, "年度须在 2000 至 2100 之间").max(2100, "年度须在 2000 至 2100 之间"),
});

const optionalInstant = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const date = parseBusinessDateTime(value);
    if (!date) ctx.addIssue({ code: "custom", message: "日期时间格式不正确" });
    return date;
  });

// Flat field names (SUGGESTION_start, SUGGESTION_end …) so that each error lands beside its input; typed by name,
// so the form's fields are checked against them.
const windowFields = Object.fromEntries(
  WINDOW_KINDS.flatMap((kind) => [
    [`${kind}_start`, optionalInstant],
    [`${kind}_end`, optionalInstant],
  ]),
) as Record<`${WindowKind}_${"start" | "end"}`, typeof optionalInstant>;

export const updateYearSchema = z
  .object({ id: idSchema, version: versionSchema, note: optionalText("备注", 500), ...windowFields })
  .superRefine((value, ctx) => {
    const fields = value as unknown as Record<string, Date | null>;
    for (const kind of WINDOW_KINDS) {
      const start = fields[`${kind}_start`];
      const end = fields[`${kind}_end`];
      if (!end) ctx.addIssue({ code: "custom", path: [`${kind}_end`], message: `请填写${WINDOW_LABELS[kind].label}的截止时间` });
      else if (start && start >= end) ctx.addIssue({ code: "custom", path: [`${kind}_end`], message: "截止时间须晚于开始时间" });
    }
  });

export const setCurrentYearSchema = z.object({ id: idSchema });
