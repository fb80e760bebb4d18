-- AlterEnum
ALTER TYPE "ModerationActionType" ADD VALUE 'MERGE';

-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'CONTRIBUTION_MERGED';

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" UUID;

-- CreateIndex
CREATE INDEX "Contribution_mergedIntoId_idx" ON "Contribution"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Similar contributions (decision 051): trigram similarity of titles and texts across every
-- script. pg_trgm is a trusted extension (PostgreSQL 13+): the owner role that runs migrations
-- creates it without being a superuser; the embedded PostgreSQL ships it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A merge is set once and points into the same dialogue, never at itself
-- (contribution_merge_rules below holds the rest).
ALTER TABLE "Contribution" ADD CONSTRAINT "contribution_merged_into_another"
  CHECK (("mergedAt" IS NULL) = ("mergedIntoId" IS NULL) AND "mergedIntoId" IS DISTINCT FROM "id");

-- contribution_merge_rules: a contribution is merged into one of the same dialogue that is
-- itself neither merged, hidden nor withdrawn; a merge is never undone. The only later change
-- of "mergedIntoId" follows a chain: when the kept one is merged in turn, the ones merged into
-- it are pointed at the new kept one (lib/contributions/merge-contributions.ts does it).
CREATE FUNCTION "contribution_merge_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kept record;
BEGIN
  IF OLD."mergedAt" IS NOT NULL AND NEW."mergedAt" IS NULL THEN
    PERFORM "refuse"('contribution_merge_rules', 'a merge is never undone');
  END IF;
  IF NEW."mergedIntoId" IS NULL OR NEW."mergedIntoId" IS NOT DISTINCT FROM OLD."mergedIntoId" THEN
    RETURN NEW;
  END IF;
  SELECT "dialogueId", "mergedAt", "hiddenAt", "withdrawnAt" INTO kept FROM "Contribution" WHERE "id" = NEW."mergedIntoId";
  IF kept."dialogueId" <> NEW."dialogueId" THEN
    PERFORM "refuse"('contribution_merge_rules', 'a contribution is merged into one of the same dialogue');
  END IF;
  IF kept."mergedAt" IS NOT NULL OR kept."hiddenAt" IS NOT NULL OR kept."withdrawnAt" IS NOT NULL THEN
    PERFORM "refuse"('contribution_merge_rules', 'a contribution is merged into a visible one');
  END IF;
  IF OLD."mergedIntoId" IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM "Contribution" WHERE "id" = OLD."mergedIntoId" AND "mergedIntoId" = NEW."mergedIntoId") THEN
    PERFORM "refuse"('contribution_merge_rules', 'a merged contribution only follows its kept one');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "contribution_merge_rules" BEFORE UPDATE OF "mergedAt", "mergedIntoId" ON "Contribution"
  FOR EACH ROW EXECUTE FUNCTION "contribution_merge_rules"();

-- A support, comment or follow that arrives for a merged contribution belongs to the kept one:
-- "ten people with the same need become one need with ten supports" holds even for a click sent
-- while the merge ran. The merged row is locked FOR SHARE, so a row written during a merge waits
-- for it (which holds it FOR UPDATE) and then reads the merge. A support that lands on a kept
-- one already supported is a duplicate like any other (ON CONFLICT DO NOTHING in giveSupport).
CREATE FUNCTION "goes_to_kept_contribution"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kept uuid;
  hops int := 0;
BEGIN
  IF NEW."contributionId" IS NULL THEN RETURN NEW; END IF;
  LOOP
    SELECT "mergedIntoId" INTO kept FROM "Contribution" WHERE "id" = NEW."contributionId" FOR SHARE;
    EXIT WHEN kept IS NULL OR hops >= 8;
    NEW."contributionId" := kept;
    hops := hops + 1;
  END LOOP;
  RETURN NEW;
END $$;
-- Named to run before support_not_by_author (triggers fire in name order), so the kept one's author is refused too.
CREATE TRIGGER "support_goes_to_kept_contribution" BEFORE INSERT ON "Support"
  FOR EACH ROW EXECUTE FUNCTION "goes_to_kept_contribution"();
CREATE TRIGGER "comment_goes_to_kept_contribution" BEFORE INSERT ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "goes_to_kept_contribution"();
CREATE TRIGGER "follow_goes_to_kept_contribution" BEFORE INSERT ON "Follow"
  FOR EACH ROW EXECUTE FUNCTION "goes_to_kept_contribution"();

-- A meeting's count is recorded for a visible contribution; one for a merged contribution is refused
-- (the recorder enters it on the kept one, where the merge added the merged one's counts up).
CREATE FUNCTION "meeting_support_not_on_merged"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  merged timestamp(3);
BEGIN
  SELECT "mergedAt" INTO merged FROM "Contribution" WHERE "id" = NEW."contributionId" FOR SHARE;
  IF merged IS NOT NULL THEN
    PERFORM "refuse"('meeting_support_not_on_merged', 'the contribution was merged into another');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "meeting_support_not_on_merged" BEFORE INSERT OR UPDATE OF "count" ON "MeetingSupport"
  FOR EACH ROW EXECUTE FUNCTION "meeting_support_not_on_merged"();

-- A dialogue closes when every need has a response (principle 3): a need merged into another is
-- answered there, so it no longer counts as unanswered.
CREATE OR REPLACE FUNCTION "dialogue_phase_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unanswered integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."phase" <> 'DRAFT' THEN
      PERFORM "refuse"('dialogue_starts_as_draft', 'a dialogue starts as DRAFT');
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."phase" = 'DRAFT' AND NEW."phase" <> 'DRAFT' AND NOT EXISTS (
    SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
     WHERE m."dialogueId" = NEW."id" AND m."role" = 'CO_HOST'
       AND u."perspective" = 'LIVED_EXPERIENCE' AND u."deletedAt" IS NULL
  ) THEN
    PERFORM "refuse"('dialogue_opens_with_lived_experience_cohost',
      format('dialogue %s needs a co-host with lived experience of flight before it opens', NEW."id"));
  END IF;
  IF NEW."phase" = 'CLOSED' AND OLD."phase" <> 'CLOSED' THEN
    SELECT count(*) INTO unanswered FROM "Contribution" c
     WHERE c."dialogueId" = NEW."id" AND c."kind" = 'NEED'
       AND c."withdrawnAt" IS NULL AND c."hiddenAt" IS NULL AND c."mergedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."contributionId" = c."id");
    IF unanswered > 0 THEN
      PERFORM "refuse"('dialogue_closes_when_needs_answered',
        format('dialogue %s has %s unanswered needs', NEW."id", unanswered));
    END IF;
  END IF;
  RETURN NEW;
END $$;
