import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { canTriage, normalizeReceipt, receiptNumber, SuggestionStatus, TRIAGE_ACTIONS, TRIAGE_TRANSITIONS, type TriageAction } from "@/lib/suggestions/catalog";
import { type ChallengePayload, checkChallenge, createChallenge, solveQuestion } from "@/lib/security/challenge";

const RECEIPT = /^JY2026-[23456789A-HJKMNP-Z]{8}$/;

describe("receipt numbers", () => {
  it("is JY, the year and 8 characters from the unambiguous alphabet", () => {
    let i = 0;
    const counting = (max: number) => i++ % max;
    expect(receiptNumber(2026, counting)).toBe("JY2026-23456789");
    expect(receiptNumber(2026, counting)).toBe("JY2026-ABCDEFGH");
    expect(receiptNumber(2026, counting)).toBe("JY2026-JKMNPQRS");
    expect(receiptNumber(2026, (max) => max - 1)).toBe("JY2026-ZZZZZZZZ");
    expect(receiptNumber(2026, () => 0)).toBe("JY2026-22222222");
  });

  it("never uses 0, O, 1, I or L, whatever the random source gives", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 31; n++) {
      const receipt = receiptNumber(2026, () => n);
      expect(receipt).toMatch(RECEIPT);
      seen.add(receipt.at(-1)!);
    }
    expect(seen.size).toBe(31);
    for (const char of "01OIL") expect(seen.has(char)).toBe(false);
    expect(receiptNumber(2026, (max) => crypto.randomInt(max))).toMatch(RECEIPT);
  });

  it("normalizes what people type: case, surrounding and inner spaces", () => {
    expect(normalizeReceipt("  jy2026-7kq4m2xa ")).toBe("JY2026-7KQ4M2XA");
    expect(normalizeReceipt("JY2026 - 7KQ4 M2XA")).toBe("JY2026-7KQ4M2XA");
    expect(normalizeReceipt("jy2026-7kq4\tm2xa\n")).toBe("JY2026-7KQ4M2XA");
    expect(normalizeReceipt("")).toBe("");
  });
});

describe("triage state machine", () => {
  // Written out on purpose: a change to TRIAGE_TRANSITIONS has to be a change to this table too.
  const ALLOWED: Record<TriageAction, SuggestionStatus[]> = {
    accept: ["NEW", "REPLIED", "NOT_ADOPTED"],
    reply: ["NEW", "ACCEPTED", "REPLIED"],
    merge: ["NEW", "ACCEPTED", "REPLIED", "NOT_ADOPTED"],
    notAdopted: ["NEW", "ACCEPTED", "REPLIED"],
  };
  const STATUSES = Object.values(SuggestionStatus) as SuggestionStatus[];

  it("has the four actions", () => {
    expect([...TRIAGE_ACTIONS].sort()).toEqual(["accept", "merge", "notAdopted", "reply"]);
  });

  for (const action of Object.keys(ALLOWED) as TriageAction[]) {
    for (const status of STATUSES) {
      const expected = ALLOWED[action].includes(status);
      it(`${expected ? "allows" : "refuses"} ${action} on ${status}`, () => {
        expect(canTriage(action, status)).toBe(expected);
        expect((TRIAGE_TRANSITIONS[action].from as readonly string[]).includes(status)).toBe(expected);
      });
    }
  }

  it("allows nothing on a merged suggestion", () => {
    expect(TRIAGE_ACTIONS.filter((action) => canTriage(action, "MERGED"))).toEqual([]);
  });

  it("leads each action to its state and asks for a text where the person needs one", () => {
    expect(Object.fromEntries(TRIAGE_ACTIONS.map((action) => [action, [TRIAGE_TRANSITIONS[action].to, TRIAGE_TRANSITIONS[action].needsReply]]))).toEqual({
      accept: ["ACCEPTED", false],
      reply: ["REPLIED", true],
      merge: ["MERGED", false],
      notAdopted: ["NOT_ADOPTED", true],
    });
  });
});

describe("arithmetic challenge", () => {
  const SECRET = "unit-test-secret";
  const NOW = Date.UTC(2026, 0, 10, 2, 0, 0);
  // Six plus nine; createChallenge draws a first, then b.
  const draws = () => {
    const values = [6, 9];
    return ((min: number, max: number) => {
      const value = values.shift()!;
      expect(value).toBeGreaterThanOrEqual(min);
      expect(value).toBeLessThan(max);
      return value;
    }) as unknown as typeof crypto.randomInt;
  };
  const challenge = () => createChallenge(SECRET, NOW, draws());
  const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()) as ChallengePayload;

  it("asks in Chinese digits and accepts the Arabic answer, returning the token's nonce", () => {
    const { question, token } = challenge();
    expect(question).toBe("六加九等于几？（请填阿拉伯数字）");
    expect(solveQuestion(question)).toBe(15);
    const payload = payloadOf(token);
    expect(payload.exp).toBe(NOW + 2 * 60 * 60 * 1000);
    expect(checkChallenge(SECRET, token, "15", NOW)).toEqual({ nonce: payload.nonce });
    expect(checkChallenge(SECRET, token, " 15 ", NOW + 60_000)).toEqual({ nonce: payload.nonce });
  });

  it("does not reveal the question or its answer to whoever decodes the token", () => {
    const { token } = challenge();
    const [body, signature] = token.split(".");
    const decoded = Buffer.from(body, "base64url").toString();
    expect(Object.keys(JSON.parse(decoded)).sort()).toEqual(["exp", "h", "nonce"]);
    // Neither the operands nor the sum appear, in any form, in what the browser holds.
    for (const text of [decoded, Buffer.from(signature, "base64url").toString("latin1")]) {
      expect(text).not.toMatch(/"a"|"b"|"answer"|六|九/);
    }
    const { h, nonce } = payloadOf(token);
    // The answer hash is keyed: hashing each candidate sum without the secret never gives it.
    for (let sum = 2; sum <= 18; sum++) {
      for (const candidate of [`${nonce}:${sum}`, `answer\n${nonce}:${sum}`, String(sum)]) {
        expect(crypto.createHash("sha256").update(candidate).digest("base64url")).not.toBe(h);
        expect(crypto.createHmac("sha256", "").update(candidate).digest("base64url")).not.toBe(h);
      }
    }
  });

  it("gives every challenge its own nonce", () => {
    const nonces = new Set(Array.from({ length: 20 }, () => payloadOf(createChallenge(SECRET, NOW).token).nonce));
    expect(nonces.size).toBe(20);
  });

  it("only draws numbers from one to nine, and the question's sum is the accepted answer", () => {
    for (let n = 0; n < 200; n++) {
      const { question, token } = createChallenge(SECRET, NOW);
      expect(question).toMatch(/^[一二三四五六七八九]加[一二三四五六七八九]等于几？（请填阿拉伯数字）$/);
      const sum = solveQuestion(question)!;
      expect(checkChallenge(SECRET, token, String(sum), NOW)).toHaveProperty("nonce");
      expect(checkChallenge(SECRET, token, String(sum + 1), NOW)).toEqual({ problem: "验证题答案不正确" });
    }
  });

  it("refuses a wrong or empty answer", () => {
    const { token } = challenge();
    expect(checkChallenge(SECRET, token, "14", NOW)).toEqual({ problem: "验证题答案不正确" });
    expect(checkChallenge(SECRET, token, "十五", NOW)).toEqual({ problem: "验证题答案不正确" });
    expect(checkChallenge(SECRET, token, "", NOW)).toEqual({ problem: "验证题答案不正确" });
  });

  it("refuses a token whose answer hash, expiry or nonce was changed, one signed with another secret and garbage", () => {
    const { token } = challenge();
    const [body, signature] = token.split(".");
    const other = payloadOf(
      createChallenge(
        SECRET,
        NOW,
        (() => {
          const values = [1, 1];
          return () => values.shift()!;
        })() as unknown as typeof crypto.randomInt,
      ).token,
    );
    // Another token's answer hash (for 1 + 1) pasted into this one, to answer "2": the signature no longer fits.
    for (const forged of [
      { ...payloadOf(token), h: other.h },
      { ...payloadOf(token), exp: NOW + 10 * 86_400_000 },
      { ...payloadOf(token), nonce: other.nonce },
    ]) {
      const tampered = Buffer.from(JSON.stringify(forged)).toString("base64url");
      expect(checkChallenge(SECRET, `${tampered}.${signature}`, "2", NOW)).toEqual({ problem: "验证题已失效，请刷新页面后重新作答" });
      expect(checkChallenge(SECRET, `${tampered}.${signature}`, "15", NOW)).toEqual({ problem: "验证题已失效，请刷新页面后重新作答" });
    }
    const flipped = signature.slice(0, -1) + (signature.at(-1) === "A" ? "B" : "A");
    expect(checkChallenge(SECRET, `${body}.${flipped}`, "15", NOW)).toEqual({ problem: "验证题已失效，请刷新页面后重新作答" });
    expect(checkChallenge("another-secret", token, "15", NOW)).toEqual({ problem: "验证题已失效，请刷新页面后重新作答" });
    for (const garbage of ["", "abc", `${body}.`, `.${signature}`, `${body}.${signature.slice(0, 10)}`, `${token}.x`]) {
      expect(checkChallenge(SECRET, garbage, "15", NOW), garbage).toEqual({ problem: "验证题已失效，请刷新页面后重新作答" });
    }
  });

  it("lasts two hours, long enough to write a long suggestion", () => {
    const { token } = challenge();
    expect(checkChallenge(SECRET, token, "15", NOW + 119 * 60 * 1000)).toHaveProperty("nonce");
    expect(checkChallenge(SECRET, token, "15", NOW + 121 * 60 * 1000)).toEqual({ problem: "验证题已过期，请换一题重新作答" });
    // An expired token is refused as expired even with a wrong answer: the person needs a new question.
    expect(checkChallenge(SECRET, token, "3", NOW + 121 * 60 * 1000)).toEqual({ problem: "验证题已过期，请换一题重新作答" });
  });

  it("accepts only plain digits as the answer", () => {
    const { token } = challenge();
    for (const answer of ["0xF", "1.5e1", "15.0", " 15abc"])
      expect(checkChallenge(SECRET, token, answer, NOW), answer).toEqual({ problem: "验证题答案不正确" });
    expect(checkChallenge(SECRET, token, " 15 ", NOW)).toHaveProperty("nonce");
  });
});
