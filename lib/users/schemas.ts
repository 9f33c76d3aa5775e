import { z, requiredText, idSchema, versionSchema } from "@/lib/validation";
import { Role } from "@/lib/generated/prisma/enums";
import { roleSetProblem } from "@/lib/auth/roles";

const rolesSchema = z
  .array(z.enum(Role), { error: "请至少选择一个角色" })
  .min(1, "请至少选择一个角色")
  .superRefine((roles, ctx) => {
    const problem = roleSetProblem(roles);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const phoneSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+\- ]*$/, "电话号码格式不正确")
  .optional()
  .transform((value) => (value ? value : null));

/** Optional; where notifications are also e-mailed when SMTP is configured. */
export const emailSchema = z
  .string()
  .trim()
  .max(120, "电子邮箱不能超过 120 个字符")
  .optional()
  .transform((value) => (value ? value.toLowerCase() : null))
  .pipe(z.email({ error: "电子邮箱格式不正确" }).nullable());

export const userFieldsSchema = z.object({
  name: requiredText("姓名", 40),
  phone: phoneSchema,
  email: emailSchema,
  unitId: z.string({ error: "请选择所在单位" }).min(1, "请选择所在单位"),
  roles: rolesSchema,
});

export const createUserSchema = userFieldsSchema.extend({
  username: z
    .string({ error: "请填写用户名" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, "用户名为 3 至 32 位，以字母开头，只含字母、数字、下划线、点和短横线"),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = userFieldsSchema.extend({ id: idSchema, version: versionSchema });
export const ownEmailSchema = z.object({ email: emailSchema });
export const userIdSchema = z.object({ id: idSchema });
export const setUserActiveSchema = z.object({ id: idSchema, version: versionSchema, active: z.boolean() });

export const userFilterSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  role: z.enum(Role).optional().catch(undefined),
  status: z.enum(["active", "inactive", "locked", "all"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请填写当前密码").max(256),
    newPassword: z.string().min(1, "请填写新密码").max(256),
    confirmPassword: z.string().max(256),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "请输入手机上显示的 6 位数字"),
});
export const sessionHandleSchema = z.object({ handle: z.string().min(10).max(40) });
export const roleSecondFactorSchema = z.object({ role: z.enum(Role), required: z.boolean() });
export const limitKeySchema = z.object({ key: z.string().min(3).max(255) });
