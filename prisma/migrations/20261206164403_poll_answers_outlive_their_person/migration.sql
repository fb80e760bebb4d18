-- DropForeignKey
ALTER TABLE "PollAnswer" DROP CONSTRAINT "PollAnswer_userId_fkey";

-- AlterTable
ALTER TABLE "PollAnswer" ALTER COLUMN "userId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "PollAnswer" ADD CONSTRAINT "PollAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Decision 054: an answer outlives the account row of its person. Deleting that row (a messenger
-- contact forgotten, STOP) sets "userId" to null; the answer keeps only its perspective snapshot
-- and its choice, so the per-perspective results stay what they were — also those of a closed
-- poll, which are published and final. That one change is allowed in every state of the poll;
-- an answer without a person is never written, changed or taken back otherwise.
CREATE OR REPLACE FUNCTION "poll_answer_fits_poll"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row "PollAnswer" := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  p "Poll";
  state text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."userId" IS NOT NULL AND NEW."userId" IS NULL THEN
    IF (NEW."id", NEW."pollId", NEW."dialogueId", NEW."perspective", NEW."optionIds", NEW."createdAt", NEW."updatedAt")
       IS DISTINCT FROM (OLD."id", OLD."pollId", OLD."dialogueId", OLD."perspective", OLD."optionIds", OLD."createdAt", OLD."updatedAt") THEN
      PERFORM "refuse"('poll_answer_fits_poll', 'an answer loses its person and nothing else');
    END IF;
    RETURN NEW;
  END IF;
  IF (TG_OP <> 'INSERT' AND OLD."userId" IS NULL) OR (TG_OP <> 'DELETE' AND NEW."userId" IS NULL) THEN
    PERFORM "refuse"('poll_answer_fits_poll', 'an answer without its person stays as it is');
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW."pollId" <> OLD."pollId" OR NEW."userId" <> OLD."userId") THEN
    PERFORM "refuse"('poll_answer_fits_poll', 'an answer stays with its poll and person');
  END IF;
  -- Serialises with a poll closing early (UPDATE of closedAt takes the row lock).
  SELECT * INTO p FROM "Poll" WHERE "id" = row."pollId" FOR SHARE;
  SELECT "poll_state"(p, d."phase", (now() AT TIME ZONE 'UTC')) INTO state FROM "Dialogue" d WHERE d."id" = p."dialogueId";
  IF state <> 'open' THEN
    PERFORM "refuse"('poll_answer_while_open', format('the poll is %s', state));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF cardinality(NEW."optionIds") IS NULL OR cardinality(NEW."optionIds") < 1
     OR (p."choice" = 'SINGLE' AND cardinality(NEW."optionIds") <> 1)
     OR (SELECT count(DISTINCT x) FROM unnest(NEW."optionIds") x) <> cardinality(NEW."optionIds")
     OR EXISTS (SELECT 1 FROM unnest(NEW."optionIds") x WHERE x IS NULL OR NOT EXISTS (SELECT 1 FROM "PollOption" o WHERE o."id" = x AND o."pollId" = NEW."pollId")) THEN
    PERFORM "refuse"('poll_answer_fits_poll', 'the chosen options do not fit the poll');
  END IF;
  RETURN NEW;
END $$;
