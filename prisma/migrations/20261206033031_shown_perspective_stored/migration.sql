-- The default order of a dialogue's contributions groups them by the perspective the public
-- sees (decision 024). Computed per row at read time it was served by no index (bench/results.md:
-- the dialogue page's SQL fell from 242 to 65 req/s on 11k contributions). It is now stored and
-- kept by triggers from the one rule (lib/contributions/public-perspective.ts, pinned by
-- tests/privacy/public-perspective.test.ts): a private perspective is stored as NOT_STATED.

-- DropIndex
DROP INDEX "Contribution_dialogueId_kind_authorPerspective_createdAt_idx";

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "shownPerspective" "Perspective" NOT NULL DEFAULT 'NOT_STATED';

-- The rule: an author's snapshot is shown when they show their perspective (or wrote as staff)
-- and the account still exists; a voice without an account only with its own consent.
CREATE FUNCTION "shown_perspective"("authorId" uuid, "snapshot" "Perspective", "voiceShows" boolean)
RETURNS "Perspective" LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    CASE WHEN "authorId" IS NULL THEN (CASE WHEN "voiceShows" THEN "snapshot" END)
    ELSE (SELECT "snapshot" FROM "User" u WHERE u."id" = "authorId"
            AND (u."showPerspective" OR "snapshot" = 'MUNICIPAL_STAFF') AND u."deletedAt" IS NULL)
    END,
    'NOT_STATED'::"Perspective")
$$;

CREATE FUNCTION "contribution_shown_perspective"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."shownPerspective" := "shown_perspective"(NEW."authorId", NEW."authorPerspective", NEW."voiceShowsPerspective");
  RETURN NEW;
END
$$;

CREATE TRIGGER "contribution_shown_perspective" BEFORE INSERT OR UPDATE OF "authorId", "authorPerspective", "voiceShowsPerspective", "shownPerspective"
  ON "Contribution" FOR EACH ROW EXECUTE FUNCTION "contribution_shown_perspective"();

-- An author who hides or shows their perspective, or deletes their account, moves their
-- contributions between groups at once.
CREATE FUNCTION "author_shown_perspective"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contribution" c SET "shownPerspective" = "shown_perspective"(c."authorId", c."authorPerspective", c."voiceShowsPerspective")
  WHERE c."authorId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "author_shown_perspective" AFTER UPDATE OF "showPerspective", "deletedAt" ON "User"
  FOR EACH ROW WHEN (OLD."showPerspective" IS DISTINCT FROM NEW."showPerspective" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION "author_shown_perspective"();

UPDATE "Contribution" SET "shownPerspective" = "shown_perspective"("authorId", "authorPerspective", "voiceShowsPerspective");

-- CreateIndex
CREATE INDEX "Contribution_dialogueId_kind_shownPerspective_createdAt_id_idx" ON "Contribution"("dialogueId", "kind", "shownPerspective", "createdAt" DESC, "id" DESC);
