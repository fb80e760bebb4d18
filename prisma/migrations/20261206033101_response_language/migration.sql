-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN     "reasonLanguage" TEXT;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "language" TEXT;

-- Existing answers and reasons were written in their dialogue's first language (the only one
-- the forms assumed). The append-only triggers are lifted for this one backfill only.
ALTER TABLE "Response" DISABLE TRIGGER "response_append_only";
UPDATE "Response" r SET "language" = d."languages"[1]
  FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
 WHERE c."id" = r."contributionId";
ALTER TABLE "Response" ENABLE TRIGGER "response_append_only";

ALTER TABLE "ModerationAction" DISABLE TRIGGER "moderation_action_append_only";
UPDATE "ModerationAction" m SET "reasonLanguage" = d."languages"[1]
  FROM "Dialogue" d WHERE d."id" = m."dialogueId";
ALTER TABLE "ModerationAction" ENABLE TRIGGER "moderation_action_append_only";

-- Left out on insert, the language is the dialogue's first: every answer and reason has one
-- (the lang attribute it is rendered with), and older writers need not name it.
CREATE FUNCTION "response_language_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."language" IS NULL THEN
    SELECT d."languages"[1] INTO NEW."language"
      FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId" WHERE c."id" = NEW."contributionId";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "response_language_default" BEFORE INSERT ON "Response"
  FOR EACH ROW EXECUTE FUNCTION "response_language_default"();

CREATE FUNCTION "moderation_reason_language_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."reasonLanguage" IS NULL THEN
    SELECT d."languages"[1] INTO NEW."reasonLanguage" FROM "Dialogue" d WHERE d."id" = NEW."dialogueId";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "moderation_reason_language_default" BEFORE INSERT ON "ModerationAction"
  FOR EACH ROW EXECUTE FUNCTION "moderation_reason_language_default"();

ALTER TABLE "Response"
  ADD CONSTRAINT "response_language_set" CHECK ("language" IS NOT NULL AND "language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
ALTER TABLE "ModerationAction"
  ADD CONSTRAINT "moderation_reason_language_set" CHECK ("reasonLanguage" IS NOT NULL AND "reasonLanguage" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
