// zod with Chinese messages: every schema of the app imports z from here.
import { z } from "zod";
import { parseBusinessDateTime } from "@/lib/time";

z.config(z.locales.zhCN());

export { z };

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((value) => (value ? value : null));

// Ids are cuids: letters and digits (and - _ for safety); a NUL byte or any other character is refused by the schema.
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "编号格式不正确");
export const versionSchema = z.coerce.number().int().min(0);

/** A date and time typed in Beijing time ("2026-03-31T17:00"), required. */
export const instantField = (label: string) =>
  z.string({ error: `请填写${label}` }).transform((value, ctx) => {
    const date = value ? parseBusinessDateTime(value) : null;
    if (!date) {
      ctx.addIssue({ code: "custom", message: value ? `${label}格式不正确` : `请填写${label}` });
      return z.NEVER;
    }
    return date;
  });
