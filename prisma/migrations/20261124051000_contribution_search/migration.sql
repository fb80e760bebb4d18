-- Full-text search over a contribution's title and body in any language and script
-- (docs/decisions/005-full-text-search.md). The 'simple' configuration lowercases and splits
-- on word boundaries without stemming, so Arabic, Farsi, Cyrillic and Latin text are all found
-- by their words. Queries must use exactly this expression for Postgres to use the index.
-- Prisma cannot describe expression indexes and leaves them out of its schema diff.
CREATE INDEX "Contribution_search_idx" ON "Contribution"
  USING GIN (to_tsvector('simple'::regconfig, "title" || ' ' || "body"));
