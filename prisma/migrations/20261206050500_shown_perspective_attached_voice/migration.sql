-- Security review of decision 032: attaching a receipt set the contribution's authorId, and the
-- rule then followed only the attaching account's showPerspective — a perspective the voice had
-- kept private at read-back became public. The rule (lib/contributions/public-perspective.ts,
-- pinned by tests/privacy/public-perspective.test.ts) now is: words recorded on someone's behalf
-- (source other than ONLINE) show the perspective only when the voice agreed at read-back
-- (voiceShowsPerspective) AND, once an account is attached, that account shows it as well.

CREATE FUNCTION "shown_perspective"("authorId" uuid, "snapshot" "Perspective", "voiceShows" boolean, "recorded" boolean)
RETURNS "Perspective" LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    CASE WHEN ("authorId" IS NULL OR "recorded") AND NOT "voiceShows" THEN NULL
         WHEN "authorId" IS NULL THEN "snapshot"
    ELSE (SELECT "snapshot" FROM "User" u WHERE u."id" = "authorId"
            AND (u."showPerspective" OR "snapshot" = 'MUNICIPAL_STAFF') AND u."deletedAt" IS NULL)
    END,
    'NOT_STATED'::"Perspective")
$$;

CREATE OR REPLACE FUNCTION "contribution_shown_perspective"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."shownPerspective" := "shown_perspective"(NEW."authorId", NEW."authorPerspective", NEW."voiceShowsPerspective", NEW."source" <> 'ONLINE');
  RETURN NEW;
END
$$;

DROP TRIGGER "contribution_shown_perspective" ON "Contribution";
CREATE TRIGGER "contribution_shown_perspective" BEFORE INSERT OR UPDATE OF "authorId", "authorPerspective", "voiceShowsPerspective", "source", "shownPerspective"
  ON "Contribution" FOR EACH ROW EXECUTE FUNCTION "contribution_shown_perspective"();

CREATE OR REPLACE FUNCTION "author_shown_perspective"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contribution" c SET "shownPerspective" = "shown_perspective"(c."authorId", c."authorPerspective", c."voiceShowsPerspective", c."source" <> 'ONLINE')
  WHERE c."authorId" = NEW."id";
  RETURN NULL;
END
$$;

DROP FUNCTION "shown_perspective"(uuid, "Perspective", boolean);

-- Contributions attached before this fix get the stricter rule at once.
UPDATE "Contribution" SET "shownPerspective" = "shown_perspective"("authorId", "authorPerspective", "voiceShowsPerspective", "source" <> 'ONLINE')
WHERE "source" <> 'ONLINE';
