import { describe, expect, it } from "vitest";
import { Backoff } from "../../scripts/supervise";

describe("restart back-off", () => {
  it("doubles the delay up to its maximum and gives up after too many deaths within the window", () => {
    const backoff = new Backoff({ firstMs: 1_000, maxMs: 4_000, windowMs: 60_000, limit: 4 });
    expect([0, 1_000, 3_000, 7_000].map((at) => backoff.next(at))).toEqual([1_000, 2_000, 4_000, 4_000]);
    expect(backoff.next(11_000)).toBeUndefined();
  });

  it("forgets deaths older than the window: a child that ran a while starts again quickly", () => {
    const backoff = new Backoff({ firstMs: 500, maxMs: 10_000, windowMs: 60_000, limit: 2 });
    expect(backoff.next(0)).toBe(500);
    expect(backoff.next(1_000)).toBe(1_000);
    expect(backoff.next(120_000)).toBe(500);
  });
});
