// The audit log's hash chain (migration 20261203200000_audit_hash_chain, decision 0019): verifying it, and a
// signed export of a range. The database computes each entry's hash on insert; here it is recomputed in Node
// from the stored fields, with the canonical form written out again below rather than calling the database's
// own function, so a replaced trigger function cannot vouch for itself.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { chainPending } from "@/lib/audit/log";
import { endOfBusinessDay, startOfBusinessDay } from "@/lib/time";
import { entryHash, GENESIS, type ExportEntry, type SignedExport, signedText } from "@/lib/audit/chain-format";

export { checkExport, entryHash, GENESIS, type SignedExport } from "@/lib/audit/chain-format";

const BATCH = 5_000;
export const EXPORT_RANGE_LIMIT = 100_000;

/** The same canonical form as audit_log_canonical() in the migration. */
const CANONICAL = `jsonb_build_array(a."seq", (extract(epoch FROM a."at") * 1000)::bigint, a."actorId", a."actorUsername", a."actorName",
  a."action", a."entityType", a."entityId", a."summary", a."details", a."ip", a."outcome"::text)::text`;

type ChainRow = { id: bigint; seq: bigint; at: Date; prevHash: string; hash: string; canonical: string };

async function batchAfter(seq: bigint, until: bigint | null, take: number): Promise<ChainRow[]> {
  return db.$queryRawUnsafe<ChainRow[]>(
    `SELECT a."id", a."seq", a."at", a."prevHash", a."hash", ${CANONICAL} AS canonical FROM "AuditLog" a
     WHERE a."seq" > $1 ${until === null ? "" : `AND a."seq" <= $3`} ORDER BY a."seq" LIMIT $2`,
    ...(until === null ? [seq, take] : [seq, take, until]),
  );
}

export type BrokenLink = { seq: string; id: string; at: Date; problem: string };
export type ChainReport = {
  checked: number;
  firstSeq: string | null;
  lastSeq: string | null;
  anchored: boolean;
  broken: BrokenLink | null;
  /** Entries committed after the check began, not linked yet (decision 0103): checked by the next verification. */
  pending: number;
};

/**
 * Walks the whole chain in batches and stops at the first broken link: a changed entry (its hash no longer
 * fits its fields), a removed or inserted one (the links or the numbering skip). When the oldest entries were
 * purged (audit_log_purge), the first remaining entry's prevHash is taken as the anchor (`anchored`).
 */
export async function verifyChain(options: { batchSize?: number } = {}): Promise<ChainReport> {
  const take = options.batchSize ?? BATCH;
  // Everything committed so far goes into the chain first, so the check covers it (decision 0103).
  await chainPending();
  let prev: { seq: bigint; hash: string } | null = null;
  let checked = 0;
  let firstSeq: bigint | null = null;
  let anchored = false;
  for (;;) {
    const rows = await batchAfter(prev?.seq ?? -1n, null, take);
    for (const row of rows) {
      const fail = async (problem: string): Promise<ChainReport> => ({
        checked,
        firstSeq: firstSeq?.toString() ?? null,
        lastSeq: prev?.seq.toString() ?? null,
        anchored,
        broken: { seq: row.seq.toString(), id: row.id.toString(), at: row.at, problem },
        pending: await pendingCount(),
      });
      if (prev === null) {
        firstSeq = row.seq;
        if (row.seq !== 1n || row.prevHash !== GENESIS) {
          if (row.seq === 1n || row.prevHash === GENESIS) return fail("链的起点不对");
          anchored = true;
        }
      } else {
        if (row.seq !== prev.seq + 1n) return fail(`第 ${prev.seq + 1n} 至 ${row.seq - 1n} 条不见了（被删除）`);
        if (row.prevHash !== prev.hash) return fail("与前一条的链接不符（前一条或本条被改动）");
      }
      if (entryHash(row.prevHash, row.canonical) !== row.hash) return fail("内容与哈希不符（本条被改动）");
      prev = { seq: row.seq, hash: row.hash };
      checked++;
    }
    if (rows.length < take) break;
  }
  return { checked, firstSeq: firstSeq?.toString() ?? null, lastSeq: prev?.seq.toString() ?? null, anchored, broken: null, pending: await pendingCount() };
}

/** Entries written but not linked into the chain yet (seq null). */
async function pendingCount(): Promise<number> {
  return db.auditLog.count({ where: { seq: null } });
}

// ---------------------------------------------------------------------------------------------------------------
// Signed export

/** Ed25519 key pair derived from the app secret (HKDF), so every process signs alike without a key file. */
function signingKeys(secret: string) {
  const seed = Buffer.from(crypto.hkdfSync("sha256", secret, "cxxm", "audit-export-signing", 32));
  // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410).
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]),
    format: "der",
    type: "pkcs8",
  });
  return { privateKey, publicKey: crypto.createPublicKey(privateKey) };
}

/** The public key to check exports with (PEM), and its SHA-256 fingerprint over the DER form, for the page. */
export function exportPublicKey(secret: string): { publicKey: string; fingerprint: string } {
  const { publicKey } = signingKeys(secret);
  const der = publicKey.export({ format: "der", type: "spki" });
  return {
    publicKey: publicKey.export({ format: "pem", type: "spki" }).toString(),
    fingerprint: crypto.createHash("sha256").update(der).digest("hex").slice(0, 32),
  };
}

/** The entries with seq in [fromSeq, toSeq] (at most EXPORT_RANGE_LIMIT), their hashes and an Ed25519 signature over them. */
export async function signedRange(secret: string, fromSeq: bigint, toSeq: bigint): Promise<SignedExport> {
  const entries: ExportEntry[] = [];
  let cursor = fromSeq - 1n;
  while (entries.length < EXPORT_RANGE_LIMIT) {
    const rows = await db.$queryRawUnsafe<(ChainRow & Omit<ExportEntry, "seq" | "at" | "prevHash" | "hash" | "canonical">)[]>(
      `SELECT a."id", a."seq", a."at", a."prevHash", a."hash", a."actorId", a."actorUsername", a."actorName", a."action", a."entityType",
              a."entityId", a."summary", a."details", a."ip", a."outcome"::text AS outcome, ${CANONICAL} AS canonical
       FROM "AuditLog" a WHERE a."seq" > $1 AND a."seq" <= $2 ORDER BY a."seq" LIMIT $3`,
      cursor,
      toSeq,
      Math.min(BATCH, EXPORT_RANGE_LIMIT - entries.length),
    );
    if (rows.length === 0) break;
    for (const { id: _id, ...row } of rows) entries.push({ ...row, seq: row.seq.toString(), at: row.at.toISOString() });
    cursor = rows[rows.length - 1].seq;
  }
  const { privateKey, publicKey } = signingKeys(secret);
  const body = {
    fromSeq: entries[0]?.seq ?? fromSeq.toString(),
    toSeq: entries.at(-1)?.seq ?? toSeq.toString(),
    count: entries.length,
    entries,
  };
  return {
    format: "cxxm-audit-range",
    version: 1,
    ...body,
    exportedAt: new Date().toISOString(),
    algorithm: "Ed25519",
    publicKey: publicKey.export({ format: "pem", type: "spki" }).toString(),
    signature: crypto.sign(null, Buffer.from(signedText(body)), privateKey).toString("base64"),
  };
}

/** The chain positions of the entries between two business dates (either may be open), or null when none. */
export async function seqRange(from?: string, to?: string): Promise<{ fromSeq: bigint; toSeq: bigint } | null> {
  await chainPending();
  const start = from ? startOfBusinessDay(from) : null;
  const end = to ? endOfBusinessDay(to) : null;
  const where = { AND: [start ? { at: { gte: start } } : {}, end ? { at: { lt: end } } : {}] };
  const result = await db.auditLog.aggregate({ where, _min: { seq: true }, _max: { seq: true } });
  if (result._min.seq === null || result._max.seq === null) return null;
  return { fromSeq: result._min.seq, toSeq: result._max.seq };
}
