// Accounts from an Excel sheet, through the shared import (lib/imports): each row is checked by the new
// account form's schema and service (三权分立, unique user name, unit active); roles by their Chinese names,
// the unit by name or code. Each account gets its own temporary password, shown once after the import.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { ALL_ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { createUserSchema } from "@/lib/users/schemas";
import { createUserRecord, temporaryPassword } from "@/lib/users/service";
import { splitList, templateWorkbook, type SheetRow } from "@/lib/imports/sheet";
import { inSavepoint, outcome, zodProblems, type ImportContext, type Importer } from "@/lib/imports/run";
import type { ImportedAccount, RowOutcome, RowProblem } from "@/lib/imports/types";

export const USER_IMPORT_COLUMNS = ["用户名", "姓名", "所在单位", "角色", "手机号码", "电子邮箱"] as const;
const FIELD_COLUMNS: Record<string, string> = { username: "用户名", name: "姓名", unitId: "所在单位", roles: "角色", phone: "手机号码", email: "电子邮箱" };

type Passwords = Map<number, { password: string; hash: string }>;

/** Roles by their Chinese names (管理员、组工干部 …), or a problem naming the unknown ones. */
export function rolesFromLabels(text: string): { roles: Role[] } | { problem: string } {
  const labels = splitList(text);
  if (labels.length === 0) return { problem: "请填写角色" };
  const byLabel = new Map(ALL_ROLES.map((role) => [ROLE_LABELS[role], role]));
  const unknown = labels.filter((label) => !byLabel.has(label));
  if (unknown.length) return { problem: `角色「${unknown.join("、")}」无法识别，应为：${ALL_ROLES.map((role) => ROLE_LABELS[role]).join("、")}` };
  return { roles: [...new Set(labels.map((label) => byLabel.get(label)!))] };
}

/** Looks units up by code (any case) or by name; a name two units share must be given as a code. */
export function unitResolver(units: { id: string; name: string; code: string }[]) {
  const byCode = new Map(units.map((unit) => [unit.code.toUpperCase(), unit]));
  const byName = new Map<string, { id: string; name: string; code: string }[]>();
  for (const unit of units) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  return (text: string): { unit: { id: string; name: string } } | { problem: string } => {
    const code = byCode.get(text.toUpperCase());
    if (code) return { unit: code };
    const named = byName.get(text) ?? [];
    if (named.length === 1) return { unit: named[0] };
    if (named.length > 1) return { problem: `单位「${text}」有重名，请改填单位编码` };
    return { problem: `找不到单位「${text}」（或已停用）` };
  };
}

async function importUserRows(tx: Tx, rows: SheetRow[], ctx: ImportContext<Passwords>) {
  const resolveUnit = unitResolver(await tx.unit.findMany({ where: { active: true }, select: { id: true, name: true, code: true } }));
  const seen = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  const accounts: ImportedAccount[] = [];
  for (const row of rows) {
    const cell = (column: (typeof USER_IMPORT_COLUMNS)[number]) => row.cells[column];
    const problems: RowProblem[] = [];
    const unitText = cell("所在单位");
    const unit = unitText ? resolveUnit(unitText) : { problem: "请填写所在单位" };
    if ("problem" in unit) problems.push({ column: "所在单位", message: unit.problem });
    const roles = rolesFromLabels(cell("角色"));
    if ("problem" in roles) problems.push({ column: "角色", message: roles.problem });
    const parsed = createUserSchema.safeParse({
      username: cell("用户名"),
      name: cell("姓名"),
      phone: cell("手机号码") || undefined,
      email: cell("电子邮箱") || undefined,
      unitId: "unit" in unit ? unit.unit.id : "-",
      roles: "roles" in roles ? roles.roles : ["UNIT_USER"],
    });
    if (!parsed.success) problems.push(...zodProblems(parsed.error, FIELD_COLUMNS));
    const username = parsed.success ? parsed.data.username : cell("用户名").toLowerCase();
    if (seen.has(username)) problems.push({ column: "用户名", message: `与第 ${seen.get(username)} 行的用户名重复` });
    if (problems.length === 0 && parsed.success && "unit" in unit) {
      const prepared = ctx.prepared?.get(row.row);
      problems.push(
        ...(await inSavepoint(
          tx,
          async () => {
            await createUserRecord(tx, parsed.data, {
              // The preview is rolled back: no need to pay for a real hash there.
              passwordHash: ctx.preview || !prepared ? "!preview" : prepared.hash,
              mustChangePassword: true,
              actor: ctx.actor,
              ip: ctx.ip,
            });
          },
          FIELD_COLUMNS,
        )),
      );
      if (problems.length === 0) {
        seen.set(username, row.row);
        if (!ctx.preview && prepared)
          accounts.push({ row: row.row, username, name: parsed.data.name, unit: unit.unit.name, temporaryPassword: prepared.password });
      }
    }
    outcomes.push(outcome(userImporter, row, problems));
  }
  return { outcomes, accounts };
}

export const userImporter: Importer<Passwords> = {
  kind: "users",
  columns: USER_IMPORT_COLUMNS,
  required: ["用户名", "姓名", "所在单位", "角色"],
  audit: { action: "user.import", entityType: "User" },
  async prepare(rows) {
    // argon2 runs on libuv's thread pool: hashing all rows at once before the transaction keeps it short.
    const entries = await Promise.all(
      rows.map(async (row) => {
        const password = temporaryPassword();
        return [row.row, { password, hash: await hashPassword(password) }] as const;
      }),
    );
    return new Map(entries);
  },
  importRows: importUserRows,
};

export async function userImportTemplate(example: { unit: string } | null): Promise<Buffer> {
  return templateWorkbook("账户", USER_IMPORT_COLUMNS, [
    ["zhangsan", "张三", example?.unit ?? "（单位名称或编码）", "单位填报员", "13800000000", "zhangsan@example.com"],
  ]);
}
