-- The hearing rankings are kept per process and checked against the sum of these counters on every read (decision
-- 0107, after 0025 and 0105): a statement trigger on every table a ranking reads (Hearing, HearingItem,
-- ReviewAssignment, Score) bumps the counter of the writing connection in the same transaction as the write, so
-- the sum moves exactly when a change to those tables commits, whoever writes. It replaces four counts over the
-- year's scores (480,000 at 200,000 projects) read on every request. One row per connection slot (backend pid % 64):
-- concurrent reviewers submitting do not queue on one row. A separate table from ChangeCounter: a score does not
-- recompute the dashboard, a project edit does not re-rank.

-- CreateTable
CREATE TABLE "RankingCounter" (
    "shard" INTEGER NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RankingCounter_pkey" PRIMARY KEY ("shard")
);

-- As bump_change_counter (20261207910000): a restore loads the archived counters themselves. \073 is a semicolon.
CREATE FUNCTION "bump_ranking_counter"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''cxxm.audit_restore'', true) = ''on'' THEN
    RETURN NULL\073
  END IF\073
  INSERT INTO "RankingCounter" ("shard", "n") VALUES (pg_backend_pid() % 64, 1)
  ON CONFLICT ("shard") DO UPDATE SET "n" = "RankingCounter"."n" + 1\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Hearing_ranking_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Hearing" FOR EACH STATEMENT EXECUTE FUNCTION "bump_ranking_counter"();
CREATE TRIGGER "HearingItem_ranking_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HearingItem" FOR EACH STATEMENT EXECUTE FUNCTION "bump_ranking_counter"();
CREATE TRIGGER "ReviewAssignment_ranking_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReviewAssignment" FOR EACH STATEMENT EXECUTE FUNCTION "bump_ranking_counter"();
CREATE TRIGGER "Score_ranking_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Score" FOR EACH STATEMENT EXECUTE FUNCTION "bump_ranking_counter"();

-- /reviews pages a reviewer's tasks newest first (96,374 for the busiest at 200,000 projects): the index gives the
-- page without sorting them all (decision 0108). It starts with reviewerId, so it replaces the index on that alone.
-- DropIndex
DROP INDEX "ReviewAssignment_reviewerId_idx";

-- CreateIndex
CREATE INDEX "ReviewAssignment_reviewerId_createdAt_id_idx" ON "ReviewAssignment"("reviewerId", "createdAt" DESC, "id");

-- A hearing's agenda page in its order without sorting every item (53,333 at 200,000 projects), and the projects an
-- agenda can take, longest-waiting first, without sorting the year's submitted ones (decision 0108).
-- CreateIndex
CREATE INDEX "Project_yearId_state_submittedAt_id_idx" ON "Project"("yearId", "state", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "HearingItem_hearingId_sortOrder_id_idx" ON "HearingItem"("hearingId", "sortOrder", "id");
