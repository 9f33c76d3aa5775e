import { describe, expect, it } from "vitest";
import { characterClasses, generateTemporaryPassword, passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it.each([
    ["Abc12345", null],
    ["abc123!@", null],
    ["ABC123!@", null],
    ["Abcdefg!", null],
    ["Ab1!", "密码至少 8 位"],
    ["abcdefgh", "密码须包含大写字母、小写字母、数字、符号中的至少三类"],
    ["abcd1234", "密码须包含大写字母、小写字母、数字、符号中的至少三类"],
    ["ABCDabcd", "密码须包含大写字母、小写字母、数字、符号中的至少三类"],
    ["12345678", "密码须包含大写字母、小写字母、数字、符号中的至少三类"],
  ])("%s → %s", (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it("treats Chinese characters as symbols and counts length in characters", () => {
    expect(characterClasses("组织Abc1")).toBe(4);
    expect(passwordProblem("组织工作Abc1")).toBeNull();
    expect(passwordProblem("组织工作Ab1")).toBe("密码至少 8 位");
  });

  it("refuses a password that contains the user name", () => {
    expect(passwordProblem("Zhang123!", "zhang")).toBe("密码不能包含用户名");
  });

  it("refuses more than 128 characters", () => {
    expect(passwordProblem(`Aa1!${"x".repeat(130)}`)).toBe("密码不能超过 128 位");
  });

  it("generates temporary passwords that satisfy the policy", () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % max;
    };
    for (let i = 0; i < 200; i++) expect(passwordProblem(generateTemporaryPassword(random))).toBeNull();
  });
});
