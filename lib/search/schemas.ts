// What was typed into the search box: pure, shared by the page, the queries and the tests.
import { z } from "zod";

export const SEARCH_MAX_LENGTH = 50;
/** More words than this are ignored: each word is one more condition on every row. */
export const SEARCH_MAX_WORDS = 8;

/** The words of a query: split at any whitespace (full-width spaces too), duplicates dropped. */
export function splitWords(q: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of q.trim().split(/\s+/u)) {
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words.slice(0, SEARCH_MAX_WORDS);
}

/**
 * The character pairs (bigrams) that a row must contain for every word of two or more characters, lower-cased
 * like search_bigrams() in the database. One-character words add nothing: they are checked on the text alone.
 */
export function wordBigrams(words: readonly string[]): string[] {
  const pairs = new Set<string>();
  for (const word of words) {
    const chars = [...word.toLowerCase()];
    for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
  }
  return [...pairs];
}

/** ?q=…: trimmed, 1 to 50 characters; every word must occur (AND), anywhere in the searched fields. */
export const searchSchema = z
  .object({ q: z.string().trim().min(1, "请输入要搜索的词").max(SEARCH_MAX_LENGTH, `最多 ${SEARCH_MAX_LENGTH} 个字`) })
  .transform(({ q }) => ({ q, words: splitWords(q) }));
export type SearchInput = z.infer<typeof searchSchema>;
