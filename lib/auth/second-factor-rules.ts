// The second factor's pure rules: TOTP codes (RFC 6238 through otpauth), recovery codes, which roles need it.
import crypto from "node:crypto";
import * as OTPAuth from "otpauth";
import type { Role } from "@/lib/generated/prisma/enums";
import { demoDataWanted, type Env, runMode } from "@/lib/config/mode";

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after the current one are accepted too (a phone's clock a little off). */
export const TOTP_WINDOW = 1;
export const ISSUER = "创新项目管理平台";
export const RECOVERY_CODE_COUNT = 10;

/** 管理员, 安全管理员 and 审计管理员 always need it in production; the security admin adds other roles. */
export const MANDATORY_SECOND_FACTOR_ROLES: Role[] = ["COUNTY_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"];

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, username = "") {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** What the authenticator app scans. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD);
}

export function totpCode(secret: string, nowMs = Date.now()): string {
  return totp(secret).generate({ timestamp: nowMs });
}

/**
 * The time step a code belongs to when it is valid at `nowMs` (within the window) and younger than the last
 * step accepted for this account; null otherwise. Accepting only later steps is what makes a code single use.
 */
export function verifyTotp(secret: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(nowMs) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

// Recovery codes: ten characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as xxxxx-xxxxx.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/** As typed: case, spaces and the dash do not matter. Null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const plain = input.toLowerCase().replace(/[\s-]/g, "");
  if (plain.length !== 10 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash("sha256").update(code).digest("hex");
}

export function looksLikeTotp(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ""));
}

/**
 * Whether an account with these roles must use the second factor: the mandatory roles (unless `relaxed`, the
 * demo with its published accounts) and the roles the security admin turned on.
 */
export function secondFactorRequired(roles: readonly Role[], chosen: readonly Role[], relaxed: boolean): boolean {
  return roles.some((role) => chosen.includes(role) || (!relaxed && MANDATORY_SECOND_FACTOR_ROLES.includes(role)));
}

/**
 * The mandatory roles are relaxed in the embedded demo with its published accounts only: never in production,
 * not even a production install that loads the demo data (DEMO_DATA=on), nor the demo's empty county
 * (DEMO_DATA=off, the three admin accounts of `npm run setup`). Decision 0094.
 */
export function secondFactorRelaxedIn(env: Env): boolean {
  return runMode(env) === "demo" && demoDataWanted(env);
}
