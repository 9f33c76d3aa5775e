-- The audit log's hash chain is linked after commit instead of inside every audited transaction (decision 0103).
-- Before, the insert trigger took pg_advisory_xact_lock(7263019) and held it until COMMIT, through the WAL flush:
-- every audited write of every process queued on it, one fsync after another (about 150/s at 8 connections on
-- the benchmark's machine, against 900/s without the lock). Now an entry is written pending (seq NULL, empty
-- hashes) in its own transaction, like any row, and audit_log_chain_pending() links the committed pending entries
-- in id order under the same lock, in one short transaction per batch (lib/audit/log.ts calls it just after a
-- write, and the verification, the export and the purge call it first). Entries stay append-only while pending: the
-- only change the update trigger lets through is the chaining's own, which sets seq, prevHash and hash once and
-- nothing else. The bodies are E'' strings with \073 for each semicolon, as in the earlier audit migrations.

-- AlterTable
ALTER TABLE "AuditLog" ALTER COLUMN "seq" DROP NOT NULL,
ALTER COLUMN "seq" DROP DEFAULT;

-- Whatever a writer sends, an entry starts pending: its place and hashes are the chaining's to set.
-- A restore (lib/backup/restore.ts) still loads entries with the chain they already had.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''cxxm.audit_restore'', true) = ''on'' THEN
    RETURN NEW\073
  END IF\073
  NEW."seq" := NULL\073
  NEW."prevHash" := ''''\073
  NEW."hash" := ''''\073
  RETURN NEW\073
END
';

-- Links up to `batch` committed pending entries, oldest id first, after the chain's last entry, and returns how many.
-- The lock serialises chaining (and the purge) across processes, and every statement of this volatile function sees
-- what was committed before it started, so the last entry read after the lock is the chain's real end.
CREATE FUNCTION audit_log_chain_pending(batch integer DEFAULT 5000) RETURNS integer LANGUAGE plpgsql AS E'
DECLARE
  r "AuditLog"\073
  last_seq bigint\073
  last_hash text\073
  n integer := 0\073
BEGIN
  IF current_setting(''transaction_isolation'') <> ''read committed'' THEN
    RAISE EXCEPTION ''AuditLog entries must be chained under READ COMMITTED''\073
  END IF\073
  PERFORM pg_advisory_xact_lock(7263019)\073
  SELECT "seq", "hash" INTO last_seq, last_hash FROM "AuditLog" WHERE "seq" IS NOT NULL ORDER BY "seq" DESC LIMIT 1\073
  last_seq := coalesce(last_seq, 0)\073
  last_hash := coalesce(last_hash, repeat(''0'', 64))\073
  PERFORM set_config(''cxxm.audit_chain'', ''on'', true)\073
  FOR r IN SELECT * FROM "AuditLog" WHERE "seq" IS NULL ORDER BY "id" LIMIT batch LOOP
    r."seq" := last_seq + 1\073
    r."prevHash" := last_hash\073
    r."hash" := encode(sha256(convert_to(r."prevHash" || E''\\n'' || audit_log_canonical(r), ''UTF8'')), ''hex'')\073
    UPDATE "AuditLog" SET "seq" = r."seq", "prevHash" = r."prevHash", "hash" = r."hash" WHERE "id" = r."id"\073
    last_seq := r."seq"\073
    last_hash := r."hash"\073
    n := n + 1\073
  END LOOP\073
  PERFORM set_config(''cxxm.audit_chain'', ''off'', true)\073
  RETURN n\073
END
';

-- Append-only as before: the one update allowed is the chaining of a pending entry (inside
-- audit_log_chain_pending), which may set seq, prevHash and hash and must leave every other field as it was.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' AND current_setting(''cxxm.audit_purge'', true) = ''on'' AND OLD."at" < now() - interval ''180 days'' THEN
    RETURN OLD\073
  END IF\073
  IF TG_OP = ''UPDATE'' THEN
    IF current_setting(''cxxm.audit_chain'', true) = ''on'' AND OLD."seq" IS NULL AND NEW."seq" IS NOT NULL
       AND (NEW."id", NEW."at", NEW."actorId", NEW."actorUsername", NEW."actorName", NEW."action", NEW."entityType", NEW."entityId",
            NEW."summary", NEW."details", NEW."ip", NEW."outcome")
           IS NOT DISTINCT FROM
           (OLD."id", OLD."at", OLD."actorId", OLD."actorUsername", OLD."actorName", OLD."action", OLD."entityType", OLD."entityId",
            OLD."summary", OLD."details", OLD."ip", OLD."outcome") THEN
      RETURN NEW\073
    END IF\073
  END IF\073
  RAISE EXCEPTION ''AuditLog is append-only''\073
END
';

-- The purge removes a prefix of the chain: it links what is pending first, so no entry is left outside it.
CREATE OR REPLACE FUNCTION audit_log_purge(cutoff timestamptz) RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  first_kept bigint\073
  removed bigint\073
  anchor text\073
BEGIN
  IF cutoff > now() - interval ''180 days'' THEN
    RAISE EXCEPTION ''审计日志至少保留 180 天：清理截止时间不能晚于 %'', now() - interval ''180 days''\073
  END IF\073
  PERFORM audit_log_chain_pending(2147483647)\073
  SELECT min("seq") INTO first_kept FROM "AuditLog" WHERE "at" >= cutoff\073
  -- The newest entry always stays, so the chain goes on from it rather than starting again.
  IF first_kept IS NULL THEN
    SELECT max("seq") INTO first_kept FROM "AuditLog"\073
  END IF\073
  SELECT "hash" INTO anchor FROM "AuditLog" WHERE "seq" < coalesce(first_kept, 9223372036854775807) ORDER BY "seq" DESC LIMIT 1\073
  PERFORM set_config(''cxxm.audit_purge'', ''on'', true)\073
  DELETE FROM "AuditLog" WHERE "seq" < coalesce(first_kept, 9223372036854775807)\073
  GET DIAGNOSTICS removed = ROW_COUNT\073
  PERFORM set_config(''cxxm.audit_purge'', ''off'', true)\073
  IF removed > 0 THEN
    INSERT INTO "AuditLog" ("action", "summary", "details", "outcome")
    VALUES (''audit.purge'', format(''清理 %s 之前的审计日志 %s 条'', cutoff, removed),
      jsonb_build_object(''removed'', removed, ''cutoff'', cutoff, ''anchorHash'', anchor), ''SUCCESS'')\073
  END IF\073
  RETURN removed\073
END
';
