-- Every page of a dialogue's contribution list, page 1 included, counts the dialogue's visible
-- contributions (the total and the page count). The columns that decide visibility were in no
-- index, so the count read the heap: a bitmap heap scan of 9,371 blocks (16–40 ms) for the
-- bench's dialogue of 11,000 contributions. This index holds exactly the visible ones
-- (the predicate is visibleContribution.sql of lib/policy/visibility.ts, word for word), keyed by
-- the dialogue and the columns the list's filters compare (kind, status, theme, language,
-- district), so the count — unfiltered or filtered by any of these — is an index-only scan of
-- the dialogue's entries (decision 081). Full-text search still reads the heap (the GIN index
-- Contribution_search_idx, then the rows). Prisma's schema language has no partial indexes
-- without a preview feature; the schema diff leaves this one out (tests/db/migrations.test.ts).
CREATE INDEX "Contribution_visible_count_idx" ON "Contribution"
  ("dialogueId", "kind", "status", "themeId", "language", "districtId")
  WHERE "hiddenAt" IS NULL AND "withdrawnAt" IS NULL AND "mergedAt" IS NULL;
