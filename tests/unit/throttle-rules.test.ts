import { describe, expect, it } from "vitest";
import { isLocked, lockEnd, parseLimitKey, retryMessage, THROTTLE_RULES, throttleKeys } from "@/lib/auth/throttle-rules";

describe("sign-in throttle rules", () => {
  it("keeps the numbers the docs promise", () => {
    expect(THROTTLE_RULES.ip).toMatchObject({ points: 20, duration: 900, block: 900 });
    expect(THROTTLE_RULES.pair).toMatchObject({ points: 5, duration: 900, block: 900 });
    expect(THROTTLE_RULES.account).toMatchObject({ points: 50, duration: 3600, block: 3600 });
  });

  it("counts one attempt on its address, its account from that address, and its account", () => {
    expect(throttleKeys("zhangsan", "10.0.0.1")).toEqual({ ip: "10.0.0.1", pair: "zhangsan|10.0.0.1", account: "zhangsan" });
    expect(throttleKeys("zhangsan", null)).toEqual({ ip: "-", pair: "zhangsan|-", account: "zhangsan" });
  });

  it("locks at the limit, and the latest lock decides when to try again", () => {
    expect(isLocked(THROTTLE_RULES.pair, 4)).toBe(false);
    expect(isLocked(THROTTLE_RULES.pair, 5)).toBe(true);
    const now = 1_000_000;
    expect(lockEnd([{ rule: THROTTLE_RULES.pair, consumed: 4, msBeforeNext: 60_000 }], now)).toBeNull();
    expect(
      lockEnd(
        [
          { rule: THROTTLE_RULES.pair, consumed: 6, msBeforeNext: 60_000 },
          { rule: THROTTLE_RULES.account, consumed: 51, msBeforeNext: 120_000 },
          { rule: THROTTLE_RULES.ip, consumed: 3, msBeforeNext: 900_000 },
        ],
        now,
      ),
    ).toEqual(new Date(now + 120_000));
  });

  it("reads keys back for the security admin's page, IPv6 and unknown names included", () => {
    expect(parseLimitKey("pair:zhangsan|10.0.0.1")).toMatchObject({ username: "zhangsan", ip: "10.0.0.1", rule: THROTTLE_RULES.pair });
    expect(parseLimitKey("pair:a|b|::1")).toMatchObject({ username: "a|b", ip: "::1" });
    expect(parseLimitKey("ip:2001:db8::1")).toMatchObject({ username: null, ip: "2001:db8::1" });
    expect(parseLimitKey("account:lisi")).toMatchObject({ username: "lisi", ip: null });
    expect(parseLimitKey("pair:-|-")).toMatchObject({ username: "-", ip: null });
    expect(parseLimitKey("other:x")).toBeNull();
    expect(parseLimitKey("nocolon")).toBeNull();
  });

  it("says when to try again in Beijing time", () => {
    expect(retryMessage(new Date("2026-12-03T06:05:00Z"))).toBe("登录失败次数过多，请于 14:05 后再试（北京时间）");
  });
});
