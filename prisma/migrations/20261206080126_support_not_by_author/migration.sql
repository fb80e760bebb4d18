-- Security review of decision 024: a person who keeps their perspective private could support
-- their own contribution, and the public tally ("1 support · 1 lived experience") next to their
-- name then told everyone the perspective they kept private. The rule support_not_by_author:
-- nobody supports a contribution they are the author of. The author is Contribution.authorId —
-- for words recorded on someone's behalf (decision 008), the person who attached the receipt
-- (decision 032). The recorder is not the voice: their support shows only their own perspective
-- and stays allowed. lib/policy (support:give) checks the same rule first, with a translated answer.
-- Support tallies are not stored: every count is read from the Support rows, so removing a row
-- is all it takes to keep every count (lists, results, open data, exports) right.

CREATE FUNCTION "support_not_by_author"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Contribution" c WHERE c."id" = NEW."contributionId" AND c."authorId" = NEW."userId") THEN
    PERFORM "refuse"('support_not_by_author', 'nobody supports their own contribution');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "support_not_by_author" BEFORE INSERT OR UPDATE OF "contributionId", "userId" ON "Support"
  FOR EACH ROW EXECUTE FUNCTION "support_not_by_author"();

-- A receipt attached (the contribution gets its author) by someone who had supported it: that
-- support goes with the attaching, in the same transaction, whatever the code path.
CREATE FUNCTION "support_not_by_author_on_attach"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Support" WHERE "contributionId" = NEW."id" AND "userId" = NEW."authorId";
  RETURN NULL;
END $$;
CREATE TRIGGER "support_not_by_author_on_attach" AFTER UPDATE OF "authorId" ON "Contribution"
  FOR EACH ROW WHEN (NEW."authorId" IS NOT NULL AND NEW."authorId" IS DISTINCT FROM OLD."authorId")
  EXECUTE FUNCTION "support_not_by_author_on_attach"();

-- The results of a closed dialogue stay final, with one exception: an author's support of
-- their own contribution goes even then — it should never have counted, and it tells a
-- private perspective. (closed_dialogue_is_final stays as it was for comments and meeting supports.)
CREATE FUNCTION "support_closed_dialogue_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row record;
BEGIN
  row := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  IF EXISTS (SELECT 1 FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
              WHERE c."id" = row."contributionId" AND d."phase" = 'CLOSED'
                AND NOT (TG_OP = 'DELETE' AND c."authorId" = row."userId")) THEN
    PERFORM "refuse"('closed_dialogue_is_final', format('%s of a closed dialogue cannot change', TG_TABLE_NAME));
  END IF;
  RETURN row;
END $$;
DROP TRIGGER "support_closed_dialogue_is_final" ON "Support";
CREATE TRIGGER "support_closed_dialogue_is_final" BEFORE INSERT OR DELETE ON "Support"
  FOR EACH ROW EXECUTE FUNCTION "support_closed_dialogue_is_final"();

-- Self-supports given before this fix go, in every phase.
DELETE FROM "Support" s USING "Contribution" c
 WHERE c."id" = s."contributionId" AND c."authorId" = s."userId";
