import { describe, expect, it } from "vitest";
import * as OTPAuth from "otpauth";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  secondFactorRelaxedIn,
  secondFactorRequired,
  totpCode,
  totpStep,
  totpUri,
  TOTP_PERIOD,
  verifyTotp,
} from "@/lib/auth/second-factor-rules";
import { describeDevice } from "@/lib/auth/device";

// RFC 6238's SHA-1 test secret ("12345678901234567890") and its published 8-digit codes, cut to 6 digits.
const RFC_SECRET = OTPAuth.Secret.fromLatin1("12345678901234567890").base32;

describe("TOTP", () => {
  it("computes the RFC 6238 test vectors", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
  });

  it("accepts the step before and after the current one, nothing further", () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const at = (steps: number) => totpCode(RFC_SECRET, now + steps * TOTP_PERIOD * 1000);
    expect(verifyTotp(RFC_SECRET, at(0), now, null)).toBe(step);
    expect(verifyTotp(RFC_SECRET, at(-1), now, null)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, at(1), now, null)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, at(-2), now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, at(2), now, null)).toBeNull();
  });

  it("refuses a code of a step already used or older (no replay), and malformed input", () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const code = totpCode(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, code, now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code, now, step + 1)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code, now, step - 1)).toBe(step);
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    expect(verifyTotp(RFC_SECRET, "12345", now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "abcdef", now, null)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI the apps scan", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, "zhangsan");
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("period=30");
    expect(OTPAuth.URI.parse(uri).label).toBe("zhangsan");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of ten characters without look-alikes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[abcdefghjkmnpqrstuvwxyz23456789]{5}-[abcdefghjkmnpqrstuvwxyz23456789]{5}$/);
  });

  it("are read however they are typed, and refused when they cannot be one", () => {
    expect(normalizeRecoveryCode(" ABCDE fghjk ")).toBe("abcde-fghjk");
    expect(normalizeRecoveryCode("abcdefghjk")).toBe("abcde-fghjk");
    expect(normalizeRecoveryCode("abcde-fghj")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghj0")).toBeNull(); // 0 is not in the alphabet
    expect(hashRecoveryCode("abcde-fghjk")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("which accounts need the second factor", () => {
  it("always the three admin roles outside the demo, and the roles the security admin chose", () => {
    expect(secondFactorRequired(["COUNTY_ADMIN"], [], false)).toBe(true);
    expect(secondFactorRequired(["AUDIT_ADMIN"], [], false)).toBe(true);
    expect(secondFactorRequired(["SECURITY_ADMIN"], [], false)).toBe(true);
    expect(secondFactorRequired(["COUNTY_STAFF", "REVIEWER"], [], false)).toBe(false);
    expect(secondFactorRequired(["COUNTY_STAFF", "REVIEWER"], ["REVIEWER"], false)).toBe(true);
    // The demo: only what was chosen.
    expect(secondFactorRequired(["COUNTY_ADMIN"], [], true)).toBe(false);
    expect(secondFactorRequired(["COUNTY_ADMIN"], ["COUNTY_ADMIN"], true)).toBe(true);
  });

  it("relaxes the three admin roles in the embedded demo with its published accounts only, never in production", () => {
    // The embedded demo (the start script marks it APP_MODE=demo; or no database configured at all).
    expect(secondFactorRelaxedIn({ APP_MODE: "demo", NODE_ENV: "production", DATABASE_URL: "postgresql://localhost:5432/demo" })).toBe(true);
    expect(secondFactorRelaxedIn({})).toBe(true);
    // Production with the demo data loaded on purpose: the factor stays mandatory.
    expect(secondFactorRelaxedIn({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x", DEMO_DATA: "on" })).toBe(false);
    expect(secondFactorRelaxedIn({ APP_MODE: "production", DEMO_DATA: "on" })).toBe(false);
    expect(secondFactorRelaxedIn({ DATABASE_URL: "postgresql://db/x", DEMO_DATA: "on" })).toBe(false);
    // The demo's empty county (DEMO_DATA=off) has no published accounts to relax for.
    expect(secondFactorRelaxedIn({ APP_MODE: "demo", DEMO_DATA: "off" })).toBe(false);
  });
});

describe("devices in plain words", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", "Windows 电脑 · Chrome 浏览器"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
      "Windows 电脑 · Edge 浏览器",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      "iPhone · Safari 浏览器",
    ],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36", "安卓手机 · Chrome 浏览器"],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/116 Mobile Safari/537.36 MicroMessenger/8.0.47", "安卓手机 · 微信"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0; rv:130.0) Gecko/20100101 Firefox/130.0", "Mac 电脑 · Firefox 浏览器"],
    ["curl/8.5.0", "其他设备"],
    [null, "未知设备"],
  ])("%s", (userAgent, expected) => {
    expect(describeDevice(userAgent)).toBe(expected);
  });
});
