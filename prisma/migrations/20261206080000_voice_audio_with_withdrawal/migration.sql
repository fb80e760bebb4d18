-- The audio goes with the withdrawal (decision 033): when a contribution is withdrawn — by its
-- author, by any code path — the recording of what was said is deleted at once and the voice
-- message notes when. The transcript, if any, stays with the withdrawn contribution as before.
CREATE FUNCTION "voice_audio_with_withdrawal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "VoiceAudio" a USING "VoiceMessage" v
    WHERE a."voiceMessageId" = v."id" AND v."contributionId" = NEW."id";
  UPDATE "VoiceMessage" SET "audioDeletedAt" = now()
    WHERE "contributionId" = NEW."id" AND "audioDeletedAt" IS NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER "voice_audio_with_withdrawal" AFTER UPDATE OF "withdrawnAt" ON "Contribution"
  FOR EACH ROW WHEN (OLD."withdrawnAt" IS NULL AND NEW."withdrawnAt" IS NOT NULL)
  EXECUTE FUNCTION "voice_audio_with_withdrawal"();
