-- The similar-contributions search (lib/contributions/find-similar-contributions.ts, decisions 051
-- and 087) scored every visible contribution and translation of the dialogue: 565–777 ms for the
-- bench's dialogue of 11,000. With these GIN indexes its candidates by similarity(title, typed
-- title) (`%`) and by word_similarity(typed title, title || ' ' || body) (`<%`) come from an
-- index; the exact score and the 0.45 threshold still decide. The third score,
-- word_similarity(title, typed text), searches for the stored title inside the typed text, which
-- no trigram index answers: it stays a pass over the dialogue's titles (decision 087).
--
-- A contribution's entries are keyed by its dialogue too (btree_gin), so the index returns the
-- dialogue's candidates only: the bench's other dialogues hold the same titles thousands of times.
-- btree_gin is a trusted extension (PostgreSQL 13+), like pg_trgm: the owner role that runs
-- migrations creates it; the embedded PostgreSQL ships it. A translation has no dialogue column
-- (its contribution has): its indexes are by trigram alone.
--
-- The predicates are those of the query (visibleContribution.sql and no voice message waiting for
-- its words; a contribution's translation with a title), so only what can be found is indexed.
-- Prisma's schema language has no partial indexes without a preview feature; the schema diff
-- leaves these alone (tests/db/migrations.test.ts).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "Contribution_similar_title_idx" ON "Contribution" USING gin ("dialogueId", "title" gin_trgm_ops)
  WHERE "hiddenAt" IS NULL AND "withdrawnAt" IS NULL AND "mergedAt" IS NULL AND "awaitingTranscript" = false;
CREATE INDEX "Contribution_similar_text_idx" ON "Contribution" USING gin ("dialogueId", ("title" || ' ' || "body") gin_trgm_ops)
  WHERE "hiddenAt" IS NULL AND "withdrawnAt" IS NULL AND "mergedAt" IS NULL AND "awaitingTranscript" = false;
CREATE INDEX "Translation_similar_title_idx" ON "Translation" USING gin ("title" gin_trgm_ops)
  WHERE "contributionId" IS NOT NULL AND "title" <> '';
CREATE INDEX "Translation_similar_text_idx" ON "Translation" USING gin (("title" || ' ' || "body") gin_trgm_ops)
  WHERE "contributionId" IS NOT NULL AND "title" <> '';
