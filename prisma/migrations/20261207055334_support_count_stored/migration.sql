-- The "most supported" order of a dialogue's contributions counted every contribution's supports
-- at read time: on 11,000 contributions and 200,000 supports one page cost ~110 ms of SQL, and its
-- cost estimate made PostgreSQL JIT-compile the statement (~400 ms more) on every request
-- (bench/causes.md, "Rotating URLs"). The count is now stored and kept by triggers, so the order
-- is served by an index like the others (decision 073).

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0;

-- Online supports plus those counted at meetings: what the list and the contribution page show.
UPDATE "Contribution" c SET "supportCount" =
  (SELECT count(*) FROM "Support" s WHERE s."contributionId" = c."id")
  + (SELECT coalesce(sum(m."count"), 0) FROM "MeetingSupport" m WHERE m."contributionId" = c."id")
WHERE EXISTS (SELECT 1 FROM "Support" s WHERE s."contributionId" = c."id")
   OR EXISTS (SELECT 1 FROM "MeetingSupport" m WHERE m."contributionId" = c."id");
-- The update queued the public version triggers (deferred to commit); they run now, as
-- ALTER TABLE refuses a table with pending trigger events.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE "Contribution" ADD CONSTRAINT "contribution_support_count_not_negative" CHECK ("supportCount" >= 0);

-- Supports given, withdrawn or moved (a merge) move the count of their contribution by one each,
-- a meeting's tally by its count. Once per statement, over the rows it changed (transition
-- tables), so that a bulk insert updates each contribution once and not once per support. The
-- update locks the contribution's row, so concurrent supports of one contribution add up.
CREATE FUNCTION "support_count_follows_support"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Contribution" c SET "supportCount" = c."supportCount" + d."n"
    FROM (SELECT "contributionId", count(*)::int AS "n" FROM "added" GROUP BY 1) d WHERE c."id" = d."contributionId";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Contribution" c SET "supportCount" = c."supportCount" - d."n"
    FROM (SELECT "contributionId", count(*)::int AS "n" FROM "removed" GROUP BY 1) d WHERE c."id" = d."contributionId";
  ELSE
    UPDATE "Contribution" c SET "supportCount" = c."supportCount" + d."n"
    FROM (SELECT "contributionId", sum("w")::int AS "n" FROM (
      SELECT "contributionId", 1 AS "w" FROM "added" UNION ALL SELECT "contributionId", -1 FROM "removed") x
      GROUP BY 1 HAVING sum("w") <> 0) d WHERE c."id" = d."contributionId";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "support_count_follows_meeting"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Contribution" c SET "supportCount" = c."supportCount" + d."n"
    FROM (SELECT "contributionId", sum("count")::int AS "n" FROM "added" GROUP BY 1) d WHERE c."id" = d."contributionId";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Contribution" c SET "supportCount" = c."supportCount" - d."n"
    FROM (SELECT "contributionId", sum("count")::int AS "n" FROM "removed" GROUP BY 1) d WHERE c."id" = d."contributionId";
  ELSE
    UPDATE "Contribution" c SET "supportCount" = c."supportCount" + d."n"
    FROM (SELECT "contributionId", sum("w")::int AS "n" FROM (
      SELECT "contributionId", "count" AS "w" FROM "added" UNION ALL SELECT "contributionId", -"count" FROM "removed") x
      GROUP BY 1 HAVING sum("w") <> 0) d WHERE c."id" = d."contributionId";
  END IF;
  RETURN NULL;
END
$$;

-- A support (or a meeting's tally) on its way to a contribution locked the row FOR SHARE to wait
-- for a merge in flight; the count's update then needs the row for an update, and two supporters
-- of one contribution, each holding the share lock, waited for each other (deadlock). FOR KEY
-- SHARE waits for a merge all the same (mergeContributions locks FOR UPDATE) and lets the
-- counts' updates queue instead. Otherwise unchanged from similar_and_merged_contributions.
CREATE OR REPLACE FUNCTION "goes_to_kept_contribution"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kept uuid;
  hops int := 0;
BEGIN
  IF NEW."contributionId" IS NULL THEN RETURN NEW; END IF;
  LOOP
    SELECT "mergedIntoId" INTO kept FROM "Contribution" WHERE "id" = NEW."contributionId" FOR KEY SHARE;
    EXIT WHEN kept IS NULL OR hops >= 8;
    NEW."contributionId" := kept;
    hops := hops + 1;
  END LOOP;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION "meeting_support_not_on_merged"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  merged timestamp(3);
BEGIN
  SELECT "mergedAt" INTO merged FROM "Contribution" WHERE "id" = NEW."contributionId" FOR KEY SHARE;
  IF merged IS NOT NULL THEN
    PERFORM "refuse"('meeting_support_not_on_merged', 'the contribution was merged into another');
  END IF;
  RETURN NEW;
END $$;

-- A trigger with transition tables takes one event.
CREATE TRIGGER "support_count_added" AFTER INSERT ON "Support" REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "support_count_follows_support"();
CREATE TRIGGER "support_count_removed" AFTER DELETE ON "Support" REFERENCING OLD TABLE AS "removed"
  FOR EACH STATEMENT EXECUTE FUNCTION "support_count_follows_support"();
CREATE TRIGGER "support_count_moved" AFTER UPDATE ON "Support" REFERENCING OLD TABLE AS "removed" NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "support_count_follows_support"();
CREATE TRIGGER "support_count_added" AFTER INSERT ON "MeetingSupport" REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "support_count_follows_meeting"();
CREATE TRIGGER "support_count_removed" AFTER DELETE ON "MeetingSupport" REFERENCING OLD TABLE AS "removed"
  FOR EACH STATEMENT EXECUTE FUNCTION "support_count_follows_meeting"();
CREATE TRIGGER "support_count_moved" AFTER UPDATE ON "MeetingSupport" REFERENCING OLD TABLE AS "removed" NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "support_count_follows_meeting"();

-- Only those triggers write it: a new contribution starts at 0, and any other update of the
-- column (not from inside a trigger) is refused, so the stored count cannot drift.
CREATE FUNCTION "support_count_kept"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."supportCount" := 0;
  ELSIF NEW."supportCount" IS DISTINCT FROM OLD."supportCount" THEN
    RAISE EXCEPTION 'Contribution.supportCount is kept by the support triggers' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "support_count_kept" BEFORE INSERT OR UPDATE OF "supportCount" ON "Contribution"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION "support_count_kept"();

-- CreateIndex
CREATE INDEX "Contribution_dialogueId_supportCount_createdAt_id_idx" ON "Contribution"("dialogueId", "supportCount" DESC, "createdAt" DESC, "id" DESC);
