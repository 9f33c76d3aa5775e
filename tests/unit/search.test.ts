import { describe, expect, it } from "vitest";
import { searchSchema, splitWords, wordBigrams } from "@/lib/search/schemas";
import { excerpt, highlightParts } from "@/lib/search/highlight";

describe("search words", () => {
  it("splits at any whitespace, full-width spaces too, and drops duplicates", () => {
    expect(splitWords("  党员 服务\u3000承诺\t党员  ")).toEqual(["党员", "服务", "承诺"]);
    expect(splitWords("App app")).toEqual(["App"]);
  });

  it("trims and takes 1 to 50 characters", () => {
    expect(searchSchema.parse({ q: "  流动党员 " })).toEqual({ q: "流动党员", words: ["流动党员"] });
    expect(searchSchema.safeParse({ q: "   " }).success).toBe(false);
    expect(searchSchema.safeParse({ q: "党".repeat(51) }).success).toBe(false);
    expect(searchSchema.safeParse({ q: "党".repeat(50) }).success).toBe(true);
  });

  it("asks the index for every pair of adjacent characters, lower-cased, none for one-character words", () => {
    expect(wordBigrams(["党员"])).toEqual(["党员"]);
    expect(wordBigrams(["党员服务", "APP"])).toEqual(["党员", "员服", "服务", "ap", "pp"]);
    expect(wordBigrams(["党"])).toEqual([]);
    // A character outside the BMP counts as one character.
    expect(wordBigrams(["𠀋村"])).toEqual(["𠀋村"]);
  });
});

describe("highlighting", () => {
  it("marks every occurrence of every word, case-insensitively", () => {
    expect(highlightParts("推行党员服务承诺制，党员亮身份", ["党员", "承诺"])).toEqual([
      { text: "推行", hit: false },
      { text: "党员", hit: true },
      { text: "服务", hit: false },
      { text: "承诺", hit: true },
      { text: "制，", hit: false },
      { text: "党员", hit: true },
      { text: "亮身份", hit: false },
    ]);
    expect(highlightParts("用好App", ["app"])).toEqual([
      { text: "用好", hit: false },
      { text: "App", hit: true },
    ]);
  });

  it("merges overlapping words and returns markup-like text as plain text", () => {
    expect(highlightParts("党员服务", ["党员服", "员服务"])).toEqual([{ text: "党员服务", hit: true }]);
    expect(highlightParts("<b>党员</b>", ["党员"])).toEqual([
      { text: "<b>", hit: false },
      { text: "党员", hit: true },
      { text: "</b>", hit: false },
    ]);
    expect(highlightParts("", ["党员"])).toEqual([]);
    expect(highlightParts("无关", [])).toEqual([{ text: "无关", hit: false }]);
  });

  it("cuts an excerpt around the first matched word", () => {
    const text = `${"甲".repeat(100)}党员${"乙".repeat(100)}`;
    const cut = excerpt(text, ["党员"], 40);
    expect(cut).toContain("党员");
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(excerpt("短文本", ["党员"])).toBe("短文本");
  });
});
