-- The audit log becomes tamper-evident: each entry carries seq (its place in the chain), prevHash and
-- hash = SHA-256(prevHash || E'\n' || canonical fields), computed here in the database by a BEFORE INSERT
-- trigger, so every writer (the app's processes, scripts, psql) chains alike (docs/decisions/0019-audit-hash-chain.md).
-- Concurrent writers are serialised by a transaction-level advisory lock, held until the inserting
-- transaction commits, so the next entry always sees the previous one.
-- The bodies are E'' strings with \073 for each semicolon (as in the first migration): prisma migrate deploy
-- splits a file at semicolons, and the migration test keeps this file loadable by it too.

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- The canonical form of an entry: a JSON array (jsonb's text form is deterministic), the time as epoch
-- milliseconds so that no session time zone enters it. lib/audit/chain.ts verifies with the same expression.
CREATE FUNCTION audit_log_canonical(e "AuditLog") RETURNS text LANGUAGE sql IMMUTABLE AS E'
  SELECT jsonb_build_array(e."seq", (extract(epoch FROM e."at") * 1000)::bigint, e."actorId", e."actorUsername", e."actorName",
    e."action", e."entityType", e."entityId", e."summary", e."details", e."ip", e."outcome"::text)::text
';

-- Chain the rows already there, oldest first (the append-only trigger is set aside for this one update).
ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_no_update_delete;
DO E'
DECLARE
  r "AuditLog"\073
  prev text := repeat(''0'', 64)\073
  n bigint := 0\073
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY "at", "id" LOOP
    n := n + 1\073
    r."seq" := n\073
    r."prevHash" := prev\073
    r."hash" := encode(sha256(convert_to(prev || E''\\n'' || audit_log_canonical(r), ''UTF8'')), ''hex'')\073
    UPDATE "AuditLog" SET "seq" = r."seq", "prevHash" = r."prevHash", "hash" = r."hash" WHERE "id" = r."id"\073
    prev := r."hash"\073
  END LOOP\073
END
';
ALTER TABLE "AuditLog" ENABLE TRIGGER audit_log_no_update_delete;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  last_seq bigint\073
  last_hash text\073
BEGIN
  -- A restore (lib/backup/restore.ts) loads entries with the chain they already had.
  IF current_setting(''cxxm.audit_restore'', true) = ''on'' THEN
    RETURN NEW\073
  END IF\073
  -- Under REPEATABLE READ the previous entry, committed after this transaction began, would be invisible
  -- and the chain would fork: refuse instead.
  IF current_setting(''transaction_isolation'') <> ''read committed'' THEN
    RAISE EXCEPTION ''AuditLog entries must be written under READ COMMITTED''\073
  END IF\073
  PERFORM pg_advisory_xact_lock(7263019)\073
  SELECT "seq", "hash" INTO last_seq, last_hash FROM "AuditLog" ORDER BY "seq" DESC LIMIT 1\073
  NEW."seq" := coalesce(last_seq, 0) + 1\073
  NEW."prevHash" := coalesce(last_hash, repeat(''0'', 64))\073
  NEW."hash" := encode(sha256(convert_to(NEW."prevHash" || E''\\n'' || audit_log_canonical(NEW), ''UTF8'')), ''hex'')\073
  RETURN NEW\073
END
';
CREATE TRIGGER audit_log_chain BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- Nothing younger than 180 days may be removed (网络安全法: at least six months of logs). UPDATE and
-- TRUNCATE stay refused, DELETE is allowed only inside audit_log_purge(), only of rows older than 180 days.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' AND current_setting(''cxxm.audit_purge'', true) = ''on'' AND OLD."at" < now() - interval ''180 days'' THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION ''AuditLog is append-only''\073
END
';

-- Removes the oldest entries, those before `cutoff` (which must be at least 180 days ago), as one prefix of the
-- chain, and records the purge (count and the last removed hash, the new chain's anchor) as an entry of its own.
CREATE FUNCTION audit_log_purge(cutoff timestamptz) RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  first_kept bigint\073
  removed bigint\073
  anchor text\073
BEGIN
  IF cutoff > now() - interval ''180 days'' THEN
    RAISE EXCEPTION ''审计日志至少保留 180 天：清理截止时间不能晚于 %'', now() - interval ''180 days''\073
  END IF\073
  PERFORM pg_advisory_xact_lock(7263019)\073
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
