import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeKept } from "@/lib/auth/token-cache";

const secret = "unit-tests-secret-of-at-least-32-bytes!";

describe("the session cookie decrypted once per process (decision 0109)", () => {
  afterEach(() => vi.useRealTimers());

  it("answers a cookie's payload, the same payload when the same cookie comes again", async () => {
    const token = await encode({ token: { sid: "session-1" }, secret, maxAge: 600 });
    const first = await decodeKept({ token, secret });
    expect(first?.sid).toBe("session-1");
    expect(await decodeKept({ token, secret })).toBe(first);
  });

  it("refuses a cookie that does not decrypt, or under another secret, and keeps nothing for it", async () => {
    const token = await encode({ token: { sid: "session-2" }, secret, maxAge: 600 });
    await expect(decodeKept({ token: `${token.slice(0, -4)}AAAA`, secret })).rejects.toThrow();
    await expect(decodeKept({ token, secret: "another-secret-of-at-least-32-bytes!!" })).rejects.toThrow();
    // Kept under its own secret, still refused under another.
    expect((await decodeKept({ token, secret }))?.sid).toBe("session-2");
    await expect(decodeKept({ token, secret: "another-secret-of-at-least-32-bytes!!" })).rejects.toThrow();
    expect(await decodeKept({ token: "", secret })).toBeNull();
  });

  it("refuses a kept cookie once it has expired (15 s tolerance, as next-auth)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T10:00:00Z"));
    const token = await encode({ token: { sid: "session-3" }, secret, maxAge: 60 });
    expect((await decodeKept({ token, secret }))?.sid).toBe("session-3");
    vi.setSystemTime(new Date("2026-12-07T10:01:10Z")); // 70 s: expired 10 s ago, within the tolerance
    expect((await decodeKept({ token, secret }))?.sid).toBe("session-3");
    vi.setSystemTime(new Date("2026-12-07T10:01:20Z")); // 80 s: past the tolerance
    await expect(decodeKept({ token, secret })).rejects.toThrow();
  });
});
