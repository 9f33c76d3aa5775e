// Marking the matched words in a hit's text. Pure: returns pieces of text that the page renders as
// React text (never as HTML), so whatever the text contains is escaped by React.

export type Piece = { text: string; hit: boolean };

/** The text cut into pieces, the pieces that match one of the words (case-insensitively) flagged. */
export function highlightParts(text: string, words: readonly string[]): Piece[] {
  const lower = text.toLowerCase();
  const needles = words.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  // Only a lower-casing that keeps every position in place can be mapped back onto the text.
  if (needles.length === 0 || lower.length !== text.length) return text ? [{ text, hit: false }] : [];
  const marked = new Array<boolean>(text.length).fill(false);
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) marked.fill(true, at, at + needle.length);
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    pieces.push({ text: text.slice(i, j), hit: marked[i] });
    i = j;
  }
  return pieces;
}

/** A window of about `length` characters around the first matched word (the start if none), with … where cut. */
export function excerpt(text: string, words: readonly string[], length = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const lower = flat.toLowerCase();
  const positions = words.map((w) => lower.indexOf(w.toLowerCase())).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), flat.length - length));
  const end = Math.min(flat.length, start + length);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}
