-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "awaitingTranscript" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "VoiceMessage" ADD COLUMN     "commentId" UUID,
ALTER COLUMN "contributionId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "VoiceMessage_commentId_key" ON "VoiceMessage"("commentId");

-- AddForeignKey
ALTER TABLE "VoiceMessage" ADD CONSTRAINT "VoiceMessage_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "VoiceMessage" ADD CONSTRAINT "voice_message_has_one_target" CHECK (num_nonnulls("contributionId", "commentId") = 1);

ALTER TABLE "Comment" DROP CONSTRAINT "comment_body_length",
  ADD CONSTRAINT "comment_body_length" CHECK (("body" ~ '\S' OR "awaitingTranscript") AND char_length("body") <= 5000);

-- The audio goes with the account: of the person's voice comments too.
CREATE OR REPLACE FUNCTION "voice_audio_with_account"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "VoiceAudio" a USING "VoiceMessage" v
    WHERE a."voiceMessageId" = v."id"
      AND (v."contributionId" IN (SELECT c."id" FROM "Contribution" c WHERE c."authorId" = NEW."id")
        OR v."commentId" IN (SELECT k."id" FROM "Comment" k WHERE k."authorId" = NEW."id"));
  UPDATE "VoiceMessage" v SET "audioDeletedAt" = now()
    WHERE v."audioDeletedAt" IS NULL
      AND (v."contributionId" IN (SELECT c."id" FROM "Contribution" c WHERE c."authorId" = NEW."id")
        OR v."commentId" IN (SELECT k."id" FROM "Comment" k WHERE k."authorId" = NEW."id"));
  RETURN NULL;
END
$$;

-- A deleted comment's audio goes at once, as a withdrawn contribution's.
CREATE FUNCTION "voice_audio_with_comment_deletion"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "VoiceAudio" a USING "VoiceMessage" v
    WHERE a."voiceMessageId" = v."id" AND v."commentId" = NEW."id";
  UPDATE "VoiceMessage" SET "audioDeletedAt" = now()
    WHERE "commentId" = NEW."id" AND "audioDeletedAt" IS NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER "voice_audio_with_comment_deletion" AFTER UPDATE OF "deletedAt" ON "Comment"
  FOR EACH ROW WHEN (OLD."deletedAt" IS NULL AND NEW."deletedAt" IS NOT NULL)
  EXECUTE FUNCTION "voice_audio_with_comment_deletion"();
