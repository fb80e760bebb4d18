-- AlterEnum
ALTER TYPE "TranslationMethod" ADD VALUE 'AUTHOR';

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "introduction" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin';

-- AlterTable
ALTER TABLE "Translation" ADD COLUMN     "actorId" UUID,
ADD COLUMN     "codeOfConduct" TEXT,
ADD COLUMN     "dialogueId" UUID,
ADD COLUMN     "meetingId" UUID,
ADD COLUMN     "moderationActionId" UUID,
ADD COLUMN     "municipalityId" UUID,
ADD COLUMN     "outdatedAt" TIMESTAMP(3),
ADD COLUMN     "place" TEXT,
ADD COLUMN     "responseId" UUID,
ADD COLUMN     "summary" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Translation_responseId_language_key" ON "Translation"("responseId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_moderationActionId_language_key" ON "Translation"("moderationActionId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_dialogueId_language_key" ON "Translation"("dialogueId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_meetingId_language_key" ON "Translation"("meetingId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_actorId_language_key" ON "Translation"("actorId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_municipalityId_language_key" ON "Translation"("municipalityId", "language");

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_moderationActionId_fkey" FOREIGN KEY ("moderationActionId") REFERENCES "ModerationAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every text has one subject; each field belongs to the subjects that have it (issue 13).
ALTER TABLE "Translation"
  DROP CONSTRAINT "translation_has_one_target",
  DROP CONSTRAINT "translation_title_only_for_contributions",
  DROP CONSTRAINT "translation_volunteer_named",
  ADD CONSTRAINT "translation_has_one_target" CHECK (num_nonnulls(
    "contributionId", "commentId", "responseId", "moderationActionId", "dialogueId", "meetingId", "actorId", "municipalityId") = 1),
  ADD CONSTRAINT "translation_fields_fit_subject" CHECK (
    ("title" IS NULL OR num_nonnulls("contributionId", "dialogueId", "meetingId") = 1)
    AND (("summary" IS NULL AND "codeOfConduct" IS NULL) OR "dialogueId" IS NOT NULL)
    AND ("place" IS NULL OR "meetingId" IS NOT NULL)
    AND ("dialogueId" IS NULL OR ("title" IS NOT NULL AND "summary" IS NOT NULL))
    AND ("meetingId" IS NULL OR "title" IS NOT NULL)),
  -- A volunteer's or an author's version names who wrote it; only a machine's is nobody's.
  ADD CONSTRAINT "translation_writer_named" CHECK ("method" = 'MACHINE' OR "translatorId" IS NOT NULL),
  ADD CONSTRAINT "translation_field_lengths" CHECK (
    ("title" IS NULL OR ("title" ~ '\S' AND char_length("title") <= 300))
    AND ("summary" IS NULL OR ("summary" ~ '\S' AND char_length("summary") <= 1000))
    AND ("place" IS NULL OR ("place" ~ '\S' AND char_length("place") <= 500))
    AND ("codeOfConduct" IS NULL OR ("codeOfConduct" ~ '\S' AND char_length("codeOfConduct") <= 20000)));

-- Editing an original after it was translated marks its translations outdated (shown as such)
-- until someone saves or checks them again.
CREATE FUNCTION "translations_outdated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE "Translation" SET "outdatedAt" = now() WHERE %I = $1 AND "outdatedAt" IS NULL', TG_ARGV[0])
    USING NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "contribution_translations_outdated" AFTER UPDATE OF "title", "body" ON "Contribution"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."body" IS DISTINCT FROM NEW."body")
  EXECUTE FUNCTION "translations_outdated"('contributionId');
CREATE TRIGGER "comment_translations_outdated" AFTER UPDATE OF "body" ON "Comment"
  FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body")
  EXECUTE FUNCTION "translations_outdated"('commentId');
CREATE TRIGGER "dialogue_translations_outdated" AFTER UPDATE OF "title", "summary", "description", "codeOfConduct" ON "Dialogue"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."summary" IS DISTINCT FROM NEW."summary"
    OR OLD."description" IS DISTINCT FROM NEW."description" OR OLD."codeOfConduct" IS DISTINCT FROM NEW."codeOfConduct")
  EXECUTE FUNCTION "translations_outdated"('dialogueId');
CREATE TRIGGER "meeting_translations_outdated" AFTER UPDATE OF "title", "description", "place" ON "Meeting"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."description" IS DISTINCT FROM NEW."description"
    OR OLD."place" IS DISTINCT FROM NEW."place")
  EXECUTE FUNCTION "translations_outdated"('meetingId');
CREATE TRIGGER "actor_translations_outdated" AFTER UPDATE OF "description" ON "Actor"
  FOR EACH ROW WHEN (OLD."description" IS DISTINCT FROM NEW."description")
  EXECUTE FUNCTION "translations_outdated"('actorId');
CREATE TRIGGER "municipality_translations_outdated" AFTER UPDATE OF "introduction" ON "Municipality"
  FOR EACH ROW WHEN (OLD."introduction" IS DISTINCT FROM NEW."introduction")
  EXECUTE FUNCTION "translations_outdated"('municipalityId');

ALTER TABLE "Municipality"
  ADD CONSTRAINT "municipality_introduction_length" CHECK ("introduction" IS NULL OR char_length("introduction") <= 5000),
  ADD CONSTRAINT "municipality_time_zone_format" CHECK ("timeZone" ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$');
