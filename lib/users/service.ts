// Account changes, shared by the security admin's actions and the demo data.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { FieldError } from "@/lib/actions/errors";
import { hashPassword } from "@/lib/auth/password";
import { generateTemporaryPassword } from "@/lib/auth/password-policy";
import { roleSetProblem, ROLE_LABELS } from "@/lib/auth/roles";
import type { CreateUserInput } from "@/lib/users/schemas";

export const temporaryPassword = () => generateTemporaryPassword((max) => crypto.randomInt(max));

export async function checkUnit(tx: Tx, unitId: string) {
  const unit = await tx.unit.findUnique({ where: { id: unitId } });
  if (!unit) throw new FieldError("unitId", "所选单位不存在");
  if (!unit.active) throw new FieldError("unitId", "所选单位已停用");
}

export async function createUserRecord(
  tx: Tx,
  input: Omit<CreateUserInput, "email"> & { email?: string | null },
  /** `passwordHash`: already hashed (an import hashes its passwords before its transaction). */
  options: ({ password: string } | { passwordHash: string }) & { mustChangePassword: boolean; actor: AuditActor; ip?: string | null },
) {
  const problem = roleSetProblem(input.roles);
  if (problem) throw new FieldError("roles", problem);
  if (await tx.user.findUnique({ where: { username: input.username } })) throw new FieldError("username", "该用户名已被使用");
  await checkUnit(tx, input.unitId);
  const user = await tx.user.create({
    data: {
      username: input.username,
      name: input.name,
      phone: input.phone,
      email: input.email ?? null,
      unitId: input.unitId,
      roles: [...new Set(input.roles)],
      passwordHash: "passwordHash" in options ? options.passwordHash : await hashPassword(options.password),
      mustChangePassword: options.mustChangePassword,
    },
  });
  await writeAudit(
    {
      actor: options.actor,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      summary: `${user.name}（${user.username}）：${user.roles.map((r) => ROLE_LABELS[r]).join("、")}`,
      ip: options.ip ?? null,
    },
    tx,
  );
  return user;
}
