-- The county dashboard's figures are kept per process and checked against the sum of these counters on every
-- read (decision 0105). A statement trigger on every table the dashboard reads bumps the counter of the writing
-- connection in the same transaction as the write, so the sum moves exactly when a change to those tables commits,
-- whoever writes (the services, raw SQL, the demo, a restore). One row per connection slot (backend pid % 64):
-- concurrent writers do not queue on one row.

-- CreateTable
CREATE TABLE "ChangeCounter" (
    "shard" INTEGER NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ChangeCounter_pkey" PRIMARY KEY ("shard")
);

-- A restore (lib/backup/restore.ts, which sets cxxm.audit_restore) loads the archived counters themselves: the rows
-- it copies do not count. The body is an E'' string with \073 for each semicolon: prisma migrate deploy splits a file
-- at semicolons (as in 20261203200000_audit_hash_chain).
CREATE FUNCTION "bump_change_counter"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''cxxm.audit_restore'', true) = ''on'' THEN
    RETURN NULL\073
  END IF\073
  INSERT INTO "ChangeCounter" ("shard", "n") VALUES (pg_backend_pid() % 64, 1)
  ON CONFLICT ("shard") DO UPDATE SET "n" = "ChangeCounter"."n" + 1\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Project_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Project" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "ProgressReport_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgressReport" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "ProjectMilestone_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProjectMilestone" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "Unit_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "Year_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Year" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "YearWindow_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "YearWindow" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "Topic_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Topic" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "TopicClaim_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TopicClaim" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "PlanItemKind_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlanItemKind" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "WorkPlan_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WorkPlan" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
CREATE TRIGGER "PlanItem_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlanItem" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"();
