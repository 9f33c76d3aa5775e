// File names as the app keeps them (pure: unit-tested in tests/unit/uploads.test.ts).

/**
 * Characters a file name never keeps: C0 controls and DEL, C1 controls, and the invisible format characters
 * that reorder or hide text — the bidi marks, embeddings, overrides and isolates (U+202E turns
 * "报告gpj.exe" into what looks like "报告exe.jpg"), zero-width characters, the word joiner and the BOM.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"]/g;

/** Keeps the name people recognise, without path parts, control or bidi characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "附件";
  return base.normalize("NFC").replace(HIDDEN, "").trim().slice(-120) || "附件";
}
