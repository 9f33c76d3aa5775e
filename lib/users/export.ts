import "server-only";
import { db } from "@/lib/db/client";
import type { z } from "@/lib/validation";
import type { userFilterSchema } from "@/lib/users/schemas";
import { userWhere } from "@/lib/users/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { unitLabel } from "@/lib/units/tree";
import { afterCursor, DATE_TIME, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The account list as filtered, for the security admin; never a password hash, only who holds which duties. */
export async function usersExport(filter: z.infer<typeof userFilterSchema>) {
  const where = await userWhere(filter);
  const total = await db.user.count({ where });
  const batches = inBatches((cursor, take) =>
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...afterCursor(cursor, take),
      select: {
        id: true,
        username: true,
        name: true,
        phone: true,
        email: true,
        roles: true,
        active: true,
        lastSignInAt: true,
        createdAt: true,
        unit: { select: { name: true, type: true, parent: { select: { name: true } } } },
      },
    }),
  );
  const title = "账户名单";
  return listExport({
    title,
    total,
    batches,
    columns: [
      { header: "用户名", width: 14, value: (u) => u.username },
      { header: "姓名", width: 10, value: (u) => u.name },
      { header: "单位", width: 28, value: (u) => unitLabel(u.unit) },
      { header: "角色", width: 24, value: (u) => u.roles.map((r) => ROLE_LABELS[r]).join("、") },
      { header: "电话", width: 14, value: (u) => u.phone ?? "" },
      { header: "电子邮箱", width: 24, value: (u) => u.email ?? "" },
      { header: "状态", width: 8, value: (u) => (u.active ? "在用" : "停用") },
      { header: "最近登录", width: 18, value: (u) => excelDate(u.lastSignInAt), numFmt: DATE_TIME },
      { header: "创建时间", width: 18, value: (u) => excelDate(u.createdAt), numFmt: DATE_TIME },
    ],
  });
}
