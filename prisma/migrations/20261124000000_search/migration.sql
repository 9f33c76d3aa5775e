-- Search across projects, topics and suggestions (lib/search/queries.ts).
-- Chinese has no spaces and its common words are two characters long. pg_trgm cannot use its GIN index
-- for LIKE '%党员%' (a two-character pattern has no trigram, so the index is read whole or skipped).
-- Measured on 50,000 projects: a two-character word took 115 to 470 ms by sequential scan.
-- So every searchable row is indexed by its character bigrams: search_bigrams(text) returns every pair
-- of adjacent characters, lower-cased (odd and even pairs, split by two regexp_replace calls, which is
-- about 30 times faster than generate_series). A word of two or more characters can only occur in a row whose
-- bigrams contain all of the word's bigrams (the GIN index answers that), and the query then checks
-- the word itself with strpos. With the index a rare word takes under 1 ms, a word in 3 per cent of
-- the projects about 30 ms, and a word in most of them about 220 ms.
-- Leftover single characters and pairs with a space are harmless extra keys. Keep the expressions
-- below identical to the ones in lib/search/queries.ts, or the planner will not use the indexes.
CREATE FUNCTION search_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_remove(string_to_array(regexp_replace(lower(t), '(..)', '\1 ', 'g'), ' ') || string_to_array(regexp_replace(substr(lower(t), 2), '(..)', '\1 ', 'g'), ' '), '')
$$;

CREATE INDEX "Project_search_bigrams_idx" ON "Project" USING gin (search_bigrams("title" || E'\n' || coalesce("problem", '')));
CREATE INDEX "Topic_search_bigrams_idx" ON "Topic" USING gin (search_bigrams("code" || E'\n' || "title" || E'\n' || "description"));
CREATE INDEX "Suggestion_search_bigrams_idx" ON "Suggestion" USING gin (search_bigrams("receiptNo" || E'\n' || "content"));
