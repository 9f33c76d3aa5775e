// zod with Chinese messages: every schema of the app imports z from here.
import { z } from "zod";

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

export const idSchema = z.string().min(1).max(40);
export const versionSchema = z.coerce.number().int().min(0);
