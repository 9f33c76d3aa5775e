// The audit chain's formats, without the database: the entry hash, what an export's signature covers, and
// the check of an exported file (scripts/verify-audit-export.ts runs it; no server-only, so scripts import it).
import crypto from "node:crypto";

export const GENESIS = "0".repeat(64);

export function entryHash(prevHash: string, canonical: string): string {
  return crypto.createHash("sha256").update(`${prevHash}\n${canonical}`, "utf8").digest("hex");
}

export type ExportEntry = {
  seq: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string | null;
  details: unknown;
  ip: string | null;
  outcome: string;
  prevHash: string;
  hash: string;
  canonical: string;
};

export type SignedExport = {
  format: "cxxm-audit-range";
  version: 1;
  fromSeq: string;
  toSeq: string;
  count: number;
  exportedAt: string;
  /** What is signed: the lines "seq hash", one per entry, then the range, as signedText(). */
  algorithm: "Ed25519";
  publicKey: string;
  signature: string;
  entries: ExportEntry[];
};

/** The bytes the signature covers: every entry's seq and hash, in order, and the first entry's prevHash. */
export function signedText(doc: Pick<SignedExport, "fromSeq" | "toSeq" | "count" | "entries">): string {
  const first = doc.entries[0]?.prevHash ?? GENESIS;
  return `${[`cxxm-audit-range ${doc.fromSeq}-${doc.toSeq} ${doc.count} ${first}`, ...doc.entries.map((e) => `${e.seq} ${e.hash}`)].join("\n")}\n`;
}

/**
 * Checks an exported range on its own (no database): the signature with the given public key (the one the
 * audit page shows, not the one in the file), each entry's hash against its canonical text and the links.
 * The canonical text is what is hashed and signed; the separate fields beside it are for reading.
 * Returns the problems, none when the file is genuine. scripts/verify-audit-export.ts runs it.
 */
export function checkExport(doc: SignedExport, trustedPublicKeyPem: string): string[] {
  const problems: string[] = [];
  const key = crypto.createPublicKey(trustedPublicKeyPem);
  if (!crypto.verify(null, Buffer.from(signedText(doc)), key, Buffer.from(doc.signature, "base64"))) problems.push("签名不符：文件被改动，或不是本系统导出的");
  if (doc.count !== doc.entries.length) problems.push(`条数不符：文件写 ${doc.count} 条，实有 ${doc.entries.length} 条`);
  doc.entries.forEach((entry, index) => {
    const before = doc.entries[index - 1];
    if (before && (BigInt(entry.seq) !== BigInt(before.seq) + 1n || entry.prevHash !== before.hash)) problems.push(`第 ${entry.seq} 条与前一条的链接不符`);
    if (entryHash(entry.prevHash, entry.canonical) !== entry.hash) problems.push(`第 ${entry.seq} 条的哈希与其内容不符`);
  });
  return problems;
}
