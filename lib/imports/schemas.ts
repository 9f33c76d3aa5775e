import { z } from "@/lib/validation";

export const importUploadSchema = z.object({
  fileName: z
    .string()
    .max(200)
    .regex(/\.xlsx$/i, "请上传 .xlsx 格式的 Excel 文件"),
  // base64 of at most 2 MB (the size is checked again on the bytes)
  content: z.string().min(1, "文件为空").max(2_800_000, "文件不能超过 2 MB"),
});

export const importConfirmSchema = z.object({ token: z.string().min(1, "预览已失效，请重新上传文件").max(2000) });
